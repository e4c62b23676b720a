import { COMPARE_OPS, NB_OPS } from '../bytecode/opcodes.generated.js';
import { NotSupportedError } from '../source/errors.js';
import { DIR_NAMES } from './dir-names.js';
import { CMP, NB, NotImplemented, typeOf, type BinarySlot } from './types.js';
import { None, PyObject, type PyInt, type PyValue } from './values.js';
import {
  OverflowError,
  RecursionError,
  attributeError,
  newError,
  typeError,
  type PyBaseException,
} from './exceptions.js';

/**
 * The abstract object layer: the operations the interpreter and builtins apply to any value,
 * dispatching through type slots with CPython's rules (which operand goes first, when the
 * reflected slot of a subclass wins, the sequence fallbacks of `+` and `*`, the identity shortcut
 * of `==` inside containers) and CPython's error messages.
 * CPython: Objects/abstract.c, Objects/object.c (PyObject_RichCompare, PyObject_Repr, PyObject_IsTrue).
 */

// ---------------------------------------------------------------------------------------------
// Recursion guard shared by repr() of containers and by the interpreter's frame depth.

/** Interpreter-wide recursion state: every Python frame and every guarded native call counts. */
export const recursion = {
  depth: 0,
  limit: 1000,
};

/**
 * Enters a native call that CPython guards with Py_EnterRecursiveCall; throws RecursionError
 * "maximum recursion depth exceeded<where>" past the limit. Pair with {@link leaveRecursiveCall}.
 */
export function enterRecursiveCall(where: string): void {
  if (++recursion.depth > recursion.limit) {
    recursion.depth--;
    throw newError(RecursionError, 'maximum recursion depth exceeded' + where);
  }
}
export function leaveRecursiveCall(): void {
  recursion.depth--;
}

// ---------------------------------------------------------------------------------------------
// repr / str

/** Containers being repr'd, for `[...]` on self-reference. CPython: Py_ReprEnter. */
const reprActive = new Set<PyObject>();

/** Marks `v` as being repr'd; returns false if it already is (the caller prints `...`). */
export function reprEnter(v: PyObject): boolean {
  if (reprActive.has(v)) return false;
  reprActive.add(v);
  return true;
}
export function reprLeave(v: PyObject): void {
  reprActive.delete(v);
}

/** `repr(v)`. */
export function repr(v: PyValue): string {
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'string':
      return strReprImpl(v);
    case 'bigint':
      return intToDecimal(v);
    default: {
      const slot = v.type.tp_repr;
      if (slot === null) return defaultRepr(v);
      enterRecursiveCall(' while getting the repr of an object');
      try {
        return slot(v);
      } finally {
        leaveRecursiveCall();
      }
    }
  }
}

/** `str(v)`. */
export function str(v: PyValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      if (recursion.depth >= recursion.limit) strGuardOverflow();
      return String(v);
    case 'boolean':
      if (recursion.depth >= recursion.limit) strGuardOverflow();
      return v ? 'True' : 'False';
    case 'bigint':
      if (recursion.depth >= recursion.limit) strGuardOverflow();
      return intToDecimal(v);
    default: {
      const slot = v.type.tp_str;
      if (slot === null) return repr(v);
      enterRecursiveCall(' while getting the str of an object');
      try {
        return slot(v);
      } finally {
        leaveRecursiveCall();
      }
    }
  }
}

/** PyObject_Str's recursion guard overflowing for an unboxed value. */
function strGuardOverflow(): never {
  throw newError(RecursionError, 'maximum recursion depth exceeded while getting the str of an object');
}

/** A fake but stable address for `<... at 0x...>` reprs (CPython prints a memory address). */
export function addressOf(v: PyObject): string {
  return '0x' + (0x7f0000000000 + v.serial * 16).toString(16);
}

/** object.__repr__: `<T object at 0x...>`. */
export function defaultRepr(v: PyObject): string {
  const t = v.type;
  const mod = t.module === 'builtins' ? '' : t.module + '.';
  return `<${mod}${t.qualname} object at ${addressOf(v)}>`;
}

