import { CO_FAST, type CodeObject } from '../../bytecode/code-object.js';
import type { PyDict } from '../../objects/dict.js';
import { nameError, newError, NameError, PyBaseException, unboundLocalError } from '../../objects/exceptions.js';
import { NotSupportedError } from '../../source/errors.js';

/**
 * Name lookups that miss, and deletions.
 * CPython: Python/ceval.c (LOAD_NAME, LOAD_GLOBAL, DELETE_NAME, format_exc_unbound).
 */

/**
 * Module attributes CPython's __main__ has that Bytescope does not model yet: loading one must
 * not turn into a NameError (a wrong answer), so it is reported as not supported.
 */
const UNMODELLED_MODULE_NAMES = new Set(['__loader__', '__builtins__']);

/** The error for a LOAD_NAME or LOAD_GLOBAL that found nothing. */
export function loadNameMiss(name: string): PyBaseException | NotSupportedError {
  if (UNMODELLED_MODULE_NAMES.has(name)) return new NotSupportedError(`module attribute ${name}`, 0);
  return nameError(name);
}
export const loadGlobalMiss = loadNameMiss;

/** DELETE_NAME / DELETE_GLOBAL. */
export function deleteName(ns: PyDict, name: string): void {
  if (!ns.delete(name)) throw nameError(name);
}

/** LOAD_DEREF / DELETE_DEREF of an empty cell. CPython: format_exc_unbound. */
export function freeVarError(code: CodeObject, index: number): PyBaseException {
  const name = code.co_localsplusnames[index];
  if (code.co_localspluskinds[index] & CO_FAST.FREE) {
    const e = newError(NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
    e.name = name;
    return e;
  }
  return unboundLocalError(name);
}
