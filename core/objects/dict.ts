import { CMP, NotImplemented, PyType, dictType, objectType, setPrototypeType } from './types.js';
import { PyFloat, PyObject, PyTuple, type PyInt, type PyValue } from './values.js';
import { eq, hash, repr, reprEnter, reprLeave, richCompareBool } from './abstract.js';
import { keyError, newError, RuntimeError } from './exceptions.js';

/**
 * dict: insertion-ordered, with Python's key equality (`1`, `1.0` and `True` are one key; tuples
 * compare by value).
 *
 * Storage is a JS Map, whose own ordering rules (updating keeps the position, delete then insert
 * moves to the end) are exactly dict's. Each key is stored under a canonical JS value:
 * - str, and ints that fit a `number`: themselves (so globals lookups are one Map.get);
 * - bool, and floats equal to an int: that int; other floats: their number (never an int);
 * - big ints: the bigint (Maps compare bigints by value);
 * - objects that compare by identity (None, functions, types...): the object itself;
 * - objects that compare by value (tuples...): the first equal key object inserted, found through
 *   a side index by hash.
 * The key object a program inserted first is kept (`d[1] = 0; d[1.0] = 2` leaves key `1`).
 * CPython: Objects/dictobject.c.
 */
export class PyDict extends PyObject {
  /** canonical key -> value, in insertion order. */
  readonly values = new Map<unknown, PyValue>();
  /** canonical key -> the key as inserted, only where they differ. */
  private originals: Map<unknown, PyValue> | null = null;
  /** hash -> canonical keys of value-compared objects with that hash. */
  private buckets: Map<PyInt, PyValue[]> | null = null;

  get size(): number {
    return this.values.size;
  }

  /** The canonical form of `key`, or undefined if it is not stored (value-compared keys only). */
  private canonical(key: PyValue, insert: boolean): unknown {
    switch (typeof key) {
      case 'string':
      case 'number':
      case 'bigint':
        return key;
      case 'boolean':
        return key ? 1 : 0;
    }
    if (key instanceof PyFloat) {
      const x = key.value;
      if (Number.isNaN(x)) return key;
      if (Number.isInteger(x) && !Number.isSafeInteger(x)) return BigInt(x);
      return x + 0;
    }
    const t = key.type;
    if (t.tp_hash === null) hash(key); // raises "unhashable type"
    if (t.tp_richcompare === null) return key;
    const h = hash(key);
    let bucket = this.buckets?.get(h);
    if (bucket) for (const k of bucket) if (eq(k, key)) return k;
    if (!insert) return undefined;
    this.buckets ??= new Map();
    if (!bucket) this.buckets.set(h, (bucket = []));
    bucket.push(key);
    return key;
  }

  /** `d[key]`, or undefined when missing. */
  get(key: PyValue): PyValue | undefined {
    if (typeof key === 'string') return this.values.get(key);
    const c = this.canonical(key, false);
    return c === undefined ? undefined : this.values.get(c);
  }

  /** Fast path for str keys (namespaces). */
  getStr(key: string): PyValue | undefined {
    return this.values.get(key);
  }

  setStr(key: string, value: PyValue): void {
    this.values.set(key, value);
  }

  set(key: PyValue, value: PyValue): void {
    if (typeof key === 'string' || typeof key === 'number') {
      this.values.set(key, value);
      return;
    }
    const c = this.canonical(key, true);
    if (c !== key && !this.values.has(c)) (this.originals ??= new Map()).set(c, key);
    this.values.set(c, value);
  }

  has(key: PyValue): boolean {
    return this.get(key) !== undefined;
  }

  /** Removes `key`; returns false if it was missing. */
  delete(key: PyValue): boolean {
    const c = typeof key === 'string' ? key : this.canonical(key, false);
    if (c === undefined || !this.values.has(c)) return false;
    this.values.delete(c);
    this.originals?.delete(c);
    if (this.buckets && c instanceof PyObject && c.type.tp_richcompare !== null && !(c instanceof PyFloat)) {
      const h = hash(c);
      const bucket = this.buckets.get(h);
      if (bucket) {
        const i = bucket.indexOf(c);
        if (i >= 0) bucket.splice(i, 1);
        if (bucket.length === 0) this.buckets.delete(h);
      }
    }
    return true;
  }

