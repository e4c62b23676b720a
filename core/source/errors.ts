/**
 * The three kinds of failure core can report, kept apart on purpose:
 * - {@link PySyntaxError}: the user's program is not valid Python (CPython's exception, exactly).
 * - {@link NotSupportedError}: valid Python that Bytescope cannot compile or run yet; never a wrong answer.
 * - {@link InternalError}: a bug in Bytescope itself.
 * A Python exception raised by a running program is none of these: it is a normal VM outcome.
 */

/** The SyntaxError subclasses the front end can raise. */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A SyntaxError with CPython's attributes: `lineno` 1-based; `offset`/`end_offset` 1-based
 * *character* offsets (not bytes), `end_offset` exclusive; `text` the source line or null.
 * CPython: Objects/exceptions.c (SyntaxError_init), Parser/pegen_errors.c.
 */
export class PySyntaxError extends Error {
  constructor(
    readonly type: SyntaxErrorType,
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number | null,
    readonly offset: number | null,
    readonly end_lineno: number | null,
    readonly end_offset: number | null,
    readonly text: string | null,
  ) {
    super(`${type}: ${msg} (${filename}, line ${lineno})`);
    this.name = 'PySyntaxError';
  }
}

/** Valid Python that this version of Bytescope does not handle yet. */
export class NotSupportedError extends Error {
  constructor(
    readonly construct: string,
    readonly lineno: number,
  ) {
    super(`not supported yet: ${construct} at line ${lineno}`);
    this.name = 'NotSupportedError';
  }
}

/** A broken invariant inside Bytescope: always our bug, never the user's. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`internal error: ${message}`);
    this.name = 'InternalError';
  }
}

/** Exhaustiveness guard for switches over unions: fails loudly, naming the stray value. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
