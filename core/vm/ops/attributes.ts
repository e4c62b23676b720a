import { getAttr, lookupAttr } from '../../objects/abstract.js';
import { PyDict } from '../../objects/dict.js';
import { attributeError, newError, AttributeError } from '../../objects/exceptions.js';
import { PyMethodDescriptor } from '../../objects/function.js';
import { typeName, typeOf } from '../../objects/types.js';
import type { PyValue } from '../../objects/values.js';
import { NotSupportedError } from '../../source/errors.js';
import type { Frame } from '../frame.js';

/**
 * Attribute instructions. Builtin types keep their methods in their type dict as method
 * descriptors; LOAD_METHOD pushes the descriptor and the object (no bound method allocated), as
 * CPython 3.11 does, and CALL passes the object as the first argument.
 * CPython: Python/ceval.c (LOAD_ATTR, LOAD_METHOD, STORE_ATTR), Objects/object.c
 * (_PyObject_GetMethod, PyObject_GenericSetAttr).
 */

export function loadAttr(obj: PyValue, name: string): PyValue {
  return getAttr(obj, name);
}

/** LOAD_METHOD: [obj] -> [method, obj] for a method found on the type, else [NULL, attribute]. */
export function loadMethod(f: (PyValue | null)[], sp: number, name: string): number {
  const obj = f[sp - 1] as PyValue;
  const t = typeOf(obj);
  if (t.tp_getattro === null) {
    const descr = t.lookup(name);
    if (descr instanceof PyMethodDescriptor) {
      f[sp - 1] = descr;
      f[sp] = obj;
      return sp + 1;
    }
  }
  f[sp - 1] = null;
  f[sp] = getAttr(obj, name);
  return sp + 1;
}

/** STORE_ATTR on builtin objects: CPython's messages for objects without a __dict__. */
export function storeAttr(obj: PyValue, name: string, value: PyValue): void {
  void value;
  const t = typeOf(obj);
  if (t.name === 'function' || t.name === 'type') throw new NotSupportedError(`setting attributes of a ${t.name}`, 0);
  const existing = t.lookup(name);
  if (existing instanceof PyMethodDescriptor) {
    throw newError(AttributeError, `'${typeName(obj)}' object attribute '${name}' is read-only`);
  }
  if (existing !== undefined) throw newError(AttributeError, `attribute '${name}' of '${t.name}' objects is not writable`);
  throw attributeError(obj, name);
}

export function deleteAttr(obj: PyValue, name: string): void {
  const t = typeOf(obj);
  if (t.name === 'function' || t.name === 'type') throw new NotSupportedError(`deleting attributes of a ${t.name}`, 0);
  if (lookupAttr(obj, name) !== undefined) throw newError(AttributeError, `'${typeName(obj)}' object attribute '${name}' is read-only`);
  throw attributeError(obj, name);
}

/** SETUP_ANNOTATIONS: an empty __annotations__ dict in the namespace unless one exists. */
export function setupAnnotations(frame: Frame): void {
  const ns = frame.locals;
  if (ns === null) return;
  if (ns.getStr('__annotations__') === undefined) ns.setStr('__annotations__', new PyDict());
}
