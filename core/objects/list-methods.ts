import { call, eq, index, isTrue, repr, richCompare, toArray } from './abstract.js';
import { indexError, typeError, valueError } from './exceptions.js';
import { PyList } from './list.js';
import { argRange, defineMethod, keywords, noArgs, oneArg } from './methods.js';
import { CMP, listType, tupleType } from './types.js';
import { None, PyTuple, type PyValue } from './values.js';

/**
 * Methods of list and tuple.
 * CPython: Objects/listobject.c (list_append, list_pop, list_index, listsort...),
 * Objects/tupleobject.c (tuple_index, tuple_count).
 */

function self(v: PyValue): PyList {
  return v as PyList;
}

/** Clamps a start/stop argument of index() to the sequence, as _PyEval_SliceIndexNotNone does. */
function clampIndex(v: PyValue | undefined, length: number, dflt: number): number {
  if (v === undefined) return dflt;
  let i = index(v, 'slice indices must be integers or have an __index__ method');
  if (typeof i === 'bigint') i = i < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  if (i < 0) i = Math.max(0, i + length);
  return Math.min(i, length);
}

defineMethod(listType, 'append', (v, args, kw) => {
  self(v).items.push(oneArg('list.append', args, kw));
  return None;
});
defineMethod(listType, 'extend', (v, args, kw) => {
  const x = oneArg('list.extend', args, kw);
  const extra = x instanceof PyList || x instanceof PyTuple ? x.items.slice() : toArray(x);
  for (const item of extra) self(v).items.push(item);
  return None;
});
defineMethod(listType, 'insert', (v, args, kw) => {
  const [i, x] = argRange('insert', args, kw, 2, 2);
  const items = self(v).items;
  let pos = index(i);
  if (typeof pos === 'bigint') pos = pos < 0n ? 0 : items.length;
  if (pos < 0) pos = Math.max(0, pos + items.length);
  items.splice(Math.min(pos, items.length), 0, x);
  return None;
});
defineMethod(listType, 'pop', (v, args, kw) => {
  const [i] = argRange('pop', args, kw, 0, 1);
  const items = self(v).items;
  if (items.length === 0) throw indexError('pop from empty list');
  let pos = i === undefined ? items.length - 1 : index(i);
  if (typeof pos === 'bigint') throw indexError('pop index out of range');
  if (pos < 0) pos += items.length;
  if (pos < 0 || pos >= items.length) throw indexError('pop index out of range');
  return items.splice(pos, 1)[0];
});
defineMethod(listType, 'remove', (v, args, kw) => {
  const x = oneArg('list.remove', args, kw);
  const items = self(v).items;
  for (let i = 0; i < items.length; i++) {
    if (eq(items[i], x)) {
      items.splice(i, 1);
      return None;
    }
  }
  throw valueError('list.remove(x): x not in list');
});
defineMethod(listType, 'index', (v, args, kw) => {
  const [x, start, stop] = argRange('index', args, kw, 1, 3);
  const items = self(v).items;
  const lo = clampIndex(start, items.length, 0);
  const hi = clampIndex(stop, items.length, items.length);
  for (let i = lo; i < hi && i < items.length; i++) if (eq(items[i], x)) return i;
  throw valueError(`${repr(x)} is not in list`);
});
defineMethod(listType, 'count', (v, args, kw) => {
  const x = oneArg('list.count', args, kw);
  let n = 0;
  for (const item of self(v).items) if (eq(item, x)) n++;
  return n;
});
defineMethod(listType, 'reverse', (v, args, kw) => {
  noArgs('list.reverse', args, kw);
  self(v).items.reverse();
  return None;
});
defineMethod(listType, 'copy', (v, args, kw) => {
  noArgs('list.copy', args, kw);
  return new PyList(self(v).items.slice());
});
defineMethod(listType, 'clear', (v, args, kw) => {
  noArgs('list.clear', args, kw);
  self(v).items = [];
  return None;
});
defineMethod(listType, 'sort', (v, args, kw) => {
  const npos = args.length - (kw?.length ?? 0);
  if (npos > 0) throw typeError('sort() takes no positional arguments');
  const named = keywords(args, kw);
  for (const name of named.keys()) {
    if (name !== 'key' && name !== 'reverse') throw typeError(`'${name}' is an invalid keyword argument for sort()`);
  }
  const key = named.get('key') ?? None;
  const reverse = named.get('reverse') ?? false;
  sortList(self(v), key, isTrue(reverse));
  return None;
});

