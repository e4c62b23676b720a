import { eq, reprEnter, reprLeave } from './abstract.js';
import { keyError, newError, KeyError } from './exceptions.js';
import { PyDict, PyDictIterator } from './dict.js';
import { joinReprs } from './list.js';
import { argRange, defineMethod, noArgs } from './methods.js';
import { dictMergeArgs } from './type-object.js';
import { NotImplemented, PyType, dictType, objectType } from './types.js';
import { None, PyObject, PyTuple, type PyValue } from './values.js';

/**
 * Methods of dict, and the dict_keys / dict_values / dict_items views.
 * CPython: Objects/dictobject.c.
 */

export type ViewKind = 'keys' | 'values' | 'items';

export const dictKeysType = new PyType('dict_keys', objectType);
export const dictValuesType = new PyType('dict_values', objectType);
export const dictItemsType = new PyType('dict_items', objectType);

/** A live view of a dict. */
export class PyDictView extends PyObject {
  override readonly type: PyType;
  constructor(
    readonly dict: PyDict,
    readonly kind: ViewKind,
  ) {
    super();
    this.type = kind === 'keys' ? dictKeysType : kind === 'values' ? dictValuesType : dictItemsType;
  }

  items(): PyValue[] {
    const d = this.dict;
    if (this.kind === 'keys') return d.keys();
    if (this.kind === 'values') return [...d.values.values()];
    return d.entries().map(([k, v]) => new PyTuple([k, v]));
  }
}

for (const t of [dictKeysType, dictValuesType, dictItemsType]) {
  t.basetype = false;
  t.sq_length = (v) => (v as PyDictView).dict.size;
  t.tp_iter = (v) => new PyDictIterator((v as PyDictView).dict, (v as PyDictView).kind);
  t.tp_repr = (v) => {
    const view = v as PyDictView;
    if (!reprEnter(view)) return '...';
    try {
      return `${view.type.name}([${joinReprs(view.items())}])`;
    } finally {
      reprLeave(view);
    }
  };
}
dictKeysType.sq_contains = (v, item) => (v as PyDictView).dict.has(item);
dictItemsType.sq_contains = (v, item) => {
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const found = (v as PyDictView).dict.get(item.items[0]);
  return found !== undefined && eq(found, item.items[1]);
};
dictValuesType.sq_contains = (v, item) => {
  for (const x of (v as PyDictView).dict.values.values()) if (eq(x, item)) return true;
  return false;
};
dictKeysType.tp_richcompare = (a, b, op) => {
  if (op !== 2 && op !== 3) return NotImplemented;
  if (!(b instanceof PyDictView) || b.kind === 'values') return NotImplemented;
  const x = a as PyDictView;
  const xs = x.items();
  const ys = b.items();
  const equal = xs.length === ys.length && xs.every((k) => (b.kind === 'keys' ? b.dict.has(k) : ys.some((y) => eq(y, k))));
  return op === 2 ? equal : !equal;
};
dictItemsType.tp_richcompare = dictKeysType.tp_richcompare;

function self(v: PyValue): PyDict {
  return v as PyDict;
}

defineMethod(dictType, 'keys', (v, args, kw) => {
  noArgs('dict.keys', args, kw);
  return new PyDictView(self(v), 'keys');
});
defineMethod(dictType, 'values', (v, args, kw) => {
  noArgs('dict.values', args, kw);
  return new PyDictView(self(v), 'values');
});
defineMethod(dictType, 'items', (v, args, kw) => {
  noArgs('dict.items', args, kw);
  return new PyDictView(self(v), 'items');
});
defineMethod(dictType, 'get', (v, args, kw) => {
  const [key, dflt] = argRange('get', args, kw, 1, 2);
  const r = self(v).get(key);
  return r !== undefined ? r : (dflt ?? None);
});
defineMethod(dictType, 'setdefault', (v, args, kw) => {
  const [key, dflt] = argRange('setdefault', args, kw, 1, 2);
  const d = self(v);
  const r = d.get(key);
  if (r !== undefined) return r;
  d.set(key, dflt ?? None);
  return dflt ?? None;
});
defineMethod(dictType, 'pop', (v, args, kw) => {
  const [key, dflt] = argRange('pop', args, kw, 1, 2);
  const d = self(v);
  const r = d.get(key);
  if (r === undefined) {
    if (dflt !== undefined) return dflt;
    throw keyError(key);
  }
  d.delete(key);
  return r;
});
defineMethod(dictType, 'popitem', (v, args, kw) => {
  noArgs('dict.popitem', args, kw);
  const d = self(v);
  const entries = d.entries();
  if (entries.length === 0) throw newError(KeyError, 'popitem(): dictionary is empty');
  const [k, value] = entries[entries.length - 1];
  d.delete(k);
  return new PyTuple([k, value]);
});
defineMethod(dictType, 'update', (v, args, kw) => {
  dictMergeArgs(self(v), 'update', args, kw);
  return None;
});
defineMethod(dictType, 'copy', (v, args, kw) => {
  noArgs('dict.copy', args, kw);
  return self(v).copy();
});
defineMethod(dictType, 'clear', (v, args, kw) => {
  noArgs('dict.clear', args, kw);
  self(v).clear();
  return None;
});
