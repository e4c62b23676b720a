import { DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL, DEF_NONLOCAL, SCOPE_OFFSET, Scope } from './flags.js';
import type { Directive, SymbolTableEntry } from './scope.js';

/** Reports a SyntaxError at a directive's position (never returns). */
export type DirectiveError = (msg: string, at: Directive) => never;

/**
 * The second symbol-table pass: decides the scope of every name in a block and its children.
 *
 * A parent passes down `bound` (names bound in enclosing function scopes; null at module level)
 * and `global` (names declared global above). Children report the names they use freely;
 * a function that binds such a name makes it a cell, other blocks pass it further up.
 * Class bodies are invisible to nested functions, except for the implicit `__class__`.
 * `free` collects this block's free names for the parent (output).
 * CPython: Python/symtable.c (analyze_block, analyze_name, analyze_cells, update_symbols,
 * drop_class_free, analyze_child_block), 3.11 semantics (no comprehension inlining).
 */
export function analyzeBlock(ste: SymbolTableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>, error: DirectiveError): void {
  const local = new Set<string>();
  const scopes = new Map<string, number>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();

  // Class bindings are not visible in nested functions, so a class passes down what it received.
  if (ste.type === 'ClassBlock') {
    for (const n of global) newGlobal.add(n);
    if (bound) for (const n of bound) newBound.add(n);
  }

  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global, error);

  if (ste.type !== 'ClassBlock') {
    if (ste.type === 'FunctionBlock') for (const n of local) newBound.add(n);
    if (bound) for (const n of bound) newBound.add(n);
    for (const n of global) newGlobal.add(n);
  } else {
    newBound.add('__class__');
  }

  const allFree = new Set<string>();
  for (const child of ste.children) {
    // Each child works on copies, so its bindings never leak to its siblings or to us.
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), error);
    for (const n of childFree) allFree.add(n);
    if (child.free || child.childFree) ste.childFree = true;
  }
  for (const n of allFree) newFree.add(n);

  if (ste.type === 'FunctionBlock') analyzeCells(scopes, newFree);
  else if (ste.type === 'ClassBlock') dropClassFree(ste, newFree);
  updateSymbols(ste.symbols, scopes, bound, newFree, ste.type === 'ClassBlock');
  for (const n of newFree) free.add(n);
}

function analyzeName(
  ste: SymbolTableEntry,
  scopes: Map<string, number>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  error: DirectiveError,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) error(`name '${name}' is nonlocal and global`, directiveOf(ste, name));
    scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) error('nonlocal declaration not allowed at module level', directiveOf(ste, name));
    if (!bound.has(name)) error(`no binding for nonlocal '${name}' found`, directiveOf(ste, name));
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  // Bound in an enclosing function: free here.
  if (bound && bound.has(name)) {
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, Scope.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

function directiveOf(ste: SymbolTableEntry, name: string): Directive {
  for (const d of ste.directives ?? []) if (d.name === name) return d;
  return { name, lineno: ste.lineno, col_offset: ste.col_offset, end_lineno: ste.end_lineno, end_col_offset: ste.end_col_offset };
}

/** A local that a child uses freely becomes a cell here, and stops being free. */
function analyzeCells(scopes: Map<string, number>, free: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== Scope.LOCAL || !free.has(name)) continue;
    scopes.set(name, Scope.CELL);
    free.delete(name);
  }
}

function dropClassFree(ste: SymbolTableEntry, free: Set<string>): void {
  if (free.delete('__class__')) ste.needsClassClosure = true;
}

function updateSymbols(symbols: Map<string, number>, scopes: Map<string, number>, bound: Set<string> | null, free: Set<string>, classflag: boolean): void {
  for (const [name, flags] of symbols) symbols.set(name, flags | ((scopes.get(name) ?? 0) << SCOPE_OFFSET));
  for (const name of free) {
    const flags = symbols.get(name);
    if (flags !== undefined) {
      // A method's free variable with the same name as a class-level binding.
      if (classflag) symbols.set(name, flags | DEF_FREE_CLASS);
      continue;
    }
    // Not bound in any enclosing function: a global, nothing to record.
    if (bound && !bound.has(name)) continue;
    // Pass the free name up through this block.
    symbols.set(name, Scope.FREE << SCOPE_OFFSET);
  }
}
