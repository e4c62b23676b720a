import { PyBytes, PyComplex, PyEllipsisType, PyFloat, PyFrozenSet, PyNoneType, PyObject, PyTuple, type PyInt, type PyValue } from './values.js';
import { CodeObject } from '../bytecode/code-object.js';

/**
 * Type objects: `type(x)` for every runtime value, with the C-level slots CPython's abstract
 * object layer dispatches through (nb_add, sq_concat, tp_richcompare...).
 *
 * Builtin types fill their slots with native functions in their own modules (int.ts, list.ts...);
 * later, classes defined in Python get slots that look up dunder methods, exactly as CPython's
 * typeobject.c `slot_*` wrappers do. Keeping CPython's slot layout means the dispatch rules of
 * Objects/abstract.c (reflected operands, subclass priority, sequence fallbacks) carry over as is.
 *
 * This module only creates the type objects; it imports no behaviour module, so every other
 * module can import it without creating an initialisation cycle.
 * CPython: Include/cpython/object.h (PyTypeObject), Objects/typeobject.c.
 */

/** The `NotImplemented` singleton, returned by binary slots that do not handle their operands. */
export class PyNotImplementedType extends PyObject {}
export const NotImplemented: PyNotImplementedType = new PyNotImplementedType();

/** A binary slot: returns the result, or {@link NotImplemented}. Operands are in source order. */
export type BinarySlot = (a: PyValue, b: PyValue) => PyValue;
export type UnarySlot = (a: PyValue) => PyValue;
/** tp_richcompare: `op` indexes COMPARE_OPS ('<', '<=', '==', '!=', '>', '>='). May return NotImplemented. */
export type RichCompareSlot = (a: PyValue, b: PyValue, op: number) => PyValue;
/**
 * A vectorcall-style call: positional arguments first, then one value per keyword name.
 * CPython: Include/cpython/abstract.h (vectorcallfunc).
 */
export type CallSlot = (callable: PyValue, args: readonly PyValue[], kwnames: readonly string[] | null) => PyValue;

/** Number of binary operators (BINARY_OP args 0-12; 13-25 are the in-place forms). */
export const NB_COUNT = 13;
/** BINARY_OP argument values. CPython: Include/opcode.h (NB_*). */
export const NB = {
  ADD: 0,
  AND: 1,
  FLOOR_DIVIDE: 2,
  LSHIFT: 3,
  MATRIX_MULTIPLY: 4,
  MULTIPLY: 5,
  REMAINDER: 6,
  OR: 7,
  POWER: 8,
  RSHIFT: 9,
  SUBTRACT: 10,
  TRUE_DIVIDE: 11,
  XOR: 12,
} as const;

/** Comparison operator indices (COMPARE_OP args). */
export const CMP = { LT: 0, LE: 1, EQ: 2, NE: 3, GT: 4, GE: 5 } as const;

export class PyType extends PyObject {
  /** type(type) is type; metaclasses come later. Set by the constructor (own field, not prototype). */
  declare readonly type: PyType;
  readonly mro: PyType[];
  readonly dict = new Map<string, PyValue>();
  /** Whether Python code may subclass it (bool, range, slice... may not). */
  basetype = true;
  /**
   * Recursion guards CPython's call of this type passes (see core/notes/recursion.md); the
   * outermost is held while the constructor runs.
   */
  callLevels: readonly string[] = [];

  // Number protocol, indexed by NB (0-12).
  nb: (BinarySlot | null)[] = new Array<BinarySlot | null>(NB_COUNT).fill(null);
  nbInplace: (BinarySlot | null)[] = new Array<BinarySlot | null>(NB_COUNT).fill(null);
  nb_negative: UnarySlot | null = null;
  nb_positive: UnarySlot | null = null;
  nb_invert: UnarySlot | null = null;
  nb_absolute: UnarySlot | null = null;
  nb_bool: ((v: PyValue) => boolean) | null = null;
  /** __index__: the value as an int (int, bool and their subclasses). */
  nb_index: ((v: PyValue) => PyInt) | null = null;
  nb_int: ((v: PyValue) => PyInt) | null = null;
  nb_float: ((v: PyValue) => number) | null = null;

  // Sequence and mapping protocols.
  sq_concat: BinarySlot | null = null;
  sq_inplace_concat: BinarySlot | null = null;
  sq_repeat: ((v: PyValue, n: number) => PyValue) | null = null;
  sq_inplace_repeat: ((v: PyValue, n: number) => PyValue) | null = null;
  sq_contains: ((container: PyValue, item: PyValue) => boolean) | null = null;
  /** sq_length / mp_length. */
  sq_length: ((v: PyValue) => number) | null = null;
  mp_subscript: BinarySlot | null = null;
  /** Assigns `v[key] = value`, or deletes `v[key]` when value is null. */
  mp_ass_subscript: ((v: PyValue, key: PyValue, value: PyValue | null) => void) | null = null;

