import { NotImplemented, sliceType, setPrototypeType } from './types.js';
import { None, PyObject, PyTuple, type PyValue } from './values.js';
import { hasIndex, index, repr, richCompare } from './abstract.js';
import { typeError, valueError } from './exceptions.js';

/**
 * slice objects (`a[i:j:k]` builds one with BUILD_SLICE) and the index arithmetic every sequence
 * shares: clamping to the sequence and counting the selected items.
 * CPython: Objects/sliceobject.c (PySlice_Unpack, PySlice_AdjustIndices).
 */
export class PySlice extends PyObject {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {
    super();
  }
}
setPrototypeType(PySlice, sliceType);

/** Resolved slice: the first index, the step, and how many items it selects. */
export interface SliceRange {
  start: number;
  stop: number;
  step: number;
  length: number;
}

/** PY_SSIZE_T_MAX, as far as JS numbers reach: huge bounds clamp here. */
const SSIZE_MAX = Number.MAX_SAFE_INTEGER;

function sliceIndex(v: PyValue): number {
  if (!hasIndex(v)) throw typeError('slice indices must be integers or None or have an __index__ method');
  const i = index(v);
  if (typeof i === 'bigint') return i < 0n ? -SSIZE_MAX : SSIZE_MAX;
  return i;
}

/** The items a slice selects from a sequence of `length` items. */
export function sliceIndices(s: PySlice, length: number): SliceRange {
  let step = 1;
  if (s.step !== None) {
    step = sliceIndex(s.step);
    if (step === 0) throw valueError('slice step cannot be zero');
  }
  let start = s.start === None ? (step < 0 ? SSIZE_MAX : 0) : sliceIndex(s.start);
  let stop = s.stop === None ? (step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX) : sliceIndex(s.stop);
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    n = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, length: n };
}

sliceType.tp_repr = (v) => {
  const s = v as PySlice;
  return `slice(${repr(s.start)}, ${repr(s.stop)}, ${repr(s.step)})`;
};
sliceType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PySlice)) return NotImplemented;
  const x = a as PySlice;
  const ta = new PyTuple([x.start, x.stop, x.step]);
  const tb = new PyTuple([b.start, b.stop, b.step]);
  return richCompare(ta, tb, op);
};
