import { NotImplemented, PyType, objectType, setPrototypeType, tupleType, typeName } from './types.js';
import { PyObject, PyTuple, type PyValue } from './values.js';
import { eq, hash, reprEnter, reprLeave } from './abstract.js';
import { typeError } from './exceptions.js';
import { PySlice, sliceIndices } from './slice.js';
import { compareItems, itemPosition } from './sequence.js';
import { joinReprs, repeatItems } from './list.js';
import { hashTupleOf } from './hash.js';

/**
 * tuple: the immutable PyTuple of values.ts, used both as a constant and at run time.
 * CPython: Objects/tupleobject.c.
 */

export const EMPTY_TUPLE = new PyTuple([]);

tupleType.tp_repr = (v) => {
  const t = v as PyTuple;
  if (t.items.length === 0) return '()';
  if (!reprEnter(t)) return '(...)';
  try {
    return t.items.length === 1 ? '(' + joinReprs(t.items) + ',)' : '(' + joinReprs(t.items) + ')';
  } finally {
    reprLeave(t);
  }
};
tupleType.sq_length = (v) => (v as PyTuple).items.length;
tupleType.sq_concat = (a, b) => {
  if (!(b instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  const x = a as PyTuple;
  if (b.items.length === 0) return x;
  if (x.items.length === 0) return b;
  return new PyTuple(x.items.concat(b.items));
};
tupleType.sq_repeat = (a, n) => {
  const t = a as PyTuple;
  if (n === 1) return t;
  return new PyTuple(repeatItems(t.items, n));
};
tupleType.sq_contains = (container, item) => {
  const items = (container as PyTuple).items;
  for (let i = 0; i < items.length; i++) if (eq(items[i], item)) return true;
  return false;
};
tupleType.mp_subscript = (v, key) => {
  const items = (v as PyTuple).items;
  if (key instanceof PySlice) {
    const r = sliceIndices(key, items.length);
    if (r.step === 1 && r.length === items.length) return v;
    const out = new Array<PyValue>(r.length);
    for (let i = 0, j = r.start; i < r.length; i++, j += r.step) out[i] = items[j];
    return new PyTuple(out);
  }
  return items[itemPosition(key, items.length, 'tuple indices must be integers or slices, not %T', 'tuple index out of range')];
};
tupleType.tp_hash = (v) => hashTupleOf((v as PyTuple).items.map(hash));
tupleType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyTuple)) return NotImplemented;
  return compareItems((a as PyTuple).items, b.items, op);
};
tupleType.tp_iter = (v) => new PyTupleIterator(v as PyTuple);

export const tupleIteratorType = new PyType('tuple_iterator', objectType);

export class PyTupleIterator extends PyObject {
  index = 0;
  constructor(public tuple: PyTuple | null) {
    super();
  }
}
setPrototypeType(PyTupleIterator, tupleIteratorType);
tupleIteratorType.tp_iter = (v) => v;
tupleIteratorType.tp_iternext = (v) => {
  const it = v as PyTupleIterator;
  const t = it.tuple;
  if (t === null) return undefined;
  if (it.index < t.items.length) return t.items[it.index++];
  it.tuple = null;
  return undefined;
};
