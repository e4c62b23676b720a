import type { CodeObject } from '../bytecode/code-object.js';
import { parse, type ParseWarning } from '../parser/index.js';
import type { SourceMode } from '../source/decode.js';
import { compileAst, type CompileOptions } from './compile-ast.js';
import { sourceLines } from './source-lines.js';

export type { CompileWarning } from './codegen/unit.js';
export { compileAst, type CompileOptions } from './compile-ast.js';
export { stackEffect } from './stack-effect.js';

/** compile()'s options: the compiler's, plus how the source bytes were obtained. */
export interface SourceCompileOptions extends CompileOptions {
  /**
   * `'file'` (default for bytes): decoded as `python3 FILE` reads a script; `'bytes'`: as
   * `compile(source_bytes, ...)` does, which is what py_compile, `python3 -m dis` and `ast.parse`
   * use — the two report undecodable sources differently. A string source is always `'string'`.
   */
  mode?: SourceMode;
}

/**
 * `compile(source, filename, 'exec', dont_inherit=True)`: source to module code object, byte for
 * byte what CPython 3.11.7 produces. Throws PySyntaxError (invalid Python) or NotSupportedError.
 * CPython: Python/pythonrun.c (Py_CompileStringObject) -> Python/compile.c (_PyAST_Compile).
 */
export function compile(source: Uint8Array | string, filename: string, options: SourceCompileOptions = {}): CodeObject {
  const warnings = options.warnings;
  const onWarning = warnings ? (w: ParseWarning): void => void warnings.push({ ...w, filename }) : undefined;
  const mod = parse(source, filename, { onWarning, mode: options.mode });
  return compileAst(mod, filename, { ...options, sourceLine: sourceLines(source) });
}

