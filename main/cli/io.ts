import { readFileSync } from 'node:fs';
import { NotSupportedError, PySyntaxError, compile, formatSyntaxError, type CodeObject, type CompileWarning } from '../../core/index.js';
import type { SourceMode } from '../../core/source/decode.js';

/** Reads a source file, or reports why it cannot (as python3 does: `can't open file ...`). */
export function readSource(path: string, verb: string): Uint8Array | null {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`bytescope ${verb}: can't open file '${path}': [Errno ${errnoNumber(err.code)}] ${describeErrno(err)}\n`);
    return null;
  }
}

function errnoNumber(code: string | undefined): number {
  const table: Record<string, number> = { ENOENT: 2, EACCES: 13, EISDIR: 21 };
  return (code && table[code]) || 5;
}

function describeErrno(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return err.message;
  }
}

/**
 * Reports a compile failure on stderr: a syntax error exactly as CPython prints it, or the
 * "not supported yet" message. Returns true if the error was one of those (anything else is a bug
 * and is rethrown).
 */
export function reportCompileError(e: unknown): boolean {
  if (e instanceof PySyntaxError) {
    process.stderr.write(formatSyntaxError(e));
    return true;
  }
  if (e instanceof NotSupportedError) {
    process.stderr.write(`bytescope: ${e.message}\n`);
    return true;
  }
  return false;
}

/**
 * Compiles as CPython does before running, disassembling or caching a file (`mode` says which way
 * the source is decoded: 'file' for `python3 FILE`, 'bytes' for py_compile and dis), printing the compile-time
 * SyntaxWarnings it would print (`FILE:LINE: SyntaxWarning: msg` then the stripped source line).
 * DeprecationWarnings are not shown: CPython's default filters hide them for compiled scripts.
 */
export function compileReportingWarnings(source: Uint8Array, filename: string, mode: SourceMode): CodeObject {
  const warnings: CompileWarning[] = [];
  try {
    return compile(source, filename, { warnings, mode });
  } finally {
    const lines = Buffer.from(source).toString('utf8').split(/\r\n|\r|\n/);
    const seen = new Set<string>();
    for (const w of warnings) {
      if (w.category !== 'SyntaxWarning') continue;
      const key = `${w.lineno}:${w.message}`;
      if (seen.has(key)) continue; // the "default" action shows a warning once per location
      seen.add(key);
      const line = (lines[w.lineno - 1] ?? '').trim();
      process.stderr.write(`${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n${line ? `  ${line}\n` : ''}`);
    }
  }
}
