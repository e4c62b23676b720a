import { CO, CO_FAST, CodeObject } from '../bytecode/code-object.js';
import { decodeExceptionTable, type ExceptionTableEntry } from '../bytecode/exception-table.js';
import { coPositions, type Position } from '../bytecode/linetable.js';
import type { FunctionCodeCache } from '../objects/function.js';
import type { PyValue } from '../objects/values.js';

/**
 * What the interpreter derives once per code object: the flat frame layout (localsplus, then the
 * value stack), argument-binding facts, and lazily the exception table and positions (needed
 * only when something raises or a trace is drawn).
 * CPython: Include/cpython/code.h (co_nlocalsplus, co_framesize), Objects/codeobject.c.
 */
export class CodeInfo implements FunctionCodeCache {
  readonly bytes: Uint8Array;
  /** co_code as 16-bit code units (opcode in the low byte, argument in the high byte). */
  readonly words: Uint16Array;
  readonly consts: readonly PyValue[];
  readonly names: readonly string[];
  /** Number of localsplus slots (locals, cells, frees); the stack starts here. */
  readonly nlocalsplus: number;
  /** localsplus + co_stacksize. */
  readonly frameSize: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  /** Slots for *args and **kwargs, or -1. */
  readonly varargsIndex: number;
  readonly varkwIndex: number;
  /** Parameter names (positional then keyword-only), for keyword binding and error messages. */
  readonly paramNames: readonly string[];
  /** True when a call with exactly `argcount` positional arguments needs no binding logic. */
  readonly simpleArgs: boolean;
  readonly isGenerator: boolean;
  private table: ExceptionTableEntry[] | null = null;
  private positions: Position[] | null = null;

  constructor(readonly code: CodeObject) {
    this.bytes = code.co_code;
    // One load per instruction instead of two: code units as little-endian 16-bit words.
    const words = new Uint16Array(code.co_code.length >> 1);
    for (let i = 0; i < words.length; i++) words[i] = code.co_code[2 * i] | (code.co_code[2 * i + 1] << 8);
    this.words = words;
    this.consts = code.co_consts;
    this.names = code.co_names;
    this.nlocalsplus = code.co_localsplusnames.length;
    this.frameSize = this.nlocalsplus + code.co_stacksize;
    this.argcount = code.co_argcount;
    this.posonlyargcount = code.co_posonlyargcount;
    this.kwonlyargcount = code.co_kwonlyargcount;
    const flags = code.co_flags;
    let next = code.co_argcount + code.co_kwonlyargcount;
    this.varargsIndex = flags & CO.VARARGS ? next++ : -1;
    this.varkwIndex = flags & CO.VARKEYWORDS ? next++ : -1;
    this.paramNames = code.co_localsplusnames.slice(0, code.co_argcount + code.co_kwonlyargcount);
    this.isGenerator = (flags & (CO.GENERATOR | CO.COROUTINE | CO.ASYNC_GENERATOR)) !== 0;
    let hasCellParam = false;
    for (let i = 0; i < next; i++) if (code.co_localspluskinds[i] & CO_FAST.CELL) hasCellParam = true;
    this.simpleArgs = this.kwonlyargcount === 0 && this.varargsIndex < 0 && this.varkwIndex < 0 && !hasCellParam;
  }

  /** The decoded exception table (byte offsets). */
  get exceptionTable(): ExceptionTableEntry[] {
    return (this.table ??= decodeExceptionTable(this.code.co_exceptiontable));
  }

  /** The handler covering the instruction at byte offset `lasti`, if any. */
  findHandler(lasti: number): ExceptionTableEntry | null {
    for (const e of this.exceptionTable) if (e.start <= lasti && lasti < e.end) return e;
    return null;
  }

  /** co_positions() entry of the instruction at a byte offset. */
  positionAt(offset: number): Position {
    this.positions ??= coPositions(this.code);
    return this.positions[offset >> 1] ?? { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };
  }

  /** The line of the instruction at a byte offset (PyCode_Addr2Line), or null. */
  lineAt(offset: number): number | null {
    return this.positionAt(offset).lineno;
  }
}

const infos = new WeakMap<CodeObject, CodeInfo>();

export function codeInfo(code: CodeObject): CodeInfo {
  let info = infos.get(code);
  if (info === undefined) infos.set(code, (info = new CodeInfo(code)));
  return info;
}
