import type { CodeObject } from '../bytecode/code-object.js';
import { objectType, PyType, typeOf, type CallSlot } from './types.js';
import { None, PyObject, PyTuple, type PyValue } from './values.js';
import { NotSupportedError } from '../source/errors.js';
import { repr, str } from './abstract.js';
import type { PyDict } from './dict.js';

/**
 * Python exceptions: the builtin exception classes (the whole 3.11 hierarchy, so `except` clauses
 * and isinstance checks see the real tree) and exception instances, with the traceback chain the
 * interpreter builds while unwinding.
 *
 * Native code raises a Python exception by throwing the instance itself (`throw typeError(...)`);
 * the interpreter's unwinder is the one place that catches it. Throwing a plain object rather
 * than a JS Error keeps raising cheap: no JS stack is captured.
 * CPython: Objects/exceptions.c, Python/traceback.c (PyTraceBack_Here).
 */

/** What a traceback entry needs from a frame: the code, and the namespaces for NameError hints. */
export interface TracebackFrame {
  readonly code: CodeObject;
  readonly globals: PyDict;
  readonly builtins: PyDict;
}

/** One traceback entry (`tb_next` points toward the frame that raised). CPython: PyTracebackObject. */
export class PyTraceback extends PyObject {
  constructor(
    readonly tb_next: PyTraceback | null,
    readonly frame: TracebackFrame,
    /** Byte offset of the instruction that was executing. */
    readonly tb_lasti: number,
    readonly tb_lineno: number | null,
  ) {
    super();
  }
}

/** An exception instance. Its type varies per instance, so `type` is an own field. */
export class PyBaseException extends PyObject {
  override readonly type: PyType;
  args: PyTuple;
  traceback: PyTraceback | null = null;
  context: PyBaseException | null = null;
  cause: PyBaseException | null = null;
  suppressContext = false;
  /** NameError / AttributeError: the missing name (for "Did you mean" hints). */
  name: string | null = null;
  /** AttributeError: the object that lacks the attribute. */
  obj: PyValue | null = null;

  constructor(type: PyType, args: PyTuple) {
    super();
    this.type = type;
    this.args = args;
  }
}

/** An exception class: a PyType whose instances are PyBaseException. */
function exceptionClass(name: string, base: PyType): PyType {
  const t = new PyType(name, base);
  t.inheritSlots();
  return t;
}

const newException: CallSlot = (callable, args, kwnames) => {
  const type = callable as PyType;
  if (kwnames !== null && kwnames.length > 0) {
    throw typeError(`${type.name}() takes no keyword arguments`);
  }
  return new PyBaseException(type, new PyTuple(args.slice()));
};

export const BaseException = new PyType('BaseException', objectType);
BaseException.tp_new = newException;
BaseException.tp_repr = (v) => {
  const e = v as PyBaseException;
  const items = e.args.items;
  if (items.length === 1) return `${e.type.name}(${repr(items[0])})`;
  return e.type.name + (items.length === 0 ? '()' : repr(e.args));
};
BaseException.tp_str = (v) => {
  const items = (v as PyBaseException).args.items;
  if (items.length === 0) return '';
  if (items.length === 1) return str(items[0]);
  return repr((v as PyBaseException).args);
};

BaseException.tp_getattro = (v, attr) => {
  const e = v as PyBaseException;
  switch (attr) {
    case 'args':
      return e.args;
    case '__cause__':
      return e.cause ?? None;
    case '__context__':
      return e.context ?? None;
    case '__suppress_context__':
      return e.suppressContext;
    case '__traceback__':
      throw new NotSupportedError('exception.__traceback__', 0);
    case 'name':
      if (e.type.isSubtype(NameError) || e.type.isSubtype(AttributeError)) return e.name ?? None;
      return undefined;
    case 'obj':
      return e.type.isSubtype(AttributeError) ? (e.obj ?? None) : undefined;
  }
  return undefined;
};

export const BaseExceptionGroup = exceptionClass('BaseExceptionGroup', BaseException);
export const Exception = exceptionClass('Exception', BaseException);
export const GeneratorExit = exceptionClass('GeneratorExit', BaseException);
export const KeyboardInterrupt = exceptionClass('KeyboardInterrupt', BaseException);
export const SystemExit = exceptionClass('SystemExit', BaseException);
export const ArithmeticError = exceptionClass('ArithmeticError', Exception);
export const AssertionError = exceptionClass('AssertionError', Exception);
export const AttributeError = exceptionClass('AttributeError', Exception);
export const BufferError = exceptionClass('BufferError', Exception);
export const EOFError = exceptionClass('EOFError', Exception);
export const ImportError = exceptionClass('ImportError', Exception);
export const LookupError = exceptionClass('LookupError', Exception);
export const MemoryError = exceptionClass('MemoryError', Exception);
export const NameError = exceptionClass('NameError', Exception);
export const OSError = exceptionClass('OSError', Exception);
export const ReferenceError = exceptionClass('ReferenceError', Exception);
export const RuntimeError = exceptionClass('RuntimeError', Exception);
export const StopAsyncIteration = exceptionClass('StopAsyncIteration', Exception);
export const StopIteration = exceptionClass('StopIteration', Exception);
export const SyntaxError = exceptionClass('SyntaxError', Exception);
export const SystemError = exceptionClass('SystemError', Exception);
export const TypeError = exceptionClass('TypeError', Exception);
export const ValueError = exceptionClass('ValueError', Exception);
export const Warning = exceptionClass('Warning', Exception);
export const FloatingPointError = exceptionClass('FloatingPointError', ArithmeticError);
export const OverflowError = exceptionClass('OverflowError', ArithmeticError);
export const ZeroDivisionError = exceptionClass('ZeroDivisionError', ArithmeticError);
export const IndentationError = exceptionClass('IndentationError', SyntaxError);
export const TabError = exceptionClass('TabError', IndentationError);
export const IndexError = exceptionClass('IndexError', LookupError);
export const KeyError = exceptionClass('KeyError', LookupError);
export const ModuleNotFoundError = exceptionClass('ModuleNotFoundError', ImportError);
export const NotImplementedError = exceptionClass('NotImplementedError', RuntimeError);
export const RecursionError = exceptionClass('RecursionError', RuntimeError);
export const UnboundLocalError = exceptionClass('UnboundLocalError', NameError);
export const UnicodeError = exceptionClass('UnicodeError', ValueError);

