import { NotSupportedError } from '../source/errors.js';
import { PyMethodDescriptor } from './function.js';
import { typeError } from './exceptions.js';
import { PyObject, type PyValue } from './values.js';
import { objectType, PyType, setPrototypeType } from './types.js';

/**
 * Helpers for defining the methods and data attributes of builtin types, with CPython's argument
 * count messages.
 * CPython: Objects/descrobject.c, Python/getargs.c (_PyArg_CheckPositional).
 */

export type MethodImpl = (self: PyValue, args: readonly PyValue[], kwnames: readonly string[] | null) => PyValue;

/** Adds a method descriptor to a type's dict. */
export function defineMethod(type: PyType, name: string, impl: MethodImpl): void {
  type.dict.set(name, new PyMethodDescriptor(name, type, impl));
}

/** A computed attribute of a builtin type (`range.start`). CPython: PyGetSetDescriptor / PyMemberDescriptor. */
export class PyGetSetDescriptor extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
    readonly get: (obj: PyValue) => PyValue,
  ) {
    super();
  }
}
export const getSetDescriptorType = new PyType('getset_descriptor', objectType);
setPrototypeType(PyGetSetDescriptor, getSetDescriptorType);
getSetDescriptorType.tp_descr_get = (descr, obj) => (obj === null ? descr : (descr as PyGetSetDescriptor).get(obj));
getSetDescriptorType.tp_repr = (v) => {
  const d = v as PyGetSetDescriptor;
  return `<attribute '${d.name}' of '${d.owner.name}' objects>`;
};

export function defineGetter(type: PyType, name: string, get: (obj: PyValue) => PyValue): void {
  type.dict.set(name, new PyGetSetDescriptor(name, type, get));
}

/** Placeholder for an attribute CPython has and Bytescope lacks: any access is NotSupportedError. */
export class PyUnsupportedAttribute extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
  ) {
    super();
  }
}
export const unsupportedAttributeType = new PyType('unsupported_attribute', objectType);
setPrototypeType(PyUnsupportedAttribute, unsupportedAttributeType);
unsupportedAttributeType.tp_descr_get = (descr) => {
  const d = descr as PyUnsupportedAttribute;
  throw new NotSupportedError(`${d.owner.name}.${d.name}`, 0);
};

/** The positional arguments of a method that takes no keywords. */
export function noKw(name: string, args: readonly PyValue[], kwnames: readonly string[] | null): readonly PyValue[] {
  if (kwnames !== null && kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
  return args;
}

/** "name() takes no arguments (N given)". CPython: METH_NOARGS. */
export function noArgs(name: string, args: readonly PyValue[], kwnames: readonly string[] | null): void {
  noKw(name, args, kwnames);
  if (args.length !== 0) throw typeError(`${name}() takes no arguments (${args.length} given)`);
}

/** "name() takes exactly one argument (N given)". CPython: METH_O. */
export function oneArg(name: string, args: readonly PyValue[], kwnames: readonly string[] | null): PyValue {
  noKw(name, args, kwnames);
  if (args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** Argument Clinic's positional count check: "name expected at least/most N argument(s), got M". */
export function argRange(name: string, args: readonly PyValue[], kwnames: readonly string[] | null, min: number, max: number): readonly PyValue[] {
  noKw(name, args, kwnames);
  if (args.length < min) {
    if (min === max) throw typeError(`${name} expected ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    throw typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  }
  if (args.length > max) {
    if (min === max) throw typeError(`${name} expected ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
    throw typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
  return args;
}

/** Keyword arguments as a name -> value map, after the positionals. */
export function keywords(args: readonly PyValue[], kwnames: readonly string[] | null): Map<string, PyValue> {
  const out = new Map<string, PyValue>();
  if (kwnames === null) return out;
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) out.set(kwnames[i], args[npos + i]);
  return out;
}
