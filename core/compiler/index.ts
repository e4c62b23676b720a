import type { CodeObject } from '../bytecode/code-object.js';
import { InternalError } from '../source/errors.js';

/**
 * `compile(source, filename, 'exec', dont_inherit=True)`: source to module code object, byte for byte
 * what CPython 3.11.7 produces. Throws PySyntaxError (invalid Python) or NotSupportedError.
 * CPython: Python/pythonrun.c (Py_CompileStringObject) -> Python/compile.c (_PyAST_Compile).
 */
export function compile(source: Uint8Array | string, filename: string): CodeObject {
  void source;
  void filename;
  throw new InternalError('compiler not implemented yet');
}
