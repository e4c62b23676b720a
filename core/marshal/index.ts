import type { CodeObject } from '../bytecode/code-object.js';
import type { PyValue } from '../objects/values.js';
import { InternalError } from '../source/errors.js';

/** The 16-byte .pyc header. CPython: Lib/importlib/_bootstrap_external.py (_code_to_timestamp_pyc). */
export interface PycHeader {
  flags: number;
  /** Source mtime in seconds, & 0xFFFFFFFF (timestamp pycs). */
  mtime: number;
  /** Source size in bytes, & 0xFFFFFFFF (timestamp pycs). */
  sourceSize: number;
}

/** `marshal.dumps(value)` (version 4). */
export function dumps(value: PyValue): Uint8Array {
  void value;
  throw new InternalError('marshal not implemented yet');
}

/** `marshal.loads(bytes)`. */
export function loads(bytes: Uint8Array): PyValue {
  void bytes;
  throw new InternalError('marshal not implemented yet');
}

/** A timestamp-based .pyc: header then `marshal.dumps(code)`, as py_compile writes it. */
export function dumpPyc(code: CodeObject, header: { mtime: number; sourceSize: number }): Uint8Array {
  void code;
  void header;
  throw new InternalError('marshal not implemented yet');
}

/** Reads a .pyc file: header and code object. */
export function loadPyc(bytes: Uint8Array): { header: PycHeader; code: CodeObject } {
  void bytes;
  throw new InternalError('marshal not implemented yet');
}
