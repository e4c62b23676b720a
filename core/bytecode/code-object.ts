import { PyObject, type PyValue } from '../objects/values.js';

/** co_flags bits. CPython: Include/cpython/code.h. */
export const CO = {
  OPTIMIZED: 0x1,
  NEWLOCALS: 0x2,
  VARARGS: 0x4,
  VARKEYWORDS: 0x8,
  NESTED: 0x10,
  GENERATOR: 0x20,
  NOFREE: 0x40,
  COROUTINE: 0x80,
  ITERABLE_COROUTINE: 0x100,
  ASYNC_GENERATOR: 0x200,
  FUTURE_ANNOTATIONS: 0x1000000,
} as const;

/** Kinds in co_localspluskinds. A parameter that is also a cell is LOCAL|CELL. CPython: Include/internal/pycore_code.h. */
export const CO_FAST = {
  LOCAL: 0x20,
  CELL: 0x40,
  FREE: 0x80,
} as const;

/** The fields of a 3.11 code object, in marshal order. */
export interface CodeFields {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  /** Bytecode with its CACHE units, all zero (the de-specialised form marshal writes). */
  co_code: Uint8Array;
  co_consts: readonly PyValue[];
  co_names: readonly string[];
  co_localsplusnames: readonly string[];
  co_localspluskinds: Uint8Array;
  co_filename: string;
  co_name: string;
  co_qualname: string;
  co_firstlineno: number;
  co_linetable: Uint8Array;
  co_exceptiontable: Uint8Array;
}

/**
 * An immutable CPython 3.11 code object: what the compiler produces, marshal reads and writes,
 * dis prints and the VM executes. The derived views (co_varnames, co_cellvars, co_freevars,
 * co_nlocals) are computed from localsplus exactly as CPython's code object getters do.
 * CPython: Objects/codeobject.c.
 */
export class CodeObject extends PyObject implements CodeFields {
  readonly co_argcount: number;
  readonly co_posonlyargcount: number;
  readonly co_kwonlyargcount: number;
  readonly co_stacksize: number;
  readonly co_flags: number;
  readonly co_code: Uint8Array;
  readonly co_consts: readonly PyValue[];
  readonly co_names: readonly string[];
  readonly co_localsplusnames: readonly string[];
  readonly co_localspluskinds: Uint8Array;
  readonly co_filename: string;
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_firstlineno: number;
  readonly co_linetable: Uint8Array;
  readonly co_exceptiontable: Uint8Array;

  constructor(fields: CodeFields) {
    super();
    this.co_argcount = fields.co_argcount;
    this.co_posonlyargcount = fields.co_posonlyargcount;
    this.co_kwonlyargcount = fields.co_kwonlyargcount;
    this.co_stacksize = fields.co_stacksize;
    this.co_flags = fields.co_flags;
    this.co_code = fields.co_code;
    this.co_consts = fields.co_consts;
    this.co_names = fields.co_names;
    this.co_localsplusnames = fields.co_localsplusnames;
    this.co_localspluskinds = fields.co_localspluskinds;
    this.co_filename = fields.co_filename;
    this.co_name = fields.co_name;
    this.co_qualname = fields.co_qualname;
    this.co_firstlineno = fields.co_firstlineno;
    this.co_linetable = fields.co_linetable;
    this.co_exceptiontable = fields.co_exceptiontable;
  }

  private namesOfKind(kind: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.co_localsplusnames.length; i++) {
      if (this.co_localspluskinds[i] & kind) out.push(this.co_localsplusnames[i]);
    }
    return out;
  }

  /** Local variable names, parameters first (kind has LOCAL). */
  get co_varnames(): string[] {
    return this.namesOfKind(CO_FAST.LOCAL);
  }
  /** Names of cells created by this code (kind has CELL), in localsplus order. */
  get co_cellvars(): string[] {
    return this.namesOfKind(CO_FAST.CELL);
  }
  /** Names of free variables received from an enclosing scope. */
  get co_freevars(): string[] {
    return this.namesOfKind(CO_FAST.FREE);
  }
  get co_nlocals(): number {
    return this.co_varnames.length;
  }
  /** Number of code units (instructions and caches). */
  get codeUnits(): number {
    return this.co_code.length >> 1;
  }
}

/**
 * The code object and every code object nested in its constants, depth-first in co_consts order:
 * the order `dis` prints them in. A code object's index here is its `codeIndex` in trace states.
 */
export function flattenCode(code: CodeObject): CodeObject[] {
  const out: CodeObject[] = [];
  const visit = (c: CodeObject): void => {
    out.push(c);
    for (const k of c.co_consts) if (k instanceof CodeObject) visit(k);
  };
  visit(code);
  return out;
}
