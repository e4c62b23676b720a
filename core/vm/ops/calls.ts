import { recursion } from '../../objects/abstract.js';
import { PyDict } from '../../objects/dict.js';
import { newError, RecursionError, typeError } from '../../objects/exceptions.js';
import { PyFunction, type NativeImpl } from '../../objects/function.js';
import { strRepr } from '../../objects/repr.js';
import { PyTuple, type PyValue } from '../../objects/values.js';
import { NotSupportedError } from '../../source/errors.js';
import { codeInfo, type CodeInfo } from '../code-info.js';
import { Frame } from '../frame.js';

/**
 * Calling Python functions: binding arguments into a new frame's locals with CPython's rules and
 * messages, and the recursion limit. The interpreter then runs the frame in its own loop.
 * CPython: Python/ceval.c (initialize_locals, too_many_positional, missing_arguments,
 * positional_only_passed_as_keyword), Include/internal/pycore_ceval.h (_Py_EnterRecursivePy).
 */

/** The CodeInfo of a function, cached on the function object. */
export function functionInfo(fn: PyFunction): CodeInfo {
  // The cache field is typed as the interface objects/ declares; CodeInfo is its only implementation.
  return (fn.cache as CodeInfo | null) ?? (fn.cache = codeInfo(fn.code)) as CodeInfo;
}

/**
 * A new frame for `fn` called with `nargs` values of `src` starting at `start` (positional, then
 * one per keyword name). Raises RecursionError past the limit, before the frame exists: CPython
 * reports it at the caller's CALL.
 */
export function pushFunctionFrame(
  fn: PyFunction,
  src: readonly (PyValue | null)[],
  start: number,
  nargs: number,
  kwnames: readonly string[] | null,
  back: Frame | null,
): Frame {
  const info = functionInfo(fn);
  if (info.isGenerator) throw new NotSupportedError('generator functions', 0);
  if (recursion.depth >= recursion.limit) {
    throw newError(RecursionError, 'maximum recursion depth exceeded');
  }
  const frame = new Frame(info, fn.globals, fn.builtins, null, fn, back);
  const locals = frame.f;
  if (kwnames === null && info.simpleArgs && nargs === info.argcount) {
    for (let i = 0; i < nargs; i++) locals[i] = src[start + i];
  } else {
    bindArguments(fn, info, locals, src, start, nargs, kwnames);
  }
  recursion.depth++;
  return frame;
}

function quoteList(names: readonly string[]): string {
  const q = names.map((n) => strRepr(n));
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

function missingArguments(fn: PyFunction, names: readonly string[], kind: string): never {
  const s = names.length === 1 ? '' : 's';
  throw typeError(`${fn.qualname}() missing ${names.length} required ${kind} argument${s}: ${quoteList(names)}`);
}

function tooManyPositional(fn: PyFunction, info: CodeInfo, given: number, locals: readonly (PyValue | null)[]): never {
  const argcount = info.argcount;
  const defcount = fn.defaults?.length ?? 0;
  let kwonlyGiven = 0;
  for (let i = argcount; i < argcount + info.kwonlyargcount; i++) if (locals[i] !== null) kwonlyGiven++;
  let plural = argcount !== 1;
  let sig: string;
  if (defcount > 0) {
    plural = true;
    sig = `from ${argcount - defcount} to ${argcount}`;
  } else {
    sig = String(argcount);
  }
  let kwonlySig = '';
  if (kwonlyGiven > 0) {
    kwonlySig = ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`;
  }
  const verb = given === 1 && kwonlyGiven === 0 ? 'was' : 'were';
  throw typeError(`${fn.qualname}() takes ${sig} positional argument${plural ? 's' : ''} but ${given}${kwonlySig} ${verb} given`);
}

/** Binds a call's arguments into `locals` as initialize_locals does. */
export function bindArguments(
  fn: PyFunction,
  info: CodeInfo,
  locals: (PyValue | null)[],
  src: readonly (PyValue | null)[],
  start: number,
  nargs: number,
  kwnames: readonly string[] | null,
): void {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = nargs - nkw;
  const argcount = info.argcount;
  const total = argcount + info.kwonlyargcount;
  let kwdict: PyDict | null = null;
  if (info.varkwIndex >= 0) {
    kwdict = new PyDict();
    locals[info.varkwIndex] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) locals[i] = src[start + i] as PyValue;
  if (info.varargsIndex >= 0) {
    const extra: PyValue[] = [];
    for (let i = n; i < npos; i++) extra.push(src[start + i] as PyValue);
    locals[info.varargsIndex] = new PyTuple(extra);
  }
  if (nkw > 0) {
    const posonlyAsKw: string[] = [];
    for (let k = 0; k < nkw; k++) {
      const name = kwnames![k];
      const value = src[start + npos + k] as PyValue;
      let j = -1;
      for (let p = info.posonlyargcount; p < total; p++) {
        if (info.paramNames[p] === name) {
          j = p;
          break;
        }
      }
      if (j < 0) {
        if (kwdict !== null) {
          kwdict.set(name, value);
          continue;
        }
        if (info.paramNames.slice(0, info.posonlyargcount).includes(name)) {
          posonlyAsKw.push(name);
          continue;
        }
        throw typeError(`${fn.qualname}() got an unexpected keyword argument '${name}'`);
      }
      if (locals[j] !== null) throw typeError(`${fn.qualname}() got multiple values for argument '${name}'`);
      locals[j] = value;
    }
    if (posonlyAsKw.length > 0) {
      throw typeError(`${fn.qualname}() got some positional-only arguments passed as keyword arguments: '${posonlyAsKw.join(', ')}'`);
    }
  }
  if (npos > argcount && info.varargsIndex < 0) tooManyPositional(fn, info, npos, locals);
  if (npos < argcount) {
    const defaults = fn.defaults ?? [];
    const m = argcount - defaults.length;
    const missing: string[] = [];
    for (let i = npos; i < m; i++) if (locals[i] === null) missing.push(info.paramNames[i]);
    if (missing.length > 0) missingArguments(fn, missing, 'positional');
    for (let i = Math.max(npos, m); i < argcount; i++) if (locals[i] === null) locals[i] = defaults[i - m];
  }
  if (info.kwonlyargcount > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (locals[i] !== null) continue;
      const name = info.paramNames[i];
      const d = fn.kwdefaults?.getStr(name);
      if (d !== undefined) locals[i] = d;
      else missing.push(name);
    }
    if (missing.length > 0) missingArguments(fn, missing, 'keyword-only');
  }
}

/**
 * Calls a builtin whose CPython call passes recursion guards: checks them all, then holds the
 * outermost level while the builtin runs, so Python code it calls back (a sort key) starts one
 * level deeper, as under CPython's Py_EnterRecursiveCall.
 */
export function callGuarded(fn: NativeImpl, levels: readonly string[], args: readonly PyValue[], kwnames: readonly string[] | null): PyValue {
  checkNativeRecursion(levels);
  recursion.depth++;
  try {
    return fn(args, kwnames);
  } finally {
    recursion.depth--;
  }
}

/**
 * RecursionError if a builtin's guarded C calls (`levels`, outermost first) would pass the limit:
 * the first level that overflows names the message.
 */
export function checkNativeRecursion(levels: readonly string[]): void {
  const room = recursion.limit - recursion.depth;
  if (levels.length > room) throw newError(RecursionError, 'maximum recursion depth exceeded' + levels[Math.max(room, 0)]);
}