KeyError.tp_str = (v) => {
  const items = (v as PyBaseException).args.items;
  if (items.length === 1) return repr(items[0]);
  return BaseException.tp_str!(v);
};

const warningNames = [
  'BytesWarning',
  'DeprecationWarning',
  'EncodingWarning',
  'FutureWarning',
  'ImportWarning',
  'PendingDeprecationWarning',
  'ResourceWarning',
  'RuntimeWarning',
  'SyntaxWarning',
  'UnicodeWarning',
  'UserWarning',
];
const osErrorNames = [
  'BlockingIOError',
  'ChildProcessError',
  'ConnectionError',
  'FileExistsError',
  'FileNotFoundError',
  'InterruptedError',
  'IsADirectoryError',
  'NotADirectoryError',
  'PermissionError',
  'ProcessLookupError',
  'TimeoutError',
];

/**
 * Every builtin exception class by name, in the order the builtins module lists them (which is
 * the order NameError suggestions consider them in). ExceptionGroup and the Unicode*Error
 * classes with extra attributes are included so that `except` clauses naming them work.
 */
export const builtinExceptions = new Map<string, PyType>();
{
  const add = (t: PyType): void => void builtinExceptions.set(t.name, t);
  for (const t of [BaseException, BaseExceptionGroup, Exception, GeneratorExit, KeyboardInterrupt, SystemExit]) add(t);
  for (const t of [ArithmeticError, AssertionError, AttributeError, BufferError, EOFError, ImportError, LookupError]) add(t);
  for (const t of [MemoryError, NameError, OSError, ReferenceError, RuntimeError, StopAsyncIteration, StopIteration]) add(t);
  for (const t of [SyntaxError, SystemError, TypeError, ValueError, Warning, FloatingPointError, OverflowError]) add(t);
  add(ZeroDivisionError);
  for (const n of warningNames) add(exceptionClass(n, Warning));
  for (const n of osErrorNames) add(exceptionClass(n, OSError));
  for (const t of [IndentationError, IndexError, KeyError, ModuleNotFoundError, NotImplementedError, RecursionError]) add(t);
  add(UnboundLocalError);
  add(UnicodeError);
  const connection = builtinExceptions.get('ConnectionError')!;
  for (const n of ['BrokenPipeError', 'ConnectionAbortedError', 'ConnectionRefusedError', 'ConnectionResetError']) {
    add(exceptionClass(n, connection));
  }
  add(TabError);
  for (const n of ['UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeTranslateError']) add(exceptionClass(n, UnicodeError));
  add(exceptionClass('ExceptionGroup', BaseExceptionGroup));
}

/** Whether a type is an exception class (derives from BaseException). */
export function isExceptionType(t: PyType): boolean {
  return t.isSubtype(BaseException);
}

/** Whether a value is an exception instance. */
export function isException(v: PyValue): v is PyBaseException {
  return v instanceof PyBaseException;
}

/** An exception instance with one string argument, ready to throw. */
export function newError(type: PyType, message: string): PyBaseException {
  return new PyBaseException(type, new PyTuple([message]));
}

export function typeError(message: string): PyBaseException {
  return newError(TypeError, message);
}
export function valueError(message: string): PyBaseException {
  return newError(ValueError, message);
}
export function indexError(message: string): PyBaseException {
  return newError(IndexError, message);
}
export function overflowError(message: string): PyBaseException {
  return newError(OverflowError, message);
}
export function zeroDivisionError(message: string): PyBaseException {
  return newError(ZeroDivisionError, message);
}
export function keyError(key: PyValue): PyBaseException {
  return new PyBaseException(KeyError, new PyTuple([key]));
}
/** NameError "name 'x' is not defined", remembering the name for the "Did you mean" hint. */
export function nameError(name: string): PyBaseException {
  const e = newError(NameError, `name '${name}' is not defined`);
  e.name = name;
  return e;
}
export function unboundLocalError(name: string): PyBaseException {
  const e = newError(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  e.name = name;
  return e;
}
/** AttributeError "'T' object has no attribute 'x'". */
export function attributeError(obj: PyValue, name: string): PyBaseException {
  const e = newError(AttributeError, `'${typeOf(obj).name}' object has no attribute '${name}'`);
  e.name = name;
  e.obj = obj;
  return e;
}
