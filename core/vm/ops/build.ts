import type { CodeObject } from '../../bytecode/code-object.js';
import { getIter, next, repr, str, toArray } from '../../objects/abstract.js';
import { PyDict } from '../../objects/dict.js';
import { typeError, valueError } from '../../objects/exceptions.js';
import { PyCell, PyFunction } from '../../objects/function.js';
import { PyList } from '../../objects/list.js';
import { asciiRepr } from '../../objects/str-format.js';
import { formatSpec } from '../../objects/str-format.js';
import { typeName, typeOf } from '../../objects/types.js';
import { None, PyTuple, type PyValue } from '../../objects/values.js';
import type { Frame } from '../frame.js';

/**
 * Instructions that build or take apart containers, plus function creation and the argument
 * packing of CALL_FUNCTION_EX: the slower, allocation-heavy arms of the interpreter loop. Each
 * takes the frame array and stack pointer and returns the new stack pointer.
 * CPython: Python/ceval.c (BUILD_MAP, BUILD_CONST_KEY_MAP, LIST_EXTEND, DICT_UPDATE, DICT_MERGE,
 * UNPACK_SEQUENCE/unpack_iterable, UNPACK_EX, FORMAT_VALUE, MAKE_FUNCTION, CALL_FUNCTION_EX).
 */

type Stack = (PyValue | null)[];

export function buildMap(f: Stack, sp: number, n: number): number {
  const d = new PyDict();
  const base = sp - 2 * n;
  for (let i = 0; i < n; i++) d.set(f[base + 2 * i] as PyValue, f[base + 2 * i + 1] as PyValue);
  f[base] = d;
  return base + 1;
}

export function buildConstKeyMap(f: Stack, sp: number, n: number): number {
  const keys = (f[sp - 1] as PyTuple).items;
  const base = sp - 1 - n;
  const d = new PyDict();
  for (let i = 0; i < n; i++) d.set(keys[i], f[base + i] as PyValue);
  f[base] = d;
  return base + 1;
}

export function buildString(f: Stack, sp: number, n: number): number {
  let s = '';
  for (let i = sp - n; i < sp; i++) s += f[i] as string;
  f[sp - n] = s;
  return sp - n + 1;
}

/** FORMAT_VALUE: conversion (low two bits: !s, !r, !a) then format() with the optional spec. */
export function formatValue(f: Stack, sp: number, oparg: number): number {
  const spec = oparg & 4 ? (f[--sp] as string) : '';
  let value = f[sp - 1] as PyValue;
  switch (oparg & 3) {
    case 1:
      value = str(value);
      break;
    case 2:
      value = repr(value);
      break;
    case 3:
      value = asciiRepr(value);
      break;
  }
  f[sp - 1] = typeof value === 'string' && spec === '' ? value : formatSpec(value, spec);
  return sp;
}

/** Whether CPython would consider `v` iterable for the "Value after *" messages. */
function isIterable(v: PyValue): boolean {
  const t = typeOf(v);
  return t.tp_iter !== null || t.mp_subscript !== null;
}

export function listExtend(f: Stack, sp: number, i: number): number {
  const iterable = f[--sp] as PyValue;
  const list = f[sp - i] as PyList;
  if (iterable instanceof PyTuple || iterable instanceof PyList) {
    for (const x of iterable.items) list.items.push(x);
    return sp;
  }
  if (!isIterable(iterable)) throw typeError(`Value after * must be an iterable, not ${typeName(iterable)}`);
  for (const x of toArray(iterable)) list.items.push(x);
  return sp;
}

export function dictUpdate(f: Stack, sp: number, i: number): number {
  const update = f[--sp] as PyValue;
  const d = f[sp - i] as PyDict;
  if (!(update instanceof PyDict)) throw typeError(`'${typeName(update)}' object is not a mapping`);
  for (const [k, v] of update.entries()) d.set(k, v);
  return sp;
}

/** The name a call error uses for a callable: `f()` for functions. CPython: _PyObject_FunctionStr. */
export function functionStr(fn: PyValue): string {
  if (fn instanceof PyFunction) return fn.qualname + '()';
  const t = typeOf(fn);
  if (t.name === 'builtin_function_or_method') return (fn as unknown as { name: string }).name + '()';
  if (t.name === 'type') return (fn as unknown as { name: string }).name + '()';
  return typeName(fn) + ' object';
}

