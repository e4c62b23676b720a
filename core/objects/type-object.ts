import type { CodeObject } from '../bytecode/code-object.js';
import { NotSupportedError } from '../source/errors.js';
import { addressOf, index, isTrue, toArray, str, getIter, next } from './abstract.js';
import { PyDict } from './dict.js';
import { BaseException, typeError, valueError } from './exceptions.js';
import { floatToInt, intToFloat, parseFloatLiteral } from './float.js';
import { PyBuiltinFunction, PyFunction, PyMethodDescriptor } from './function.js';
import { intFromString, pyStrip } from './int.js';
import { PyUnsupportedAttribute } from './methods.js';
import { PyList } from './list.js';
import { makeRange } from './range.js';
import { PySlice } from './slice.js';
import { strRepr } from './repr.js';
import {
  PyType,
  TypeType,
  boolType,
  builtinFunctionType,
  codeType,
  dictType,
  ellipsisType,
  floatType,
  functionType,
  intType,
  listType,
  noneType,
  notImplementedType,
  objectType,
  rangeType,
  sliceType,
  strType,
  tupleType,
  typeName,
  typeOf,
} from './types.js';
import { None, PyFloat, PyObject, PyTuple, type PyInt, type PyValue } from './values.js';

/**
 * The `type` type and calling builtin types as constructors: `int('42')`, `str(x)`, `list(it)`,
 * `type(x)`..., with CPython's argument checking and messages; plus the reprs and identity hashes
 * of the singleton and code types.
 * CPython: Objects/typeobject.c (type_call, type_repr, type_getattro), Objects/longobject.c
 * (long_new), Objects/floatobject.c (float_new), Objects/unicodeobject.c (unicode_new),
 * Objects/boolobject.c, Objects/listobject.c, Objects/tupleobject.c, Objects/dictobject.c.
 */

export function identityHash(v: PyValue): PyInt {
  return (v as PyObject).serial;
}

TypeType.tp_repr = (v) => {
  const t = v as PyType;
  return t.module === 'builtins' ? `<class '${t.qualname}'>` : `<class '${t.module}.${t.qualname}'>`;
};
TypeType.tp_hash = identityHash;
TypeType.tp_call = (callable, args, kwnames) => {
  const t = callable as PyType;
  const nkw = kwnames === null ? 0 : kwnames.length;
  if (t === TypeType) {
    if (args.length === 1 && nkw === 0) return typeOf(args[0]);
    if (args.length - nkw === 3) {
      if (typeof args[0] !== 'string') throw typeError(`type.__new__() argument 1 must be str, not ${typeName(args[0])}`);
      throw new NotSupportedError('type() with three arguments', 0);
    }
    throw typeError('type() takes 1 or 3 arguments');
  }
  if (t.tp_new === null) throw typeError(`cannot create '${t.name}' instances`);
  return t.tp_new(t, args, kwnames);
};
TypeType.tp_getattro = (v, name) => {
  const t = v as PyType;
  switch (name) {
    case '__name__':
      return t.name;
    case '__qualname__':
      return t.qualname;
    case '__module__':
      return t.module;
    case '__base__':
      return t.base ?? None;
    case '__mro__':
      return new PyTuple(t.mro);
  }
  const found = t.lookup(name);
  if (found === undefined) return undefined;
  const get = typeOf(found).tp_descr_get;
  return get !== null && !(found instanceof PyMethodDescriptor) ? get(found, null, t) : found;
};
objectType.tp_hash = identityHash;
objectType.tp_new = (t, args) => {
  if (args.length > 0) throw typeError('object() takes no arguments');
  throw new NotSupportedError('object() instances', 0);
};

noneType.tp_repr = () => 'None';
noneType.nb_bool = () => false;
noneType.tp_hash = identityHash;
ellipsisType.tp_repr = () => 'Ellipsis';
ellipsisType.tp_hash = identityHash;
notImplementedType.tp_repr = () => 'NotImplemented';
notImplementedType.tp_hash = identityHash;
codeType.tp_repr = (v) => {
  const c = v as CodeObject;
  return `<code object ${c.co_name} at ${addressOf(c)}, file "${c.co_filename}", line ${c.co_firstlineno}>`;
};
codeType.tp_hash = identityHash;
BaseException.tp_hash = identityHash;
for (const name of ['with_traceback', 'add_note', '__notes__', '__setstate__']) {
  BaseException.dict.set(name, new PyUnsupportedAttribute(name, BaseException));
}

/** "T expected at most 1 argument, got N" and "T() takes no keyword arguments". */
function atMostOne(name: string, args: readonly PyValue[], kwnames: readonly string[] | null): PyValue | undefined {
  if (kwnames !== null && kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
  if (args.length > 1) throw typeError(`${name} expected at most 1 argument, got ${args.length}`);
  return args[0];
}

/**
 * Splits a constructor call into positional arguments and named ones it accepts; unknown names
 * give "'x' is an invalid keyword argument for T()".
 */
function parseArgs(
  fname: string,
  args: readonly PyValue[],
  kwnames: readonly string[] | null,
  names: readonly string[],
  posOnly: number,
  max: number,
): (PyValue | undefined)[] {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (args.length > max) throw typeError(`${fname}() takes at most ${max} argument${max === 1 ? '' : 's'} (${args.length} given)`);
  const out: (PyValue | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k];
    const j = names.indexOf(name);
    if (j < posOnly) throw typeError(`'${name}' is an invalid keyword argument for ${fname}()`);
    if (out[j] !== undefined) throw typeError(`argument for ${fname}() given by name ('${name}') and position (${j + 1})`);
    out[j] = args[npos + k];
  }
  return out;
}

