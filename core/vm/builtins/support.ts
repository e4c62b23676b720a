import { PyBuiltinFunction, NO_LEVELS, type NativeImpl } from '../../objects/function.js';
import { typeError } from '../../objects/exceptions.js';
import type { PyValue } from '../../objects/values.js';

/**
 * Helpers shared by the builtin functions: construction with CPython's recursion-guard model
 * and argument-count messages.
 * CPython: Python/bltinmodule.c, Python/getargs.c.
 */

/** The message suffix of the guard cfunction calls pass through. */
export const CALLING = ' while calling a Python object';
/** One guarded level: a builtin CPython 3.11 calls through cfunction_vectorcall's check. */
export const GUARDED: readonly string[] = [CALLING];
export { NO_LEVELS };

export function builtin(name: string, impl: NativeImpl, levels: readonly string[] = GUARDED): PyBuiltinFunction {
  return new PyBuiltinFunction(name, impl, null, levels);
}

/** "name() takes no keyword arguments". */
export function rejectKeywords(name: string, kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
}

/** METH_O: "name() takes exactly one argument (N given)". */
export function exactlyOne(name: string, args: readonly PyValue[], kwnames: readonly string[] | null): PyValue {
  rejectKeywords(name, kwnames);
  if (args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** Argument Clinic positional range: "name expected at least N argument(s), got M". */
export function positionalRange(name: string, args: readonly PyValue[], min: number, max: number): void {
  const plural = (n: number): string => (n === 1 ? '' : 's');
  if (min === max && args.length !== min) throw typeError(`${name} expected ${min} argument${plural(min)}, got ${args.length}`);
  if (args.length < min) throw typeError(`${name} expected at least ${min} argument${plural(min)}, got ${args.length}`);
  if (args.length > max) throw typeError(`${name} expected at most ${max} argument${plural(max)}, got ${args.length}`);
}

/** Splits vectorcall args into positionals and a keyword map, rejecting names not in `allowed`. */
export function splitKeywords(
  fname: string,
  args: readonly PyValue[],
  kwnames: readonly string[] | null,
  allowed: readonly string[],
): { pos: readonly PyValue[]; kw: Map<string, PyValue> } {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const pos = nkw === 0 ? args : args.slice(0, args.length - nkw);
  const kw = new Map<string, PyValue>();
  for (let i = 0; i < nkw; i++) {
    const name = kwnames![i];
    if (!allowed.includes(name)) throw typeError(`'${name}' is an invalid keyword argument for ${fname}()`);
    kw.set(name, args[pos.length + i]);
  }
  return { pos, kw };
}