export function dictMerge(f: Stack, sp: number, i: number): number {
  const update = f[--sp] as PyValue;
  const d = f[sp - i] as PyDict;
  const fn = f[sp - i - 2] as PyValue;
  if (!(update instanceof PyDict)) {
    throw typeError(`${functionStr(fn)} argument after ** must be a mapping, not ${typeName(update)}`);
  }
  for (const [k, v] of update.entries()) {
    if (d.has(k)) {
      if (typeof k !== 'string') throw typeError('keywords must be strings');
      throw typeError(`${functionStr(fn)} got multiple values for keyword argument '${k}'`);
    }
    d.set(k, v);
  }
  return sp;
}

/** The arguments of CALL_FUNCTION_EX, unpacked: positional values then keyword values. */
export interface ExCall {
  func: PyValue;
  args: PyValue[];
  kwnames: string[] | null;
}

/** Pops CALL_FUNCTION_EX's operands (leaving NULL and the callable) and flattens them. */
export function prepareCallEx(f: Stack, sp: number, oparg: number): ExCall {
  const kwargs = oparg & 1 ? (f[sp - 1] as PyValue) : null;
  const callargs = f[oparg & 1 ? sp - 2 : sp - 1] as PyValue;
  const func = f[oparg & 1 ? sp - 3 : sp - 2] as PyValue;
  let args: PyValue[];
  if (callargs instanceof PyTuple) args = callargs.items.slice();
  else {
    if (!isIterable(callargs)) {
      throw typeError(`${functionStr(func)} argument after * must be an iterable, not ${typeName(callargs)}`);
    }
    args = toArray(callargs);
  }
  let kwnames: string[] | null = null;
  if (kwargs !== null) {
    if (!(kwargs instanceof PyDict)) {
      throw typeError(`${functionStr(func)} argument after ** must be a mapping, not ${typeName(kwargs)}`);
    }
    kwnames = [];
    for (const [k, v] of kwargs.entries()) {
      if (typeof k !== 'string') throw typeError('keywords must be strings');
      kwnames.push(k);
      args.push(v);
    }
  }
  return { func, args, kwnames };
}

/** UNPACK_SEQUENCE for anything but a tuple or list of the right length. CPython: unpack_iterable. */
export function unpackIterable(f: Stack, sp: number, n: number): number {
  const seq = f[sp - 1] as PyValue;
  if (!isIterable(seq)) throw typeError(`cannot unpack non-iterable ${typeName(seq)} object`);
  const it = getIter(seq);
  const items: PyValue[] = [];
  for (let i = 0; i < n; i++) {
    const x = next(it);
    if (x === undefined) throw valueError(`not enough values to unpack (expected ${n}, got ${i})`);
    items.push(x);
  }
  if (next(it) !== undefined) throw valueError(`too many values to unpack (expected ${n})`);
  sp--;
  for (let i = n - 1; i >= 0; i--) f[sp++] = items[i];
  return sp;
}

/** UNPACK_EX: `a, *b, c = seq` with `before` and `after` counts packed in oparg. */
export function unpackEx(f: Stack, sp: number, oparg: number): number {
  const before = oparg & 0xff;
  const after = oparg >> 8;
  const seq = f[sp - 1] as PyValue;
  if (!isIterable(seq)) throw typeError(`cannot unpack non-iterable ${typeName(seq)} object`);
  const items = toArray(seq);
  if (items.length < before + after) {
    throw valueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  sp--;
  for (let i = 0; i < after; i++) f[sp++] = items[items.length - 1 - i];
  f[sp++] = new PyList(items.slice(before, items.length - after));
  for (let i = before - 1; i >= 0; i--) f[sp++] = items[i];
  return sp;
}

/** MAKE_FUNCTION: code on top, then closure, annotations, kw-defaults, defaults as flagged. */
export function makeFunction(f: Stack, sp: number, oparg: number, frame: Frame): number {
  const code = f[--sp] as CodeObject;
  const closure = oparg & 8 ? ((f[--sp] as PyTuple).items as PyCell[]) : null;
  const annotations = oparg & 4 ? (f[--sp] as PyTuple) : null;
  const kwdefaults = oparg & 2 ? (f[--sp] as PyDict) : null;
  const defaults = oparg & 1 ? (f[--sp] as PyTuple).items : null;
  const fn = new PyFunction(code, frame.globals, frame.builtins, defaults, kwdefaults, closure);
  if (annotations !== null) {
    const d = new PyDict();
    for (let i = 0; i + 1 < annotations.items.length; i += 2) d.set(annotations.items[i], annotations.items[i + 1]);
    fn.annotations = d;
  }
  const first = code.co_consts[0];
  if (typeof first === 'string' && code.co_flags & 0x1) fn.doc = first;
  else fn.doc = None;
  f[sp++] = fn;
  return sp;
}
