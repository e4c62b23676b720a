import type * as ast from '../../ast/nodes.generated.js';
import { HAVE_ARGUMENT } from '../../bytecode/opcodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import type { PyValue } from '../../objects/values.js';
import { CodeObject } from '../../bytecode/code-object.js';
import { InternalError, PySyntaxError } from '../../source/errors.js';
import type { SymbolTable, SymbolTableEntry } from '../../symtable/index.js';
import { CELL, FREE, dictByType } from './scope-dicts.js';
import { ConstCache, constKey } from '../const-cache.js';
import { type BasicBlock, type Instr, isEndOfBasicBlock, newBlock, newInstr } from '../ir.js';
import { mangle } from '../../symtable/mangle.js';

/**
 * A unit's constants with their indexes. Strings and ints (the common constants) are looked up
 * by value directly; everything else by its constant key.
 */
export class ConstIndex {
  private readonly strs = new Map<string, number>();
  private readonly ints = new Map<number | bigint, number>();
  private readonly others = new Map<string, number>();
  /** Code objects are canonical after the compile-wide merge, so identity is their key. */
  private readonly codes = new Map<CodeObject, number>();
  readonly values: PyValue[] = [];

  add(v: PyValue): number {
    if (typeof v === 'string') return this.lookup(this.strs, v, v);
    if (typeof v === 'number' || typeof v === 'bigint') return this.lookup(this.ints, v, v);
    if (v instanceof CodeObject) return this.lookup(this.codes, v, v);
    return this.lookup(this.others, constKey(v), v);
  }

  private lookup<K>(map: Map<K, number>, key: K, v: PyValue): number {
    let index = map.get(key);
    if (index === undefined) {
      index = this.values.length;
      map.set(key, index);
      this.values.push(v);
    }
    return index;
  }
}

/** What kind of code a unit compiles (COMPILER_SCOPE_*). */
export type ScopeType = 'module' | 'class' | 'function' | 'async_function' | 'lambda' | 'comprehension';

/** Frame-block kinds: the control structures `break`, `continue` and `return` must unwind. */
export type FBlockType =
  | 'WHILE_LOOP'
  | 'FOR_LOOP'
  | 'TRY_EXCEPT'
  | 'FINALLY_TRY'
  | 'FINALLY_END'
  | 'WITH'
  | 'ASYNC_WITH'
  | 'HANDLER_CLEANUP'
  | 'POP_VALUE'
  | 'EXCEPTION_HANDLER'
  | 'EXCEPTION_GROUP_HANDLER'
  | 'ASYNC_COMPREHENSION_GENERATOR';

/** A frame block (struct fblockinfo). `datum` holds what unwinding needs: a finally body, a with statement, a handler name. */
export interface FBlock {
  type: FBlockType;
  block: BasicBlock | null;
  exit: BasicBlock | null;
  datum: ast.stmt[] | ast.With | ast.AsyncWith | string | null;
}

/** CO_MAXBLOCKS: the static nesting limit of loops, try and with. */
export const CO_MAXBLOCKS = 20;

/** A warning the compiler reports (CPython prints it as `file:line: SyntaxWarning: msg`). */
export interface CompileWarning {
  category: 'SyntaxWarning' | 'DeprecationWarning';
  message: string;
  filename: string;
  lineno: number;
}

/**
 * The state of one code object being compiled (struct compiler_unit): its symbol table entry,
 * the constant/name/variable tables that become co_consts, co_names and localsplus, the blocks
 * and the current source location.
 * CPython: Python/compile.c (struct compiler_unit, compiler_enter_scope).
 */
