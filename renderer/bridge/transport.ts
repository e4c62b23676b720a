/**
 * How the renderer's host client reaches the host: Electron's preload global or browser mode's
 * WebSocket. A transport moves untyped messages; host-client.ts puts the API's types on them.
 */
import type { HostError, Result } from '../../main/common/result.js';

export interface Transport {
  /** Sends one request; always resolves, with the host's Result or a transport failure. */
  call(method: string, params: unknown): Promise<Result<unknown, HostError>>;
  /** Registers the one function that receives every pushed event. */
  onEvent(listener: (event: string, payload: unknown) => void): void;
}

/** A transport-level failure as a Result, so callers handle it like any host error. */
export function transportError(message: string): Result<never, HostError> {
  return { ok: false, error: { kind: 'internal', message } };
}

/** True when `x` has the shape of a Result (what every reply must be). */
export function isResult(x: unknown): x is Result<unknown, HostError> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown }; // probing fields of an object, checked above
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { kind?: unknown; message?: unknown }; // checked non-null object above
  return typeof e.kind === 'string' && typeof e.message === 'string';
}
