/**
 * Symbol flags and scopes, with CPython's names and values. A symbol's entry is one number:
 * the DEF_* / USE flags gathered in the first pass, and (after analysis) its scope stored at
 * SCOPE_OFFSET.
 * CPython: Include/internal/pycore_symtable.h (3.11).
 */

/** Name bound by `global`. */
export const DEF_GLOBAL = 1;
/** Assignment in the block. */
export const DEF_LOCAL = 2;
/** Formal parameter. */
export const DEF_PARAM = 2 << 1;
/** Name bound by `nonlocal`. */
export const DEF_NONLOCAL = 2 << 2;
/** Name is read. */
export const USE = 2 << 3;
/** Name used but not defined in a nested block. */
export const DEF_FREE = 2 << 4;
/** Free variable from a class's method. */
export const DEF_FREE_CLASS = 2 << 5;
/** Assignment by an import. */
export const DEF_IMPORT = 2 << 6;
/** Name is annotated. */
export const DEF_ANNOT = 2 << 7;
/** Comprehension iteration variable. */
export const DEF_COMP_ITER = 2 << 8;

export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/** The scope of a name, decided by analysis. */
export const Scope = {
  LOCAL: 1,
  GLOBAL_EXPLICIT: 2,
  GLOBAL_IMPLICIT: 3,
  FREE: 4,
  CELL: 5,
} as const;
export type ScopeKind = (typeof Scope)[keyof typeof Scope];

/** The kinds of block (_Py_block_ty). Lambdas and comprehensions are FunctionBlocks. */
export type BlockType = 'FunctionBlock' | 'ClassBlock' | 'ModuleBlock' | 'AnnotationBlock';

/** Which comprehension a FunctionBlock implements, if any (_Py_comprehension_ty). */
export type ComprehensionType = 'NoComprehension' | 'ListComprehension' | 'DictComprehension' | 'SetComprehension' | 'GeneratorExpression';

/** The scope bits of a symbol entry. */
export function scopeOf(flags: number): number {
  return (flags >> SCOPE_OFFSET) & SCOPE_MASK;
}
