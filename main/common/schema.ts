/**
 * The parameter schema of every request, and the host's size limits. Both shells run incoming
 * messages through {@link validateRequest} before anything else sees them, so a handler only ever
 * receives parameters of its declared type.
 */
import { isRequestMethod, STEP_ACTIONS, type RequestMethod, type RequestParams } from './api.js';
import { int, object, oneOf, optional, str, type Check } from './validate.js';
import { err, ok, type HostError, type Result } from './result.js';

/** Limits on what a client may send. A classroom program is a few KB; these leave a wide margin. */
export const LIMITS = {
  /** Largest message, in bytes of UTF-8 JSON (WebSocket) or of the JSON form of the arguments (IPC). */
  messageBytes: 2 * 1024 * 1024,
  /** Largest source text, in UTF-16 code units. */
  sourceChars: 512 * 1024,
  /** Largest standard input given to a run. */
  stdinChars: 64 * 1024,
  filenameChars: 255,
  pathChars: 4096,
  idChars: 64,
  /** Highest step number `goTo` accepts. */
  maxStep: 1_000_000_000,
} as const;

const filename = str({ max: LIMITS.filenameChars, min: 1, pattern: /^[^\0/\\]+$/ });
const sessionId = str({ max: LIMITS.idChars, min: 1, pattern: /^[A-Za-z0-9_-]+$/ });
const folderId = sessionId;
const relPath = str({ max: LIMITS.pathChars, min: 1, pattern: /^[^\0]+$/ });
const source = str({ max: LIMITS.sourceChars });

/** Parameter checks, one per request; the mapped type makes a missing or mistyped one a compile error. */
export const PARAMS: { [M in RequestMethod]: Check<RequestParams<M>> } = {
  hostInfo: object({}),
  compile: object({ source, filename }),
  startTrace: object({ source, filename, stdin: optional(str({ max: LIMITS.stdinChars })) }),
  step: object({ sessionId, action: oneOf(STEP_ACTIONS), to: optional(int({ min: 0, max: LIMITS.maxStep })) }),
  stopTrace: object({ sessionId }),
  closeTrace: object({ sessionId }),
  openFolder: object({ path: optional(str({ max: LIMITS.pathChars, min: 1, pattern: /^[^\0]+$/ })) }),
  readFile: object({ folderId, path: relPath }),
  saveFile: object({ folderId, path: relPath, text: source }),
};

/** A request that passed validation: its method and parameters agree. */
export type ValidRequest = { [M in RequestMethod]: { method: M; params: RequestParams<M> } }[RequestMethod];

/**
 * Checks a request from outside: the method must exist, the message must fit the size limit
 * (`size` is its byte length, when the transport knows it), and the parameters must match the
 * method's schema. Parameters may be omitted for requests that take none.
 */
export function validateRequest(method: unknown, params: unknown, size = 0): Result<ValidRequest, HostError> {
  if (size > LIMITS.messageBytes) {
    return err('payload-too-large', `the message is ${size} bytes; the limit is ${LIMITS.messageBytes}`);
  }
  if (!isRequestMethod(method)) {
    const shown = typeof method === 'string' ? `'${method.slice(0, 64)}'` : typeof method;
    return err('unknown-method', `there is no request named ${shown}`);
  }
  const checked = PARAMS[method](params === undefined ? {} : params, 'params');
  if (!checked.ok) return checked;
  // PARAMS[method] is the check for exactly this method, so method and params agree.
  return ok({ method, params: checked.value } as ValidRequest);
}
