import { readFileSync } from 'node:fs';
import { NotSupportedError, PySyntaxError, formatSyntaxError } from '../../core/index.js';

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