export class Unit {
  /** co_consts under construction (u_consts): index by constant key, in insertion order. */
  readonly consts = new ConstIndex();
  readonly names = new Map<string, number>();
  readonly varnames = new Map<string, number>();
  readonly cellvars: Map<string, number>;
  readonly freevars: Map<string, number>;
  qualname: string | null = null;
  private_: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  readonly blocks: BasicBlock[] = [];
  curblock: BasicBlock;
  readonly fblocks: FBlock[] = [];
  lineno: number;
  col_offset = 0;
  end_lineno: number;
  end_col_offset = 0;
  needNewImplicitBlock = false;

  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly scopeType: ScopeType,
    public firstlineno: number,
  ) {
    this.lineno = firstlineno;
    this.end_lineno = firstlineno;
    ste.varnames.forEach((v, i) => this.varnames.set(v, i));
    this.cellvars = dictByType(ste.symbols, CELL, 0, 0);
    if (ste.needsClassClosure) this.cellvars.set('__class__', 0);
    this.freevars = dictByType(ste.symbols, FREE, 0x40 /* DEF_FREE_CLASS */, this.cellvars.size);
    this.curblock = this.allocBlock();
  }

  allocBlock(): BasicBlock {
    const b = newBlock(this.blocks.length);
    this.blocks.push(b);
    return b;
  }
}

/** Options of one compilation. */
export interface CompilerOptions {
  /** -O level (0: asserts and `__debug__` kept). */
  optimize?: number;
  /** Source lines for SyntaxError.text (1-based, with newline), when the source is known. */
  sourceLine?: (lineno: number) => string | null;
  /** Receives compile-time warnings. */
  warnings?: CompileWarning[];
}

/**
 * The whole compilation (struct compiler): the symbol table, the compile-wide constant cache,
 * the current unit and the stack of enclosing units.
 */
export class Compiler {
  readonly constCache = new ConstCache();
  u!: Unit;
  /** A unit is being compiled (`u` is valid). */
  active = false;
  readonly stack: Unit[] = [];
  nestlevel = 0;
  interactive = false;
  readonly optimize: number;

