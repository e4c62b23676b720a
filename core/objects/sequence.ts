import { CMP } from './types.js';
import { hasIndex, index, richCompare, richCompareBool } from './abstract.js';
import { indexError, typeError } from './exceptions.js';
import { cmpResult } from './int.js';
import { typeName } from './types.js';
import type { PyValue } from './values.js';

/**
 * What list, tuple and range share: lexicographic comparison, and turning a subscript into an
 * in-range position with the type's own error messages.
 * CPython: Objects/listobject.c (list_richcompare), Objects/tupleobject.c (tuplerichcompare).
 */

/** Compares two item arrays as list_richcompare does: find the first unequal pair, then compare it. */
export function compareItems(a: readonly PyValue[], b: readonly PyValue[], op: number): PyValue {
  if (a.length !== b.length && (op === CMP.EQ || op === CMP.NE)) return op === CMP.NE;
  let i = 0;
  // Items may change length under our feet only through Python code; re-read lengths each time.
  for (; i < a.length && i < b.length; i++) {
    if (!richCompareBool(a[i], b[i], CMP.EQ)) break;
  }
  if (i >= a.length || i >= b.length) {
    return cmpResult(a.length < b.length ? -1 : a.length > b.length ? 1 : 0, op);
  }
  if (op === CMP.EQ) return false;
  if (op === CMP.NE) return true;
  return richCompare(a[i], b[i], op);
}

/**
 * The int position `key` names in a sequence of `length` items (negative counts from the end),
 * or an IndexError with `what` ("list index out of range"). Non-int keys raise `typeMessage`.
 */
export function itemPosition(key: PyValue, length: number, typeMessage: string, what: string): number {
  if (!hasIndex(key)) throw typeError(typeMessage.replace('%T', typeName(key)));
  const i = index(key);
  if (typeof i === 'bigint') throw indexError("cannot fit 'int' into an index-sized integer");
  const pos = i < 0 ? i + length : i;
  if (pos < 0 || pos >= length) throw indexError(what);
  return pos;
}