// The str repr and int->decimal conversions live in str.ts and int.ts; they register here so this
// module imports no type module (see types.ts about initialisation order).
let strReprImpl: (s: string) => string = () => {
  throw new Error('str repr not registered');
};
let intToDecimal: (v: bigint) => string = (v) => v.toString();
export function registerStrRepr(fn: (s: string) => string): void {
  strReprImpl = fn;
}
export function registerBigToDecimal(fn: (v: bigint) => string): void {
  intToDecimal = fn;
}

// ---------------------------------------------------------------------------------------------
// Truth, hashing, equality

/** `bool(v)`. CPython: PyObject_IsTrue. */
export function isTrue(v: PyValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length !== 0;
    case 'bigint':
      return true; // never zero: zero is a number
    default: {
      if (v === None) return false;
      const t = v.type;
      if (t.nb_bool !== null) return t.nb_bool(v);
      if (t.sq_length !== null) return t.sq_length(v) !== 0;
      return true;
    }
  }
}

/** `hash(v)`; TypeError "unhashable type: 'list'". */
export function hash(v: PyValue): PyInt {
  const slot = typeOf(v).tp_hash;
  if (slot === null) throw typeError(`unhashable type: '${typeOf(v).name}'`);
  return slot(v);
}

/** Whether `hash(v)` would succeed without calling Python code. */
export function isHashable(v: PyValue): boolean {
  return typeOf(v).tp_hash !== null;
}

function swappedOp(op: number): number {
  // < <= == != > >=  ->  > >= == != < <=
  return [CMP.GT, CMP.GE, CMP.EQ, CMP.NE, CMP.LT, CMP.LE][op];
}

/**
 * `a <op> b` as a value (not necessarily a bool). CPython: do_richcompare, including the rule
 * that a right operand whose type is a proper subclass gets the first try.
 */
