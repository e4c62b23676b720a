import { NotImplemented, PyType, listType, objectType, setPrototypeType, typeName, typeOf } from './types.js';
import { PyObject, PyTuple, type PyValue } from './values.js';
import { eq, repr, reprEnter, reprLeave, toArray } from './abstract.js';
import { newError, MemoryError, typeError, valueError } from './exceptions.js';
import { PySlice, sliceIndices } from './slice.js';
import { compareItems, itemPosition } from './sequence.js';

/**
 * list: a JS array of values. Slice assignment, in-place concatenation with any iterable,
 * repr with `[...]` for self-reference, and lexicographic comparison.
 * CPython: Objects/listobject.c.
 */
export class PyList extends PyObject {
  constructor(public items: PyValue[]) {
    super();
  }
}
setPrototypeType(PyList, listType);

/** Longest sequence a program may build by repetition (CPython would run out of memory). */
const MAX_ITEMS = 1 << 28;

export function repeatItems(items: readonly PyValue[], n: number): PyValue[] {
  if (n <= 0 || items.length === 0) return [];
  if (items.length * n > MAX_ITEMS) throw newError(MemoryError, '');
  if (items.length === 1) return new Array<PyValue>(n).fill(items[0]);
  const out = new Array<PyValue>(items.length * n);
  for (let k = 0, o = 0; k < n; k++) for (let i = 0; i < items.length; i++) out[o++] = items[i];
  return out;
}

/** Comma-joined reprs, as list and tuple reprs print their items. */
export function joinReprs(items: readonly PyValue[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ', ';
    out += repr(items[i]);
  }
  return out;
}

listType.tp_repr = (v) => {
  const l = v as PyList;
  if (l.items.length === 0) return '[]';
  if (!reprEnter(l)) return '[...]';
  try {
    return '[' + joinReprs(l.items) + ']';
  } finally {
    reprLeave(l);
  }
};
listType.sq_length = (v) => (v as PyList).items.length;
listType.sq_concat = (a, b) => {
  if (!(b instanceof PyList)) throw typeError(`can only concatenate list (not "${typeName(b)}") to list`);
  return new PyList((a as PyList).items.concat(b.items));
};
listType.sq_inplace_concat = (a, b) => {
  const l = a as PyList;
  const extra = b instanceof PyList || b instanceof PyTuple ? b.items.slice() : toArray(b);
  for (const x of extra) l.items.push(x);
  return l;
};
listType.sq_repeat = (a, n) => new PyList(repeatItems((a as PyList).items, n));
listType.sq_inplace_repeat = (a, n) => {
  const l = a as PyList;
  l.items = repeatItems(l.items, n);
  return l;
};
listType.sq_contains = (container, item) => {
  const items = (container as PyList).items;
  for (let i = 0; i < items.length; i++) if (eq(items[i], item)) return true;
  return false;
};
listType.mp_subscript = (v, key) => {
  const items = (v as PyList).items;
  if (key instanceof PySlice) {
    const r = sliceIndices(key, items.length);
    if (r.step === 1) return new PyList(items.slice(r.start, r.start + r.length));
    const out = new Array<PyValue>(r.length);
    for (let i = 0, j = r.start; i < r.length; i++, j += r.step) out[i] = items[j];
    return new PyList(out);
  }
  return items[itemPosition(key, items.length, 'list indices must be integers or slices, not %T', 'list index out of range')];
};
listType.mp_ass_subscript = (v, key, value) => {
  const l = v as PyList;
  if (key instanceof PySlice) {
    assignSlice(l, key, value);
    return;
  }
  const pos = itemPosition(key, l.items.length, 'list indices must be integers or slices, not %T', 'list assignment index out of range');
  if (value === null) l.items.splice(pos, 1);
  else l.items[pos] = value;
};

function assignSlice(l: PyList, key: PySlice, value: PyValue | null): void {
  const r = sliceIndices(key, l.items.length);
  if (value === null) {
    if (r.step === 1) l.items.splice(r.start, r.length);
    else {
      const drop = new Set<number>();
      for (let i = 0, j = r.start; i < r.length; i++, j += r.step) drop.add(j);
      l.items = l.items.filter((_, i) => !drop.has(i));
    }
    return;
  }
  let seq: PyValue[];
  if (value === l) seq = l.items.slice();
  else if (value instanceof PyList || value instanceof PyTuple) seq = value.items.slice();
  else {
    if (typeOf(value).tp_iter === null) {
      throw typeError(r.step === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
    }
    seq = toArray(value);
  }
  if (r.step === 1) {
    // A step-1 slice with stop before start inserts at start.
    l.items.splice(r.start, r.length, ...seq);
    return;
  }
  if (seq.length !== r.length) {
    throw valueError(`attempt to assign sequence of size ${seq.length} to extended slice of size ${r.length}`);
  }
  for (let i = 0, j = r.start; i < r.length; i++, j += r.step) l.items[j] = seq[i];
}

listType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyList)) return NotImplemented;
  return compareItems((a as PyList).items, b.items, op);
};
listType.tp_iter = (v) => new PyListIterator(v as PyList);

export const listIteratorType = new PyType('list_iterator', objectType);

/** Iterates a list by position, seeing appends made during the loop, as CPython does. */
export class PyListIterator extends PyObject {
  index = 0;
  constructor(public list: PyList | null) {
    super();
  }
}
setPrototypeType(PyListIterator, listIteratorType);
listIteratorType.tp_iter = (v) => v;
listIteratorType.tp_iternext = (v) => {
  const it = v as PyListIterator;
  const l = it.list;
  if (l === null) return undefined;
  if (it.index < l.items.length) return l.items[it.index++];
  it.list = null;
  return undefined;
};
