import { PyType, objectType } from './types.js';
import { PyObject, type PyValue } from './values.js';
import { addressOf } from './abstract.js';

/**
 * Iterators implemented natively (enumerate, zip, map, filter, reversed...): each is an object of
 * its own CPython type name holding a JS step function.
 * CPython: Objects/enumobject.c, Python/bltinmodule.c (zip, map, filter), Objects/listobject.c
 * (list_reverseiterator).
 */

const iteratorTypes = new Map<string, PyType>();

/** The type object of a native iterator kind, created on first use. */
export function iteratorType(name: string): PyType {
  let t = iteratorTypes.get(name);
  if (t === undefined) {
    t = new PyType(name, objectType);
    t.tp_iter = (v) => v;
    t.tp_iternext = (v) => (v as PyNativeIterator).step();
    t.tp_repr = (v) => `<${name} object at ${addressOf(v as PyObject)}>`;
    t.tp_hash = (v) => (v as PyObject).serial;
    iteratorTypes.set(name, t);
  }
  return t;
}

export class PyNativeIterator extends PyObject {
  override readonly type: PyType;
  private done = false;
  constructor(
    typeName: string,
    private readonly nextFn: () => PyValue | undefined,
  ) {
    super();
    this.type = iteratorType(typeName);
  }
  /** The next item; once exhausted, stays exhausted. */
  step(): PyValue | undefined {
    if (this.done) return undefined;
    const v = this.nextFn();
    if (v === undefined) this.done = true;
    return v;
  }
}
