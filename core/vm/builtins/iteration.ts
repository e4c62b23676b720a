import { call, getIter, isTrue, length, next, toArray, hasIndex } from '../../objects/abstract.js';
import { typeError } from '../../objects/exceptions.js';
import { PyNativeIterator, iteratorType } from '../../objects/iterators.js';
import type { NativeImpl } from '../../objects/function.js';
import type { PyType } from '../../objects/types.js';
import { PyList } from '../../objects/list.js';
import { sortList } from '../../objects/list-methods.js';
import { intAdd } from '../../objects/int.js';
import { newError, StopIteration } from '../../objects/exceptions.js';
import { typeName, typeOf } from '../../objects/types.js';
import { None, PyTuple, type PyValue } from '../../objects/values.js';
import { CALLING, NO_LEVELS, builtin, exactlyOne, positionalRange, splitKeywords, rejectKeywords } from './support.js';
import { getItem } from '../../objects/abstract.js';
import { PyRange, newRange } from '../../objects/range.js';
import { intSub, intMul } from '../../objects/int.js';

/**
 * An iterator class CPython exposes as a builtin type (`enumerate`, `zip`, `map`, `filter`,
 * `reversed`): calling the type builds the iterator; `type(enumerate(x)) is enumerate`.
 */
function iteratorClass(name: string, levels: readonly string[], make: NativeImpl): PyType {
  const t = iteratorType(name);
  t.tp_new = (_t, args, kwnames) => make(args, kwnames);
  t.callLevels = levels;
  return t;
}

/**
 * Builtins over iterables: len, iter, next, sorted, reversed, enumerate, zip, map, filter, any, all.
 * CPython: Python/bltinmodule.c, Objects/enumobject.c.
 */

export const len = builtin(
  'len',
  (args, kw) => {
    return length(exactlyOne('len', args, kw));
  },
  NO_LEVELS,
);

export const iter = builtin(
  'iter',
  (args, kwnames) => {
    rejectKeywords('iter', kwnames);
    positionalRange('iter', args, 1, 2);
    if (args.length === 2) throw typeError('iter(callable, sentinel) is not supported yet');
    return getIter(args[0]);
  },
  NO_LEVELS,
);

export const nextBuiltin = builtin(
  'next',
  (args, kwnames) => {
    rejectKeywords('next', kwnames);
    positionalRange('next', args, 1, 2);
    const it = args[0];
    if (typeOf(it).tp_iternext === null) throw typeError(`'${typeName(it)}' object is not an iterator`);
    const v = next(it);
    if (v !== undefined) return v;
    if (args.length === 2) return args[1];
    throw newError(StopIteration, '');
  },
  NO_LEVELS,
);

export const sorted = builtin('sorted', (args, kwnames) => {
  const { pos, kw } = splitKeywords('sorted', args, kwnames, ['key', 'reverse']);
  positionalRange('sorted', pos, 1, 1);
  const list = new PyList(toArray(pos[0]));
  sortList(list, kw.get('key') ?? None, isTrue(kw.get('reverse') ?? false));
  return list;
});

export const reversed = iteratorClass('reversed', [CALLING], (args, kwnames) => {
  rejectKeywords('reversed', kwnames);
  positionalRange('reversed', args, 1, 1);
  const seq = args[0];
  if (seq instanceof PyList) {
    let i = seq.items.length - 1;
    return new PyNativeIterator('list_reverseiterator', () => {
      if (i >= 0 && i < seq.items.length) return seq.items[i--];
      i = -1;
      return undefined;
    });
  }
  if (seq instanceof PyRange) {
    const r = newRange(intAdd(seq.start, intMul(intSub(seq.length, 1), seq.step)), intSub(seq.start, seq.step), intSub(0, seq.step));
    return new PyNativeIterator(typeof r.length === 'number' ? 'range_iterator' : 'longrange_iterator', (() => {
      const it = getIter(r);
      return () => next(it);
    })());
  }
  const t = typeOf(seq);
  if (t.mp_subscript === null || t.sq_length === null || t.name === 'dict') {
    throw typeError(`'${t.name}' object is not reversible`);
  }
  let i = length(seq) - 1;
  return new PyNativeIterator('reversed', () => (i >= 0 ? getItem(seq, i--) : undefined));
});

export const enumerate = iteratorClass(
  'enumerate',
  NO_LEVELS,
  (args, kwnames) => {
    const { pos, kw } = splitKeywords('enumerate', args, kwnames, ['iterable', 'start']);
    const iterable = pos[0] ?? kw.get('iterable');
    if (iterable === undefined) throw typeError("enumerate() missing required argument 'iterable' (pos 1)");
    let count = pos[1] ?? kw.get('start') ?? 0;
    if (!hasIndex(count)) throw typeError(`'${typeName(count)}' object cannot be interpreted as an integer`);
    if (typeof count === 'boolean') count = count ? 1 : 0;
    const it = getIter(iterable);
    return new PyNativeIterator('enumerate', () => {
      const v = next(it);
      if (v === undefined) return undefined;
      const t = new PyTuple([count, v]);
      count = intAdd(count as number, 1);
      return t;
    });
  },
);

export const zip = iteratorClass('zip', [CALLING], (args, kwnames) => {
  const { pos, kw } = splitKeywords('zip', args, kwnames, ['strict']);
  if (kw.has('strict') && isTrue(kw.get('strict')!)) throw typeError('zip(strict=True) is not supported yet');
  const its = pos.map((x) => getIter(x));
  return new PyNativeIterator('zip', () => {
    if (its.length === 0) return undefined;
    const items: PyValue[] = [];
    for (const it of its) {
      const v = next(it);
      if (v === undefined) return undefined;
      items.push(v);
    }
    return new PyTuple(items);
  });
});

export const map = iteratorClass(
  'map',
  NO_LEVELS,
  (args, kwnames) => {
    rejectKeywords('map', kwnames);
    if (args.length < 2) throw typeError('map() must have at least two arguments.');
    const fn = args[0];
    const its = args.slice(1).map((x) => getIter(x));
    return new PyNativeIterator('map', () => {
      const items: PyValue[] = [];
      for (const it of its) {
        const v = next(it);
        if (v === undefined) return undefined;
        items.push(v);
      }
      return call(fn, items);
    });
  },
);

export const filter = iteratorClass(
  'filter',
  NO_LEVELS,
  (args, kwnames) => {
    rejectKeywords('filter', kwnames);
    positionalRange('filter', args, 2, 2);
    const fn = args[0];
    const it = getIter(args[1]);
    return new PyNativeIterator('filter', () => {
      for (let v = next(it); v !== undefined; v = next(it)) {
        if (fn === None ? isTrue(v) : isTrue(call(fn, [v]))) return v;
      }
      return undefined;
    });
  },
);

export const any = builtin('any', (args, kw) => {
  const it = getIter(exactlyOne('any', args, kw));
  for (let v = next(it); v !== undefined; v = next(it)) if (isTrue(v)) return true;
  return false;
});

export const all = builtin('all', (args, kw) => {
  const it = getIter(exactlyOne('all', args, kw));
  for (let v = next(it); v !== undefined; v = next(it)) if (!isTrue(v)) return false;
  return true;
});