  // Object protocol.
  tp_repr: ((v: PyValue) => string) | null = null;
  tp_str: ((v: PyValue) => string) | null = null;
  /** null: unhashable. */
  tp_hash: ((v: PyValue) => PyInt) | null = null;
  tp_richcompare: RichCompareSlot | null = null;
  tp_iter: UnarySlot | null = null;
  /** The next item, or undefined when exhausted (CPython: NULL without an exception set). */
  tp_iternext: ((v: PyValue) => PyValue | undefined) | null = null;
  tp_call: CallSlot | null = null;
  /** Calling the type itself: `int('3')`. Receives the type as callable. */
  tp_new: CallSlot | null = null;
  /** Attribute lookup override; null means the generic lookup (type dict along the MRO). */
  tp_getattro: ((v: PyValue, name: string) => PyValue | undefined) | null = null;
  /** Descriptor protocol: binds a value found in a type dict to an instance (functions -> methods). */
  tp_descr_get: ((descr: PyValue, obj: PyValue | null, type: PyType) => PyValue) | null = null;

  constructor(
    readonly name: string,
    readonly base: PyType | null,
    readonly module = 'builtins',
  ) {
    super();
    this.mro = base ? [this, ...base.mro] : [this];
    // typeType does not exist while typeType itself is being built.
    (this as { type: PyType }).type = typeType ?? this;
  }

  get qualname(): string {
    return this.name;
  }

  /** Whether this type is `other` or derives from it. CPython: PyType_IsSubtype. */
  isSubtype(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }

  /** Looks a name up along the MRO, as _PyType_Lookup does. */
  lookup(name: string): PyValue | undefined {
    for (const t of this.mro) {
      const v = t.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Copies every slot that `this` leaves unset from its base: CPython's inherit_slots. */
  inheritSlots(): void {
    const base = this.base;
    if (!base) return;
    const self = this as unknown as Record<string, unknown>;
    const from = base as unknown as Record<string, unknown>;
    for (const key of Object.keys(from)) {
      if (!(key.startsWith('nb_') || key.startsWith('sq_') || key.startsWith('mp_') || key.startsWith('tp_'))) continue;
      if (self[key] === null) self[key] = from[key];
    }
    for (let i = 0; i < NB_COUNT; i++) {
      if (this.nb[i] === null) this.nb[i] = base.nb[i];
      if (this.nbInplace[i] === null) this.nbInplace[i] = base.nbInplace[i];
    }
  }
}

// `typeType` is declared before any PyType is constructed so the constructor can read it.
// eslint-disable-next-line prefer-const
let typeType: PyType | undefined;
export const objectType = new PyType('object', null);
typeType = new PyType('type', objectType);
(objectType as { type: PyType }).type = typeType;
(typeType as { type: PyType }).type = typeType;
export const TypeType: PyType = typeType;

export const intType = new PyType('int', objectType);
export const boolType = new PyType('bool', intType);
boolType.basetype = false;
export const floatType = new PyType('float', objectType);
export const complexType = new PyType('complex', objectType);
export const strType = new PyType('str', objectType);
export const bytesType = new PyType('bytes', objectType);
export const tupleType = new PyType('tuple', objectType);
export const listType = new PyType('list', objectType);
export const dictType = new PyType('dict', objectType);
export const frozensetType = new PyType('frozenset', objectType);
export const rangeType = new PyType('range', objectType);
rangeType.basetype = false;
export const sliceType = new PyType('slice', objectType);
sliceType.basetype = false;
export const noneType = new PyType('NoneType', objectType);
noneType.basetype = false;
export const ellipsisType = new PyType('ellipsis', objectType);
ellipsisType.basetype = false;
export const notImplementedType = new PyType('NotImplementedType', objectType);
notImplementedType.basetype = false;
export const functionType = new PyType('function', objectType);
functionType.basetype = false;
export const builtinFunctionType = new PyType('builtin_function_or_method', objectType);
builtinFunctionType.basetype = false;
export const methodDescriptorType = new PyType('method_descriptor', objectType);
methodDescriptorType.basetype = false;
export const methodType = new PyType('method', objectType);
methodType.basetype = false;
export const codeType = new PyType('code', objectType);
codeType.basetype = false;

/** Installs `type` on a class's prototype, so every instance reports it without an own field. */
export function setPrototypeType(cls: abstract new (...args: never[]) => PyObject, type: PyType): void {
  Object.defineProperty(cls.prototype, 'type', { value: type, writable: false, configurable: true });
}

setPrototypeType(PyNoneType, noneType);
setPrototypeType(PyEllipsisType, ellipsisType);
setPrototypeType(PyNotImplementedType, notImplementedType);
setPrototypeType(PyFloat, floatType);
setPrototypeType(PyComplex, complexType);
setPrototypeType(PyBytes, bytesType);
setPrototypeType(PyTuple, tupleType);
setPrototypeType(PyFrozenSet, frozensetType);
setPrototypeType(CodeObject, codeType);

/** `type(v)`. */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'string':
      return strType;
    case 'boolean':
      return boolType;
    default:
      return v.type;
  }
}

/** `type(v).__name__`, as error messages quote it. */
export function typeName(v: PyValue): string {
  return typeOf(v).name;
}

