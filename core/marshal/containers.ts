import { PyObject, type PyValue } from '../objects/values.js';

/**
 * The values marshal can carry that never occur in a code object's constants: lists, dicts, sets
 * and the StopIteration class. `marshal.loads` must still read them (a .pyc is not the only marshal
 * stream), so they get plain data holders here; the VM converts them into its live objects.
 * CPython: Python/marshal.c (TYPE_LIST, TYPE_DICT, TYPE_SET, TYPE_STOPITER).
 */

/** A list read from (or to be written to) a marshal stream. */
export class MarshalList extends PyObject {
  constructor(readonly items: PyValue[]) {
    super();
  }
}

/** A dict in insertion order. Keys are not deduplicated: marshal writes what the dict holds. */
export class MarshalDict extends PyObject {
  constructor(readonly entries: [PyValue, PyValue][]) {
    super();
  }
}

/** A (mutable) set; items in stream order. The writer sorts them as CPython 3.11 does. */
export class MarshalSet extends PyObject {
  constructor(readonly items: PyValue[]) {
    super();
  }
}

/** Stands for the builtin `StopIteration` class, which marshal writes as the single byte `S`. */
export class PyStopIterationClass extends PyObject {
  override toString(): string {
    return "<class 'StopIteration'>";
  }
}

/** The one StopIteration class marker. Compare with `===`. */
export const StopIteration: PyStopIterationClass = new PyStopIterationClass();
