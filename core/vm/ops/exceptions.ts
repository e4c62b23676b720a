import { call } from '../../objects/abstract.js';
import {
  PyBaseException,
  PyTraceback,
  RuntimeError,
  isExceptionType,
  newError,
  typeError,
} from '../../objects/exceptions.js';
import { PyType, typeOf } from '../../objects/types.js';
import { None, PyTuple, type PyValue } from '../../objects/values.js';
import type { Frame, ThreadState } from '../frame.js';

/**
 * Raising and matching exceptions.
 * CPython: Python/ceval.c (do_raise, CHECK_EXC_MATCH, check_except_type_valid),
 * Python/errors.c (_PyErr_SetObject's context chaining), Python/traceback.c (PyTraceBack_Here).
 */

/**
 * Sets `__context__` of a newly raised exception to the one being handled, first cutting any
 * path from the handled exception's context chain back to `exc` (no cycles), as _PyErr_SetObject.
 */
export function setContext(ts: ThreadState, exc: PyBaseException): void {
  const handled = ts.handled;
  if (handled === null || handled === exc) return;
  let o = handled;
  for (let guard = 0; o.context !== null && guard < 10000; guard++) {
    if (o.context === exc) {
      o.context = null;
      break;
    }
    o = o.context;
  }
  exc.context = handled;
}

/** Adds the frame's current instruction to the exception's traceback (outermost first). */
export function addTraceback(exc: PyBaseException, frame: Frame): void {
  exc.traceback = new PyTraceback(exc.traceback, frame, frame.lasti, frame.info.lineAt(frame.lasti));
}

/** An exception instance from `raise X`: instances as they are, classes called with no arguments. */
function instantiate(v: PyValue, what: string): PyBaseException {
  if (v instanceof PyBaseException) return v;
  if (v instanceof PyType && isExceptionType(v)) {
    const r = call(v, []);
    if (!(r instanceof PyBaseException)) {
      throw typeError(`calling ${v.name} should have returned an instance of BaseException, not ${typeOf(r).name}`);
    }
    return r;
  }
  throw typeError(what);
}

/** The exception RAISE_VARARGS throws (bare `raise` re-raises the handled one). */
export function raiseVarargs(ts: ThreadState, f: (PyValue | null)[], sp: number, oparg: number): PyBaseException {
  if (oparg === 0) {
    if (ts.handled === null) return newError(RuntimeError, 'No active exception to reraise');
    return ts.handled;
  }
  if (oparg === 1) return instantiate(f[sp - 1] as PyValue, 'exceptions must derive from BaseException');
  const exc = instantiate(f[sp - 2] as PyValue, 'exceptions must derive from BaseException');
  const cause = f[sp - 1] as PyValue;
  if (cause === None) exc.cause = null;
  else exc.cause = instantiate(cause, 'exception causes must derive from BaseException');
  exc.suppressContext = true;
  return exc;
}

function validExceptType(right: PyValue): boolean {
  if (right instanceof PyTuple) return right.items.every((t) => t instanceof PyType && isExceptionType(t));
  return right instanceof PyType && isExceptionType(right);
}

/** CHECK_EXC_MATCH: whether `left` is an instance of the class (or tuple of classes) `right`. */
export function checkExcMatch(left: PyValue, right: PyValue): boolean {
  if (!validExceptType(right)) throw typeError('catching classes that do not inherit from BaseException is not allowed');
  const t = typeOf(left);
  if (right instanceof PyTuple) return right.items.some((r) => t.isSubtype(r as PyType));
  return t.isSubtype(right as PyType);
}