function lessThan(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const r = richCompare(a, b, CMP.LT);
  return typeof r === 'boolean' ? r : isTrue(r);
}

/** Length of the run starting at `lo` (strictly descending runs are reported as such). */
function countRun(keys: PyValue[], lo: number, hi: number): { n: number; descending: boolean } {
  if (lo + 1 === hi) return { n: 1, descending: false };
  let n = 2;
  if (lessThan(keys[lo + 1], keys[lo])) {
    for (let i = lo + 2; i < hi; i++, n++) if (!lessThan(keys[i], keys[i - 1])) break;
    return { n, descending: true };
  }
  for (let i = lo + 2; i < hi; i++, n++) if (lessThan(keys[i], keys[i - 1])) break;
  return { n, descending: false };
}

/** Binary insertion sort of [lo, hi) where [lo, start) is already sorted. CPython: binarysort. */
function binarySort(keys: PyValue[], values: PyValue[], lo: number, hi: number, start: number): void {
  for (; start < hi; start++) {
    const pivotKey = keys[start];
    const pivot = values[start];
    let l = lo;
    let r = start;
    do {
      const p = l + ((r - l) >> 1);
      if (lessThan(pivotKey, keys[p])) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) {
      keys[p] = keys[p - 1];
      values[p] = values[p - 1];
    }
    keys[l] = pivotKey;
    values[l] = pivot;
  }
}

function reverseRange<T>(a: T[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
  }
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/**
 * list.sort: CPython's timsort run detection and binary insertion (so the comparisons made, and
 * therefore which TypeError a mixed list raises, match for lists under 64 items), with a plain
 * stable merge of the runs of longer lists.
 */
export function sortList(list: PyList, key: PyValue, reverse: boolean): void {
  const values = list.items;
  list.items = [];
  try {
    if (reverse) values.reverse();
    const keys = key === None ? values.slice() : values.map((x) => call(key, [x]));
    const n = values.length;
    const minrun = computeMinrun(n);
    const runs: [number, number][] = [];
    let lo = 0;
    while (lo < n) {
      const run = countRun(keys, lo, n);
      let len = run.n;
      if (run.descending) {
        reverseRange(keys, lo, lo + len);
        reverseRange(values, lo, lo + len);
      }
      if (len < minrun) {
        const force = Math.min(minrun, n - lo);
        binarySort(keys, values, lo, lo + force, lo + len);
        len = force;
      }
      runs.push([lo, lo + len]);
      lo += len;
    }
    while (runs.length > 1) {
      const merged: [number, number][] = [];
      for (let i = 0; i + 1 < runs.length; i += 2) {
        mergeRuns(keys, values, runs[i][0], runs[i][1], runs[i + 1][1]);
        merged.push([runs[i][0], runs[i + 1][1]]);
      }
      if (runs.length % 2 === 1) merged.push(runs[runs.length - 1]);
      runs.splice(0, runs.length, ...merged);
    }
    if (reverse) values.reverse();
  } finally {
    if (list.items.length > 0) {
      list.items = values;
      // eslint-disable-next-line no-unsafe-finally
      throw valueError('list modified during sort');
    }
    list.items = values;
  }
}

function mergeRuns(keys: PyValue[], values: PyValue[], lo: number, mid: number, hi: number): void {
  const lk = keys.slice(lo, mid);
  const lv = values.slice(lo, mid);
  let i = 0;
  let j = mid;
  let o = lo;
  while (i < lk.length && j < hi) {
    if (lessThan(keys[j], lk[i])) {
      keys[o] = keys[j];
      values[o++] = values[j++];
    } else {
      keys[o] = lk[i];
      values[o++] = lv[i++];
    }
  }
  while (i < lk.length) {
    keys[o] = lk[i];
    values[o++] = lv[i++];
  }
}

defineMethod(tupleType, 'index', (v, args, kw) => {
  const [x, start, stop] = argRange('index', args, kw, 1, 3);
  const items = (v as PyTuple).items;
  const lo = clampIndex(start, items.length, 0);
  const hi = clampIndex(stop, items.length, items.length);
  for (let i = lo; i < hi; i++) if (eq(items[i], x)) return i;
  throw valueError('tuple.index(x): x not in tuple');
});
defineMethod(tupleType, 'count', (v, args, kw) => {
  const x = oneArg('tuple.count', args, kw);
  let n = 0;
  for (const item of (v as PyTuple).items) if (eq(item, x)) n++;
  return n;
});