  clear(): void {
    this.values.clear();
    this.originals = null;
    this.buckets = null;
  }

  /** The key a canonical key stands for. */
  keyOf(canonical: unknown): PyValue {
    const o = this.originals?.get(canonical);
    return o !== undefined ? o : (canonical as PyValue);
  }

  keys(): PyValue[] {
    const out: PyValue[] = [];
    for (const c of this.values.keys()) out.push(this.keyOf(c));
    return out;
  }

  entries(): [PyValue, PyValue][] {
    const out: [PyValue, PyValue][] = [];
    for (const [c, v] of this.values) out.push([this.keyOf(c), v]);
    return out;
  }

  /** A new dict with the same items. */
  copy(): PyDict {
    const d = new PyDict();
    for (const [k, v] of this.entries()) d.set(k, v);
    return d;
  }
}
setPrototypeType(PyDict, dictType);

dictType.tp_repr = (v) => {
  const d = v as PyDict;
  if (d.size === 0) return '{}';
  if (!reprEnter(d)) return '{...}';
  try {
    let out = '{';
    let first = true;
    for (const [c, value] of d.values) {
      if (!first) out += ', ';
      first = false;
      out += repr(d.keyOf(c)) + ': ' + repr(value);
    }
    return out + '}';
  } finally {
    reprLeave(d);
  }
};
dictType.sq_length = (v) => (v as PyDict).size;
dictType.sq_contains = (container, item) => (container as PyDict).has(item);
dictType.mp_subscript = (v, key) => {
  const r = (v as PyDict).get(key);
  if (r === undefined) throw keyError(key);
  return r;
};
dictType.mp_ass_subscript = (v, key, value) => {
  const d = v as PyDict;
  if (value !== null) d.set(key, value);
  else if (!d.delete(key)) throw keyError(key);
};
dictType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyDict) || (op !== CMP.EQ && op !== CMP.NE)) return NotImplemented;
  const x = a as PyDict;
  let equal = x.size === b.size;
  if (equal) {
    for (const [k, v] of x.entries()) {
      const w = b.get(k);
      if (w === undefined || !richCompareBool(v, w, CMP.EQ)) {
        equal = false;
        break;
      }
    }
  }
  return op === CMP.EQ ? equal : !equal;
};
dictType.tp_iter = (v) => new PyDictIterator(v as PyDict, 'keys');

export const dictKeyIteratorType = new PyType('dict_keyiterator', objectType);
export const dictValueIteratorType = new PyType('dict_valueiterator', objectType);
export const dictItemIteratorType = new PyType('dict_itemiterator', objectType);

/**
 * Iterates a dict's keys, values or items. Changing the dict's size while iterating raises
 * RuntimeError (every later call too), as CPython's dictiter_iternextkey does.
 */
export class PyDictIterator extends PyObject {
  override readonly type: PyType;
  private readonly it: Iterator<[unknown, PyValue]>;
  private size: number;
  constructor(
    readonly dict: PyDict,
    readonly kind: 'keys' | 'values' | 'items',
  ) {
    super();
    this.type = kind === 'keys' ? dictKeyIteratorType : kind === 'values' ? dictValueIteratorType : dictItemIteratorType;
    this.it = dict.values.entries();
    this.size = dict.size;
  }
  nextEntry(): [PyValue, PyValue] | undefined {
    if (this.size !== this.dict.size) {
      this.size = -1;
      throw newError(RuntimeError, 'dictionary changed size during iteration');
    }
    const r = this.it.next();
    if (r.done) return undefined;
    return [this.dict.keyOf(r.value[0]), r.value[1]];
  }
}

for (const t of [dictKeyIteratorType, dictValueIteratorType, dictItemIteratorType]) {
  t.tp_iter = (v) => v;
  t.tp_iternext = (v) => {
    const it = v as PyDictIterator;
    const e = it.nextEntry();
    if (e === undefined) return undefined;
    return it.kind === 'keys' ? e[0] : it.kind === 'values' ? e[1] : new PyTuple([e[0], e[1]]);
  };
}
