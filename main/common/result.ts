/**
 * The one way a host request answers: a `Result`, never a thrown error. Electron's `invoke`
 * flattens a thrown error into a string and a WebSocket cannot carry one at all, so every failure
 * travels as data with a kind the renderer can switch on (style.md, habit 3).
 * No node or electron imports: the renderer shares this file.
 */

/** Success or a typed failure. */
export type Result<T, E = HostError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Why the host refused or could not finish a request.
 * - `invalid-request`: the message or its parameters have the wrong shape or types.
 * - `unknown-method`: no request of that name exists.
 * - `payload-too-large`: the message, or a string in it, is over the host's limit.
 * - `not-found`: the named trace session, folder or file does not exist (or is no longer open).
 * - `forbidden`: a path outside the open folder, or a request the shell does not allow.
 * - `stopped`: the run was stopped by force (its worker was terminated); the session is gone.
 * - `timeout`: the engine did not answer within its budget and was terminated.
 * - `io`: the file system refused (the message says how).
 * - `internal`: a bug in Bytescope; the message says where.
 */
export type HostErrorKind =
  | 'invalid-request'
  | 'unknown-method'
  | 'payload-too-large'
  | 'not-found'
  | 'forbidden'
  | 'stopped'
  | 'timeout'
  | 'io'
  | 'internal';

/** A typed failure: `kind` for code, `message` for people. */
export interface HostError {
  kind: HostErrorKind;
  message: string;
}

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err(kind: HostErrorKind, message: string): Result<never, HostError> {
  return { ok: false, error: { kind, message } };
}

/** The error list that every `HostErrorKind` value appears in, for validating replies. */
export const HOST_ERROR_KINDS: readonly HostErrorKind[] = [
  'invalid-request',
  'unknown-method',
  'payload-too-large',
  'not-found',
  'forbidden',
  'stopped',
  'timeout',
  'io',
  'internal',
];