export function richCompare(a: PyValue, b: PyValue, op: number): PyValue {
  const ta = typeOf(a);
  const tb = typeOf(b);
  let checkedReverse = false;
  if (ta !== tb && tb.isSubtype(ta) && tb.tp_richcompare !== null) {
    checkedReverse = true;
    const r = tb.tp_richcompare(b, a, swappedOp(op));
    if (r !== NotImplemented) return r;
  }
  if (ta.tp_richcompare !== null) {
    const r = ta.tp_richcompare(a, b, op);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReverse && tb.tp_richcompare !== null) {
    const r = tb.tp_richcompare(b, a, swappedOp(op));
    if (r !== NotImplemented) return r;
  }
  if (op === CMP.EQ) return a === b;
  if (op === CMP.NE) return a !== b;
  throw typeError(`'${COMPARE_OPS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** `bool(a <op> b)`, with the identity shortcut for == and != that containers rely on. */
export function richCompareBool(a: PyValue, b: PyValue, op: number): boolean {
  if (a === b) {
    if (op === CMP.EQ) return true;
    if (op === CMP.NE) return false;
  }
  const r = richCompare(a, b, op);
  return typeof r === 'boolean' ? r : isTrue(r);
}

/** `a == b` as containers compare (identity first). */
export function eq(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  if (typeof a === 'number' && typeof b === 'number') return false;
  return richCompareBool(a, b, CMP.EQ);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const NB_SYMBOL: readonly string[] = NB_OPS.slice(0, 13).map(([, sym]) => sym);

/** binary_op1: the nb slots of both operands, subclass first. Returns NotImplemented if none applies. */
function binaryOp1(a: PyValue, b: PyValue, op: number): PyValue {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const slota = ta.nb[op];
  let slotb: BinarySlot | null = ta !== tb ? tb.nb[op] : null;
  if (slotb === slota) slotb = null;
  if (slota !== null) {
    if (slotb !== null && tb.isSubtype(ta)) {
      const r = slotb(a, b);
      if (r !== NotImplemented) return r;
      slotb = null;
    }
    const r = slota(a, b);
    if (r !== NotImplemented) return r;
  }
  if (slotb !== null) return slotb(a, b);
  return NotImplemented;
}

function unsupported(a: PyValue, b: PyValue, symbol: string): PyBaseException {
  return typeError(`unsupported operand type(s) for ${symbol}: '${typeOf(a).name}' and '${typeOf(b).name}'`);
}

/** `n` for sequence repetition: an index-capable value, else the "can't multiply" TypeError. */
function repeatCount(n: PyValue): number {
  const t = typeOf(n);
  if (t.nb_index === null) throw typeError(`can't multiply sequence by non-int of type '${t.name}'`);
  const i = t.nb_index(n);
  if (typeof i === 'bigint') {
    if (i < 0n) return 0;
    throw newError(OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return i;
}

/** `a <op> b` for BINARY_OP args 0-12. CPython: PyNumber_Add and friends. */
export function binaryOp(a: PyValue, b: PyValue, op: number): PyValue {
  const r = binaryOp1(a, b, op);
  if (r !== NotImplemented) return r;
  if (op === NB.ADD) {
    const concat = typeOf(a).sq_concat;
    if (concat !== null) return concat(a, b);
  } else if (op === NB.MULTIPLY) {
    const ra = typeOf(a).sq_repeat;
    if (ra !== null) return ra(a, repeatCount(b));
    const rb = typeOf(b).sq_repeat;
    if (rb !== null) return rb(b, repeatCount(a));
  }
  throw unsupported(a, b, op === NB.POWER ? '** or pow()' : NB_SYMBOL[op]);
}

/** `a <op>= b` for BINARY_OP args 13-25 (`op` is the base operator 0-12). CPython: PyNumber_InPlaceAdd... */
export function inplaceOp(a: PyValue, b: PyValue, op: number): PyValue {
  const ta = typeOf(a);
  const islot = ta.nbInplace[op];
  if (islot !== null) {
    const r = islot(a, b);
    if (r !== NotImplemented) return r;
  }
  const r = binaryOp1(a, b, op);
  if (r !== NotImplemented) return r;
  if (op === NB.ADD) {
    const concat = ta.sq_inplace_concat ?? ta.sq_concat;
    if (concat !== null) return concat(a, b);
  } else if (op === NB.MULTIPLY) {
    const ra = ta.sq_inplace_repeat ?? ta.sq_repeat;
    if (ra !== null) return ra(a, repeatCount(b));
    const rb = typeOf(b).sq_repeat;
    if (rb !== null) return rb(b, repeatCount(a));
  }
  throw unsupported(a, b, op === NB.POWER ? '**=' : NB_SYMBOL[op] + '=');
}

export function negative(v: PyValue): PyValue {
  const slot = typeOf(v).nb_negative;
  if (slot === null) throw typeError(`bad operand type for unary -: '${typeOf(v).name}'`);
  return slot(v);
}
export function positive(v: PyValue): PyValue {
  const slot = typeOf(v).nb_positive;
  if (slot === null) throw typeError(`bad operand type for unary +: '${typeOf(v).name}'`);
  return slot(v);
}
export function invert(v: PyValue): PyValue {
  const slot = typeOf(v).nb_invert;
  if (slot === null) throw typeError(`bad operand type for unary ~: '${typeOf(v).name}'`);
  return slot(v);
}
export function absolute(v: PyValue): PyValue {
  const slot = typeOf(v).nb_absolute;
  if (slot === null) throw typeError(`bad operand type for abs(): '${typeOf(v).name}'`);
  return slot(v);
}

/** PyNumber_Index: an int from an int-like value, else TypeError with `what`. */
export function index(v: PyValue, message?: string): PyInt {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const slot = typeOf(v).nb_index;
  if (slot === null) {
    throw typeError(message ?? `'${typeOf(v).name}' object cannot be interpreted as an integer`);
  }
  return slot(v);
}

/** Whether `v` supports __index__ (int, bool, and later classes defining it). */
export function hasIndex(v: PyValue): boolean {
  return typeOf(v).nb_index !== null;
}

// ---------------------------------------------------------------------------------------------
// Containers

/** `len(v)`. */
export function length(v: PyValue): number {
  if (typeof v === 'string') return strLenImpl(v);
  const slot = typeOf(v).sq_length;
  if (slot === null) throw typeError(`object of type '${typeOf(v).name}' has no len()`);
  return slot(v);
}

let strLenImpl: (s: string) => number = (s) => s.length;
export function registerStrLen(fn: (s: string) => number): void {
  strLenImpl = fn;
}

/** `v[key]`. */
export function getItem(v: PyValue, key: PyValue): PyValue {
  const slot = typeOf(v).mp_subscript;
  if (slot === null) throw typeError(`'${typeOf(v).name}' object is not subscriptable`);
  return slot(v, key);
}

/** `v[key] = value`. */
export function setItem(v: PyValue, key: PyValue, value: PyValue): void {
  const slot = typeOf(v).mp_ass_subscript;
  if (slot === null) throw typeError(`'${typeOf(v).name}' object does not support item assignment`);
  slot(v, key, value);
}

/** `del v[key]`. */
export function delItem(v: PyValue, key: PyValue): void {
  const slot = typeOf(v).mp_ass_subscript;
  if (slot === null) throw typeError(`'${typeOf(v).name}' object doesn't support item deletion`);
  slot(v, key, null);
}

/** `item in container`. CPython: PySequence_Contains (falls back to iteration). */
export function contains(container: PyValue, item: PyValue): boolean {
  const t = typeOf(container);
  if (t.sq_contains !== null) return t.sq_contains(container, item);
  if (t.tp_iter === null) throw typeError(`argument of type '${t.name}' is not iterable`);
  const it = getIter(container);
  for (let x = next(it); x !== undefined; x = next(it)) if (eq(x, item)) return true;
  return false;
}

/** `iter(v)`. */
export function getIter(v: PyValue): PyValue {
  const slot = typeOf(v).tp_iter;
  if (slot === null) throw typeError(`'${typeOf(v).name}' object is not iterable`);
  return slot(v);
}

/** The next item of an iterator, or undefined when it is exhausted. */
export function next(it: PyValue): PyValue | undefined {
  const slot = typeOf(it).tp_iternext;
  if (slot === null) throw typeError(`'${typeOf(it).name}' object is not an iterator`);
  return slot(it);
}

/** All items of an iterable, as a JS array (for unpacking, list(), tuple()...). */
export function toArray(v: PyValue): PyValue[] {
  const it = getIter(v);
  const slot = typeOf(it).tp_iternext!;
  const out: PyValue[] = [];
  for (let x = slot(it); x !== undefined; x = slot(it)) out.push(x);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Calls and attributes

/** `f(*args, **dict(zip(kwnames, kwvalues)))`; keyword values follow the positionals in `args`. */
export function call(f: PyValue, args: readonly PyValue[], kwnames: readonly string[] | null = null): PyValue {
  const t = typeOf(f);
  if (t.tp_call === null) throw typeError(`'${t.name}' object is not callable`);
  return t.tp_call(f, args, kwnames);
}

/** Whether `f` is callable. */
export function isCallable(f: PyValue): boolean {
  return typeOf(f).tp_call !== null;
}

const dirSets = new Map<string, ReadonlySet<string>>();

/**
 * Whether CPython's type `typeName` has an attribute `name` that Bytescope does not model yet.
 * A miss on such a name must be "not supported yet", never an AttributeError (a wrong answer), and
 * never a `getattr(x, name, default)` that quietly returns the default.
 */
function isUnmodelledAttribute(typeName: string, name: string): boolean {
  let names = dirSets.get(typeName);
  if (names === undefined) {
    names = new Set(DIR_NAMES[typeName] ?? []);
    dirSets.set(typeName, names);
  }
  return names.has(name);
}

/**
 * `getattr(v, name)`; undefined when missing (the caller raises AttributeError). Throws
 * NotSupportedError for an attribute CPython's builtin type has and Bytescope lacks.
 */
export function lookupAttr(v: PyValue, name: string): PyValue | undefined {
  const t = typeOf(v);
  if (t.tp_getattro !== null) {
    const r = t.tp_getattro(v, name);
    if (r !== undefined) return r;
  }
  const found = t.lookup(name);
  if (found === undefined) {
    if (isUnmodelledAttribute(t.name, name)) throw new NotSupportedError(`${t.name}.${name}`, 0);
    return undefined;
  }
  const descrGet = typeOf(found).tp_descr_get;
  if (descrGet !== null) return descrGet(found, v, t);
  return found;
}

/** `v.name`, or AttributeError "'T' object has no attribute 'name'". */
export function getAttr(v: PyValue, name: string): PyValue {
  const r = lookupAttr(v, name);
  if (r === undefined) throw attributeError(v, name);
  return r;
}

