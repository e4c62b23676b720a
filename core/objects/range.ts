import { CMP, NotImplemented, PyType, objectType, rangeType, setPrototypeType, typeName } from './types.js';
import { None, PyObject, PyTuple, type PyInt, type PyValue } from './values.js';
import { eq, hash, index, repr } from './abstract.js';
import { indexError, overflowError, typeError, valueError } from './exceptions.js';
import { PySlice, sliceIndices } from './slice.js';
import { intAdd, intCompare, intFloorDiv, intMod, intMul, intSub } from './int.js';
import { itemPosition } from './sequence.js';

/**
 * range: start, stop, step and the precomputed length, all ints of any size. Iteration over
 * ranges that fit JS numbers uses a plain counter (the interpreter's FOR_ITER fast path reads
 * its fields directly); others use bigints, as CPython's longrange_iterator does.
 * CPython: Objects/rangeobject.c.
 */
export class PyRange extends PyObject {
  constructor(
    readonly start: PyInt,
    readonly stop: PyInt,
    readonly step: PyInt,
    readonly length: PyInt,
  ) {
    super();
  }
}
setPrototypeType(PyRange, rangeType);

/** Number of items of range(start, stop, step). CPython: compute_range_length. */
export function rangeLength(start: PyInt, stop: PyInt, step: PyInt): PyInt {
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  if (step > 0) return start < stop ? intAdd(intFloorDiv(intSub(intSub(stop, start), 1), step), 1) : 0;
  return start > stop ? intAdd(intFloorDiv(intSub(intSub(start, stop), 1), intSub(0, step)), 1) : 0;
}

export function newRange(start: PyInt, stop: PyInt, step: PyInt): PyRange {
  return new PyRange(start, stop, step, rangeLength(start, stop, step));
}

/** range(...) called with positional args. */
export function makeRange(args: readonly PyValue[], kwnames: readonly string[] | null): PyRange {
  if (kwnames !== null && kwnames.length > 0) throw typeError('range() takes no keyword arguments');
  if (args.length === 0) throw typeError('range expected at least 1 argument, got 0');
  if (args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return newRange(0, index(args[0]), 1);
  const start = index(args[0]);
  const stop = index(args[1]);
  const step = args.length === 3 ? index(args[2]) : 1;
  if (step === 0) throw valueError('range() arg 3 must not be zero');
  return newRange(start, stop, step);
}

function rangeItem(r: PyRange, i: PyInt): PyInt {
  return intAdd(r.start, intMul(i, r.step));
}

rangeType.tp_repr = (v) => {
  const r = v as PyRange;
  return r.step === 1 ? `range(${repr(r.start)}, ${repr(r.stop)})` : `range(${repr(r.start)}, ${repr(r.stop)}, ${repr(r.step)})`;
};
rangeType.sq_length = (v) => {
  const n = (v as PyRange).length;
  if (typeof n === 'bigint') throw overflowError('Python int too large to convert to C ssize_t');
  return n;
};
rangeType.nb_bool = (v) => (v as PyRange).length !== 0;
rangeType.mp_subscript = (v, key) => {
  const r = v as PyRange;
  if (key instanceof PySlice) {
    if (typeof r.length === 'bigint') throw overflowError('Python int too large to convert to C ssize_t');
    const s = sliceIndices(key, r.length);
    return newRange(rangeItem(r, s.start), rangeItem(r, s.stop), intMul(r.step, s.step));
  }
  if (typeof r.length === 'number') {
    return rangeItem(r, itemPosition(key, r.length, 'range indices must be integers or slices, not %T', 'range object index out of range'));
  }
  let i = index(key, `range indices must be integers or slices, not ${typeName(key)}`);
  if (i < 0) i = intAdd(i, r.length);
  if (i < 0 || intCompare(i, r.length) >= 0) throw indexError('range object index out of range');
  return rangeItem(r, i);
};
rangeType.sq_contains = (container, item) => {
  const r = container as PyRange;
  if (typeof item === 'number' || typeof item === 'bigint' || typeof item === 'boolean') {
    const x: PyInt = typeof item === 'boolean' ? (item ? 1 : 0) : item;
    const inBounds = r.step > 0 ? r.start <= x && x < r.stop : r.stop < x && x <= r.start;
    return inBounds && intMod(intSub(x, r.start), r.step) === 0;
  }
  const it = rangeType.tp_iter!(r);
  for (let x = rangeIteratorNext(it); x !== undefined; x = rangeIteratorNext(it)) if (eq(x, item)) return true;
  return false;
};
rangeType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyRange) || (op !== CMP.EQ && op !== CMP.NE)) return NotImplemented;
  const x = a as PyRange;
  let same = x === b;
  if (!same && x.length === b.length) {
    same = x.length === 0 || (x.start === b.start && (x.length === 1 || x.step === b.step));
  }
  return op === CMP.EQ ? same : !same;
};
rangeType.tp_hash = (v) => {
  const r = v as PyRange;
  if (r.length === 0) return hash(new PyTuple([0, None, None]));
  if (r.length === 1) return hash(new PyTuple([1, r.start, None]));
  return hash(new PyTuple([r.length, r.start, r.step]));
};
rangeType.tp_iter = (v) => {
  const r = v as PyRange;
  if (typeof r.start === 'number' && typeof r.step === 'number' && typeof r.length === 'number') {
    const last = r.start + (r.length - 1) * r.step;
    if (Number.isSafeInteger(last)) return new PyRangeIterator(r.start, r.step, r.length);
  }
  return new PyLongRangeIterator(r.start, r.step, r.length);
};

export const rangeIteratorType = new PyType('range_iterator', objectType);
export const longRangeIteratorType = new PyType('longrange_iterator', objectType);

/** Iterator over a range whose items are all safe integers. */
export class PyRangeIterator extends PyObject {
  constructor(
    public next: number,
    readonly step: number,
    public remaining: number,
  ) {
    super();
  }
}
setPrototypeType(PyRangeIterator, rangeIteratorType);

export class PyLongRangeIterator extends PyObject {
  constructor(
    public next: PyInt,
    readonly step: PyInt,
    public remaining: PyInt,
  ) {
    super();
  }
}
setPrototypeType(PyLongRangeIterator, longRangeIteratorType);

function rangeIteratorNext(v: PyValue): PyValue | undefined {
  if (v instanceof PyRangeIterator) {
    if (v.remaining <= 0) return undefined;
    const x = v.next;
    v.next += v.step;
    v.remaining--;
    return x;
  }
  const it = v as PyLongRangeIterator;
  if (it.remaining <= 0) return undefined;
  const x = it.next;
  it.remaining = intSub(it.remaining, 1);
  if (it.remaining > 0) it.next = intAdd(it.next, it.step);
  return x;
}
rangeIteratorType.tp_iter = (v) => v;
rangeIteratorType.tp_iternext = rangeIteratorNext;
longRangeIteratorType.tp_iter = (v) => v;
longRangeIteratorType.tp_iternext = rangeIteratorNext;
