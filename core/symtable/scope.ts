import type { BlockType, ComprehensionType } from './flags.js';
import { scopeOf } from './flags.js';

/** Where a `global`/`nonlocal` directive stood, for errors found during analysis. */
export interface Directive {
  name: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/**
 * One block's symbol table: the names it binds, reads and declares, their final scopes, and its
 * nested blocks. Symbols map a (mangled) name to its DEF_* flags plus scope bits, in the order
 * the names were first met, exactly like CPython's ste_symbols dict.
 * CPython: Include/internal/pycore_symtable.h (PySTEntryObject), Python/symtable.c (ste_new).
 */
export class SymbolTableEntry {
  readonly symbols = new Map<string, number>();
  /** Parameters in definition order (ste_varnames): positional-only, positional, keyword-only, *args, **kwargs. */
  readonly varnames: string[] = [];
  readonly children: SymbolTableEntry[] = [];
  directives: Directive[] | null = null;
  /** The enclosing block is a function (or is itself nested). */
  nested = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionType = 'NoComprehension';
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  /** A class whose methods use `super` or `__class__`: it gets an implicit `__class__` cell. */
  needsClassClosure = false;
  /** Some name here is free (analysis output). */
  free = false;
  /** Some nested block has free names (analysis output). */
  childFree = false;
  /** Currently visiting a comprehension's iteration target. */
  compIterTarget = false;
  /** Depth of comprehension iterable expressions being visited (assignment expressions are banned there). */
  compIterExpr = 0;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly lineno: number,
    readonly col_offset: number,
    readonly end_lineno: number,
    readonly end_col_offset: number,
  ) {}

  /** The flags of a name, 0 when unknown (_PyST_GetSymbol). */
  getSymbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** The analysed scope of a name, 0 when unknown (_PyST_GetScope). */
  getScope(name: string): number {
    return scopeOf(this.symbols.get(name) ?? 0);
  }

  get isFunctionLike(): boolean {
    return this.type === 'FunctionBlock';
  }
}
