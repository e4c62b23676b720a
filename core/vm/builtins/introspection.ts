import { addressOf, isCallable, repr } from '../../objects/abstract.js';
import { typeError } from '../../objects/exceptions.js';
import { asciiRepr, formatSpec } from '../../objects/str-format.js';
import { isInstance } from '../../objects/type-object.js';
import { PyType, typeOf } from '../../objects/types.js';
import { PyObject, PyTuple, type PyValue } from '../../objects/values.js';
import { NotSupportedError } from '../../source/errors.js';
import { NO_LEVELS, builtin, exactlyOne, positionalRange, rejectKeywords } from './support.js';
import { newError, RecursionError } from '../../objects/exceptions.js';
import { recursion } from '../../objects/abstract.js';

/**
 * isinstance, issubclass, callable, id, repr, ascii.
 * CPython: Python/bltinmodule.c, Objects/abstract.c (PyObject_IsInstance).
 */

export const isinstance = builtin(
  'isinstance',
  (args, kwnames) => {
    rejectKeywords('isinstance', kwnames);
    positionalRange('isinstance', args, 2, 2);
    const [obj, cls] = args;
    // An exact type match returns before PyObject_IsInstance's recursion guard.
    if (cls instanceof PyType && typeOf(obj) === cls) return true;
    if (recursion.depth >= recursion.limit) throw newError(RecursionError, 'maximum recursion depth exceeded in __instancecheck__');
    return isInstance(obj, cls);
  },
  NO_LEVELS,
);

function isSubclass(cls: PyValue, of: PyValue): boolean {
  if (!(cls instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
  if (of instanceof PyType) return cls.isSubtype(of);
  if (of instanceof PyTuple) return of.items.some((o) => isSubclass(cls, o));
  throw typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

export const issubclass = builtin('issubclass', (args, kwnames) => {
  rejectKeywords('issubclass', kwnames);
  positionalRange('issubclass', args, 2, 2);
  return isSubclass(args[0], args[1]);
});

export const callable = builtin('callable', (args, kw) => isCallable(exactlyOne('callable', args, kw)));

/** id(): CPython returns the address; Bytescope returns the object's stable fake address. */
export const id = builtin('id', (args, kw) => {
  const v = exactlyOne('id', args, kw);
  if (v instanceof PyObject) return Number.parseInt(addressOf(v).slice(2), 16);
  throw new NotSupportedError('id() of an int, str or bool', 0);
});

export const reprBuiltin = builtin(
  'repr',
  (args, kw) => repr(exactlyOne('repr', args, kw)),
  [' while calling a Python object'],
);

export const ascii = builtin('ascii', (args, kw) => asciiRepr(exactlyOne('ascii', args, kw)));

export const format = builtin(
  'format',
  (args, kwnames) => {
    rejectKeywords('format', kwnames);
    positionalRange('format', args, 1, 2);
    const spec = args.length > 1 ? args[1] : '';
    if (typeof spec !== 'string') throw typeError(`format() argument 2 must be str, not ${typeOf(spec).name}`);
    return formatSpec(args[0], spec);
  },
  NO_LEVELS,
);
