/**
 * Python values as the compiler, marshal, disassembler and VM all share them.
 *
 * Constants live in code objects (co_consts) and the VM executes those very objects, so one
 * representation serves every pass. Immutable scalars use JavaScript primitives where their
 * semantics match, which keeps the VM's hot paths free of allocation:
 *
 * | Python      | JavaScript                                                          |
 * |-------------|---------------------------------------------------------------------|
 * | int         | `number` when `Number.isSafeInteger`, else `bigint` (never a safe bigint) |
 * | bool        | `boolean`                                                           |
 * | str         | `string` (code points as UTF-16; astral characters are surrogate pairs) |
 * | float       | {@link PyFloat}                                                     |
 * | None, ...   | the singletons {@link None} and {@link Ellipsis}                    |
 * | everything else | an instance of a {@link PyObject} subclass                      |
 *
 * Invariant: an int is a `bigint` only outside ±(2**53 - 1); {@link normInt} restores it.
 * CPython: Include/object.h (PyObject), Objects/longobject.c, Objects/floatobject.c.
 */

import type { PyType } from './types.js';

/**
 * Allocation counter for {@link PyObject.serial}. A run sets `next` before it starts and reads it
 * back when it pauses, so replaying a deterministic program gives every object the same serial.
 */
export const serials = { next: 1 };

/**
 * Base of every boxed Python value. The VM extends the subclasses with behaviour.
 * `serial` is the object's identity for displays (stable across replays of one run); `type` is
 * `type(obj)`, installed on each class's prototype by core/objects/types.ts (or an own field for
 * objects whose type varies per instance, such as exceptions).
 */
export abstract class PyObject {
  readonly serial: number = serials.next++;
  declare readonly type: PyType;
}

/** The type of `None`; one instance exists. */
export class PyNoneType extends PyObject {
  override toString(): string {
    return 'None';
  }
}
/** The one `None`. Compare with `===`. */
export const None: PyNoneType = new PyNoneType();

/** The type of `...`; one instance exists. */
export class PyEllipsisType extends PyObject {
  override toString(): string {
    return 'Ellipsis';
  }
}
/** The one `Ellipsis`. Compare with `===`. */
export const Ellipsis: PyEllipsisType = new PyEllipsisType();

/** A Python float (IEEE-754 double). Boxed so that `1.0` and `1` stay distinct values. */
export class PyFloat extends PyObject {
  constructor(readonly value: number) {
    super();
  }
}

/** A Python complex number. */
export class PyComplex extends PyObject {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {
    super();
  }
}

/** An immutable Python bytes object. */
export class PyBytes extends PyObject {
  constructor(readonly bytes: Uint8Array) {
    super();
  }
}

/** An immutable Python tuple. */
export class PyTuple extends PyObject {
  constructor(readonly items: readonly PyValue[]) {
    super();
  }
}

/**
 * A frozenset as a constant (`x in {1, 2}` folds to one). Items keep the order the compiler
 * produced them in; marshal sorts them when writing, as CPython does.
 */
export class PyFrozenSet extends PyObject {
  constructor(readonly items: readonly PyValue[]) {
    super();
  }
}

/** A Python int: a safe-integer `number`, or a `bigint` outside that range. */
export type PyInt = number | bigint;

/** Any Python value. */
export type PyValue = PyInt | boolean | string | PyObject;

/** Normalises a bigint result to the canonical int representation. */
export function normInt(value: bigint): PyInt {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

/** True when `v` is a Python int (bool excluded). */
export function isInt(v: PyValue): v is PyInt {
  return typeof v === 'number' || typeof v === 'bigint';
}
