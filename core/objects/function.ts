import type { CodeObject } from '../bytecode/code-object.js';
import {
  PyType,
  builtinFunctionType,
  functionType,
  methodDescriptorType,
  methodType,
  objectType,
  setPrototypeType,
  typeName,
  typeOf,
} from './types.js';
import { None, PyObject, type PyValue } from './values.js';
import { addressOf, repr } from './abstract.js';
import { typeError } from './exceptions.js';
import type { PyDict } from './dict.js';

/**
 * Callables: Python functions (code + globals + defaults + closure), builtin functions and the
 * method descriptors of builtin types, bound methods, and closure cells.
 * The interpreter installs the function type's call slot (a call pushes a frame there).
 * CPython: Objects/funcobject.c, Objects/methodobject.c, Objects/descrobject.c,
 * Objects/classobject.c, Objects/cellobject.c.
 */

/** A closure cell. */
export class PyCell extends PyObject {
  constructor(public contents: PyValue | null) {
    super();
  }
}
export const cellType = new PyType('cell', objectType);
cellType.basetype = false;
setPrototypeType(PyCell, cellType);
cellType.tp_repr = (v) => {
  const c = v as PyCell;
  if (c.contents === null) return `<cell at ${addressOf(c)}: empty>`;
  const inner = c.contents;
  const innerAddr = typeof inner === 'object' ? addressOf(inner) : addressOf(c);
  return `<cell at ${addressOf(c)}: ${typeName(inner)} object at ${innerAddr}>`;
};

/** Per-code data the interpreter derives once and keeps on each function (see vm/code-info.ts). */
export interface FunctionCodeCache {
  readonly code: CodeObject;
}

/** A function defined in Python (`def`, `lambda`). */
export class PyFunction extends PyObject {
  name: string;
  qualname: string;
  doc: PyValue = None;
  annotations: PyDict | null = null;
  /** Set by the interpreter the first time it calls the function. */
  cache: FunctionCodeCache | null = null;

  constructor(
    readonly code: CodeObject,
    readonly globals: PyDict,
    readonly builtins: PyDict,
    /** Positional defaults (MAKE_FUNCTION flag 1), or null. */
    public defaults: readonly PyValue[] | null,
    /** Keyword-only defaults (flag 2), or null. */
    public kwdefaults: PyDict | null,
    /** Cells for co_freevars (flag 8), or null. */
    readonly closure: readonly PyCell[] | null,
  ) {
    super();
    this.name = code.co_name;
    this.qualname = code.co_qualname;
  }
}
setPrototypeType(PyFunction, functionType);
functionType.tp_repr = (v) => `<function ${(v as PyFunction).qualname} at ${addressOf(v as PyFunction)}>`;

/** A native function: positional args first, then one value per keyword name. */
export type NativeImpl = (args: readonly PyValue[], kwnames: readonly string[] | null) => PyValue;

/** No recursion-guarded C calls. */
export const NO_LEVELS: readonly string[] = [];

/**
 * A builtin function or bound builtin method (`len`, `[].append`).
 * `levels` models CPython's C-level recursion guards on the way into the builtin: one entry per
 * nested Py_EnterRecursiveCall, each the suffix RecursionError's message gets when that level
 * overflows (" while calling a Python object"). Calls CPython 3.11 specialises (len, isinstance,
 * list.append...) pass no guard. See core/notes/recursion.md.
 */
export class PyBuiltinFunction extends PyObject {
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
    readonly self: PyValue | null = null,
    readonly levels: readonly string[] = NO_LEVELS,
  ) {
    super();
  }
}
setPrototypeType(PyBuiltinFunction, builtinFunctionType);
builtinFunctionType.tp_repr = (v) => {
  const f = v as PyBuiltinFunction;
  if (f.self === null) return `<built-in function ${f.name}>`;
  const self = f.self;
  const at = typeof self === 'object' ? addressOf(self) : addressOf(f);
  return `<built-in method ${f.name} of ${typeName(self)} object at ${at}>`;
};
builtinFunctionType.tp_call = (f, args, kwnames) => (f as PyBuiltinFunction).impl(args, kwnames);

/** A method of a builtin type, as found in the type's dict (`list.append`). */
export class PyMethodDescriptor extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
    readonly impl: (self: PyValue, args: readonly PyValue[], kwnames: readonly string[] | null) => PyValue,
  ) {
    super();
  }

  /** Checks `self` and calls: `list.append(xs, 1)`. */
  callUnbound(args: readonly PyValue[], kwnames: readonly string[] | null): PyValue {
    const nkw = kwnames === null ? 0 : kwnames.length;
    if (args.length - nkw < 1) throw typeError(`unbound method ${this.owner.name}.${this.name}() needs an argument`);
    const self = args[0];
    if (!typeOf(self).isSubtype(this.owner)) {
      throw typeError(`descriptor '${this.name}' for '${this.owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
    }
    return this.impl(self, args.slice(1), kwnames);
  }
}
setPrototypeType(PyMethodDescriptor, methodDescriptorType);
methodDescriptorType.tp_repr = (v) => {
  const d = v as PyMethodDescriptor;
  return `<method '${d.name}' of '${d.owner.name}' objects>`;
};
methodDescriptorType.tp_call = (d, args, kwnames) => (d as PyMethodDescriptor).callUnbound(args, kwnames);
methodDescriptorType.tp_descr_get = (descr, obj) => {
  const d = descr as PyMethodDescriptor;
  if (obj === null) return d;
  return new PyBuiltinFunction(d.name, (args, kwnames) => d.impl(obj, args, kwnames), obj);
};

/** A Python function bound to an instance (`obj.method`). */
export class PyMethod extends PyObject {
  constructor(
    readonly func: PyValue,
    readonly self: PyValue,
  ) {
    super();
  }
}
setPrototypeType(PyMethod, methodType);
methodType.tp_repr = (v) => {
  const m = v as PyMethod;
  const name = m.func instanceof PyFunction ? m.func.qualname : '?';
  return `<bound method ${name} of ${repr(m.self)}>`;
};

for (const t of [functionType, builtinFunctionType, methodDescriptorType, methodType, cellType]) {
  t.tp_hash = (v) => (v as PyObject).serial;
}

/** TypeError "f() takes no keyword arguments" unless `kwnames` is empty. */
export function noKeywords(name: string, kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) throw typeError(`${name}() takes no keyword arguments`);
}

/** The positional part of a vectorcall argument array. */
export function positional(args: readonly PyValue[], kwnames: readonly string[] | null): readonly PyValue[] {
  return kwnames === null || kwnames.length === 0 ? args : args.slice(0, args.length - kwnames.length);
}