  constructor(
    readonly filename: string,
    readonly st: SymbolTable,
    /** CO_FUTURE_* bits of the module's `from __future__` imports. */
    readonly futureFeatures: number,
    /** Line of the last `from __future__` import (ff_lineno), -1 if none. */
    readonly futureLineno: number,
    readonly options: CompilerOptions,
  ) {
    this.optimize = options.optimize ?? 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Locations

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** SET_LOC: the following instructions belong to node `x`. */
export function setLoc(c: Compiler, x: Located): void {
  const u = c.u;
  u.lineno = x.lineno;
  u.col_offset = x.col_offset;
  u.end_lineno = x.end_lineno;
  u.end_col_offset = x.end_col_offset;
}

/** UNSET_LOC: the following instructions are artificial (no location). */
export function unsetLoc(c: Compiler): void {
  const u = c.u;
  u.lineno = -1;
  u.col_offset = -1;
  u.end_lineno = -1;
  u.end_col_offset = -1;
}

/** The current location, to restore later. */
export function saveLoc(c: Compiler): Located {
  const u = c.u;
  return { lineno: u.lineno, col_offset: u.col_offset, end_lineno: u.end_lineno, end_col_offset: u.end_col_offset };
}

// ---------------------------------------------------------------------------------------------
// Blocks and instructions

export function newBlockIn(c: Compiler): BasicBlock {
  return c.u.allocBlock();
}

/** compiler_use_next_block: `block` follows the current block and becomes current. */
export function useNextBlock(c: Compiler, block: BasicBlock): BasicBlock {
  c.u.curblock.next = block;
  c.u.curblock = block;
  c.u.needNewImplicitBlock = false;
  return block;
}

function emit(c: Compiler, opcode: number, oparg: number, target: BasicBlock | null, lineno: number, end_lineno: number, col_offset: number, end_col_offset: number): Instr {
  const u = c.u;
  if (u.needNewImplicitBlock) useNextBlock(c, u.allocBlock());
  const b = u.curblock;
  const i = newInstr(opcode, oparg, target, lineno, end_lineno, col_offset, end_col_offset);
  b.instrs.push(i);
  if (opcode === Opcode.RETURN_VALUE) b.hasReturn = true;
  if (isEndOfBasicBlock(i)) u.needNewImplicitBlock = true;
  return i;
}

/** ADDOP: an instruction without argument at the current location. */
export function addop(c: Compiler, opcode: number): void {
  if (opcode >= HAVE_ARGUMENT) throw new InternalError(`opcode ${opcode} needs an argument`);
  const u = c.u;
  emit(c, opcode, 0, null, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
}

/** ADDOP_NOLINE. */
export function addopNoline(c: Compiler, opcode: number): void {
  emit(c, opcode, 0, null, -1, 0, 0, 0);
}

/** ADDOP_I: an instruction with an integer argument at the current location. */
export function addopI(c: Compiler, opcode: number, oparg: number): void {
  const u = c.u;
  emit(c, opcode, oparg, null, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
}

/** ADDOP_I_NOLINE. */
export function addopINoline(c: Compiler, opcode: number, oparg: number): void {
  emit(c, opcode, oparg, null, -1, 0, 0, 0);
}

/** ADDOP_JUMP: a jump (or SETUP_*) to `target` at the current location. */
export function addopJ(c: Compiler, opcode: number, target: BasicBlock): void {
  const u = c.u;
  emit(c, opcode, 0, target, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
}

/** ADDOP_JUMP_NOLINE: an artificial jump. */
export function addopJNoline(c: Compiler, opcode: number, target: BasicBlock): void {
  emit(c, opcode, 0, target, -1, 0, 0, 0);
}

// ---------------------------------------------------------------------------------------------
// Constants and names

/** compiler_add_const: the co_consts index of `v`, merged through the compile-wide cache. */
export function addConst(c: Compiler, v: PyValue): number {
  return c.u.consts.add(c.constCache.merge(v));
}

/** ADDOP_LOAD_CONST. */
export function loadConst(c: Compiler, v: PyValue): void {
  addopI(c, Opcode.LOAD_CONST, addConst(c, v));
}

/** compiler_add_o: the index of a name in one of the unit's name tables. */
export function addName(dict: Map<string, number>, name: string): number {
  let index = dict.get(name);
  if (index === undefined) {
    index = dict.size;
    dict.set(name, index);
  }
  return index;
}

/** ADDOP_NAME: an instruction naming an entry of co_names, mangled. */
export function addopName(c: Compiler, opcode: number, name: string): void {
  addopI(c, opcode, addName(c.u.names, mangle(c.u.private_, name)));
}

/** ADDOP_N on co_names without mangling (IMPORT_FROM of dotted parts, `__annotations__`). */
export function addopRawName(c: Compiler, opcode: number, name: string): void {
  addopI(c, opcode, addName(c.u.names, name));
}

// ---------------------------------------------------------------------------------------------
// Errors and warnings

/** compiler_error: a SyntaxError at the current location (columns are UTF-8 byte offsets + 1). */
export function compilerError(c: Compiler, msg: string): never {
  const u = c.u;
  const text = c.options.sourceLine?.(u.lineno) ?? null;
  throw new PySyntaxError('SyntaxError', msg, c.filename, u.lineno, u.col_offset + 1, u.end_lineno, u.end_col_offset + 1, text);
}

/** compiler_warn: a SyntaxWarning at the current line. */
export function compilerWarn(c: Compiler, msg: string): void {
  c.options.warnings?.push({ category: 'SyntaxWarning', message: msg, filename: c.filename, lineno: c.u.lineno });
}

// ---------------------------------------------------------------------------------------------
// Frame blocks

export function pushFBlock(c: Compiler, type: FBlockType, block: BasicBlock | null, exit: BasicBlock | null, datum: FBlock['datum']): void {
  if (c.u.fblocks.length >= CO_MAXBLOCKS) compilerError(c, 'too many statically nested blocks');
  c.u.fblocks.push({ type, block, exit, datum });
}

export function popFBlock(c: Compiler, type: FBlockType, block: BasicBlock | null): void {
  const f = c.u.fblocks.pop();
  if (f === undefined || f.type !== type || f.block !== block) throw new InternalError(`frame block mismatch: expected ${type}`);
}
