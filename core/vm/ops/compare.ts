import { recursion, richCompare } from '../../objects/abstract.js';
import { newError, RecursionError } from '../../objects/exceptions.js';
import { PyDict } from '../../objects/dict.js';
import { PyList } from '../../objects/list.js';
import { hasSurrogates } from '../../objects/str.js';
import { PyFloat, PyTuple, type PyValue } from '../../objects/values.js';

/**
 * Slow paths of COMPARE_OP and BINARY_SUBSCR.
 * CPython: Python/ceval.c (COMPARE_OP and its specialisations), Python/specialize.c
 * (_Py_Specialize_CompareOp), Objects/object.c (PyObject_RichCompare's recursion guard).
 */

/** POP_JUMP_{FORWARD,BACKWARD}_IF_{FALSE,TRUE}: the jumps COMPARE_OP specialises with. */
function isCompareJump(op: number): boolean {
  return op === 114 || op === 115 || op === 175 || op === 176;
}

function isCompactInt(v: PyValue): boolean {
  return typeof v === 'number' && v > -(2 ** 30) && v < 2 ** 30;
}

/**
 * RecursionError " in comparison" when PyObject_RichCompare's guard would overflow. CPython 3.11
 * skips the guard only for the specialised forms: a comparison feeding a conditional jump, of two
 * floats, two single-digit ints, or two strs compared with == or != (the warmed-up state a deep
 * recursion reaches). `nextOffset` is the offset after COMPARE_OP and its caches.
 */
export function checkCompareRecursion(a: PyValue, b: PyValue, op: number, code: Uint8Array, nextOffset: number): void {
  if (recursion.depth < recursion.limit) return;
  if (isCompareJump(code[nextOffset])) {
    if (a instanceof PyFloat && b instanceof PyFloat) return;
    if (isCompactInt(a) && isCompactInt(b)) return;
    if (typeof a === 'string' && typeof b === 'string' && (op === 2 || op === 3)) return;
  }
  throw newError(RecursionError, 'maximum recursion depth exceeded in comparison');
}

/** COMPARE_OP for anything but two JS numbers or two strs. */
export function compareSlow(a: PyValue, b: PyValue, op: number, code: Uint8Array, nextOffset: number): PyValue {
  checkCompareRecursion(a, b, op, code, nextOffset);
  return richCompare(a, b, op);
}

/** BINARY_SUBSCR fast cases (in-range int index into list/tuple/str, dict lookup), else undefined. */
export function subscriptFast(container: PyValue, key: PyValue): PyValue | undefined {
  if (typeof key === 'number') {
    if (container instanceof PyList || container instanceof PyTuple) {
      const items = container.items;
      const i = key < 0 ? key + items.length : key;
      if (i >= 0 && i < items.length) return items[i];
      return undefined;
    }
    if (typeof container === 'string' && !hasSurrogates(container)) {
      const i = key < 0 ? key + container.length : key;
      if (i >= 0 && i < container.length) return container[i];
      return undefined;
    }
  }
  if (container instanceof PyDict) return container.get(key);
  return undefined;
}