/** int(x) for one argument. CPython: PyNumber_Long. */
export function toInt(x: PyValue): PyInt {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'string':
      return intFromString(x, 10, strRepr);
  }
  if (x instanceof PyFloat) return floatToInt(x.value);
  const t = typeOf(x);
  if (t.nb_int !== null) return t.nb_int(x);
  if (t.nb_index !== null) return t.nb_index(x);
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

intType.tp_new = (_t, args, kwnames) => {
  const [x, base] = parseArgs('int', args, kwnames, ['x', 'base'], 1, 2);
  if (base === undefined) return x === undefined ? 0 : toInt(x);
  if (x === undefined) throw typeError('int() missing string argument');
  const b = index(base);
  if (typeof x !== 'string') throw typeError("int() can't convert non-string with explicit base");
  if (!(b === 0 || (b >= 2 && b <= 36))) throw valueError('int() base must be >= 2 and <= 36, or 0');
  return intFromString(x, Number(b), strRepr);
};

/** float(x) for one argument. CPython: PyNumber_Float. */
export function toFloat(x: PyValue): number {
  switch (typeof x) {
    case 'number':
      return x;
    case 'bigint':
      return intToFloat(x);
    case 'boolean':
      return x ? 1 : 0;
    case 'string': {
      const r = parseFloatLiteral(pyStrip(x));
      if (r === undefined) throw valueError(`could not convert string to float: ${strRepr(x)}`);
      return r;
    }
  }
  if (x instanceof PyFloat) return x.value;
  const t = typeOf(x);
  if (t.nb_float !== null) return t.nb_float(x);
  throw typeError(`float() argument must be a string or a real number, not '${t.name}'`);
}

floatType.tp_new = (_t, args, kwnames) => {
  const x = atMostOne('float', args, kwnames);
  if (x === undefined) return new PyFloat(0);
  if (x instanceof PyFloat) return x;
  return new PyFloat(toFloat(x));
};

strType.tp_new = (_t, args, kwnames) => {
  const [object, encoding, errors] = parseArgs('str', args, kwnames, ['object', 'encoding', 'errors'], 0, 3);
  if (encoding !== undefined || errors !== undefined) throw new NotSupportedError('str() with an encoding', 0);
  return object === undefined ? '' : str(object);
};

boolType.tp_new = (_t, args, kwnames) => {
  const x = atMostOne('bool', args, kwnames);
  return x === undefined ? false : isTrue(x);
};

listType.tp_new = (_t, args, kwnames) => {
  const x = atMostOne('list', args, kwnames);
  return new PyList(x === undefined ? [] : toArray(x));
};

tupleType.tp_new = (_t, args, kwnames) => {
  const x = atMostOne('tuple', args, kwnames);
  if (x === undefined) return new PyTuple([]);
  if (x instanceof PyTuple) return x;
  return new PyTuple(toArray(x));
};

/** dict.update's merging of a mapping or an iterable of pairs, then keyword arguments. */
export function dictMergeArgs(d: PyDict, fname: string, args: readonly PyValue[], kwnames: readonly string[] | null): void {
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  if (npos > 1) throw typeError(`${fname} expected at most 1 argument, got ${npos}`);
  if (npos === 1) {
    const src = args[0];
    if (src instanceof PyDict) {
      for (const [k, v] of src.entries()) d.set(k, v);
    } else {
      const it = getIter(src);
      for (let i = 0, item = next(it); item !== undefined; i++, item = next(it)) {
        if (typeOf(item).tp_iter === null) {
          throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        const pair = toArray(item);
        if (pair.length !== 2) {
          throw valueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        }
        d.set(pair[0], pair[1]);
      }
    }
  }
  for (let k = 0; k < nkw; k++) d.set(kwnames![k], args[npos + k]);
}

dictType.tp_new = (_t, args, kwnames) => {
  const d = new PyDict();
  dictMergeArgs(d, 'dict', args, kwnames);
  return d;
};

rangeType.tp_new = (_t, args, kwnames) => makeRange(args, kwnames);

// Measured on 3.11.7 (core/notes/recursion.md): int() goes through a guarded call, range()
// through a guarded comparison; str() guards PyObject_Str (abstract.ts), float()/list()... none.
intType.callLevels = [' while calling a Python object'];
rangeType.callLevels = [' in comparison'];

sliceType.tp_new = (_t, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) throw typeError('slice() takes no keyword arguments');
  if (args.length === 0) throw typeError('slice expected at least 1 argument, got 0');
  if (args.length > 3) throw typeError(`slice expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PySlice(None, args[0], None);
  return new PySlice(args[0], args[1], args.length === 3 ? args[2] : None);
};

/** The attributes of functions and builtins that programs read (`f.__name__`). */
functionType.tp_getattro = (v, name) => {
  const fn = v as PyFunction;
  switch (name) {
    case '__name__':
      return fn.name;
    case '__qualname__':
      return fn.qualname;
    case '__doc__':
      return fn.doc;
    case '__defaults__':
      return fn.defaults === null ? None : new PyTuple(fn.defaults);
    case '__code__':
      return fn.code;
    case '__globals__':
      return fn.globals;
    case '__module__': {
      const m = fn.globals.getStr('__name__');
      return m === undefined ? None : m;
    }
  }
  return undefined;
};
builtinFunctionType.tp_getattro = (v, name) => {
  const fn = v as PyBuiltinFunction;
  if (name === '__name__' || name === '__qualname__') return fn.name;
  if (name === '__self__') return fn.self ?? None;
  return undefined;
};

/** `isinstance(obj, cls)` for a class or a tuple of classes. */
export function isInstance(obj: PyValue, cls: PyValue): boolean {
  if (cls instanceof PyType) return typeOf(obj).isSubtype(cls);
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstance(obj, c));
  throw typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
}

