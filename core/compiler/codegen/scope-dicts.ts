import { SCOPE_OFFSET, SCOPE_MASK, Scope } from '../../symtable/flags.js';

export const CELL = Scope.CELL;
export const FREE = Scope.FREE;

/** Python's ordering of str (by code point), which differs from JS's UTF-16 order for astral characters. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The names of a symbol table whose scope is `scope` or that carry `flag`, sorted, numbered
 * from `offset`: how cell and free variables get their (deterministic) indexes.
 * CPython: Python/compile.c (dictbytype).
 */
export function dictByType(symbols: ReadonlyMap<string, number>, scope: number, flag: number, offset: number): Map<string, number> {
  const keys: string[] = [];
  for (const [k, v] of symbols) if (((v >> SCOPE_OFFSET) & SCOPE_MASK) === scope || v & flag) keys.push(k);
  const out = new Map<string, number>();
  if (keys.length > 1) keys.sort(compareCodePoints);
  let i = offset;
  for (const k of keys) out.set(k, i++);
  return out;
}
