/**
 * The envelopes browser mode's WebSocket carries (Electron's IPC needs none: a channel per request
 * and `invoke` pair each reply with its request). A client sends
 * `{"kind":"request","id":N,"method":...,"params":...}`; the host answers
 * `{"kind":"response","id":N,"result":Result}` and pushes `{"kind":"event","event":...,"payload":...}`.
 */
import type { EventName, HostEvents } from './api.js';
import { LIMITS } from './schema.js';
import type { HostError, Result } from './result.js';

export interface RequestEnvelope {
  kind: 'request';
  id: number;
  method: string;
  params: unknown;
}

export interface ResponseEnvelope {
  kind: 'response';
  /** The request's id; null when the message was too broken to carry one. */
  id: number | null;
  result: Result<unknown, HostError>;
}

export type EventEnvelope = { [E in EventName]: { kind: 'event'; event: E; payload: HostEvents[E] } }[EventName];

export type ServerEnvelope = ResponseEnvelope | EventEnvelope;

/** A decoded client message: its id (if any) and either the request's parts or why it was refused. */
export type DecodedRequest =
  | { id: number; method: unknown; params: unknown; error?: undefined }
  | { id: number | null; error: HostError };

const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/**
 * Decodes one text frame from a client. An oversized frame is not parsed at all; its id is read
 * from the head of the text (clients write `kind` then `id` first) so the refusal can still be paired.
 */
export function decodeRequest(text: string, byteLength: number): DecodedRequest {
  if (byteLength > LIMITS.messageBytes) {
    const m = /^\{"kind":"request","id":(\d{1,15}),/.exec(text.slice(0, 64));
    const error: HostError = {
      kind: 'payload-too-large',
      message: `the message is ${byteLength} bytes; the limit is ${LIMITS.messageBytes}`,
    };
    return { id: m ? Number(m[1]) : null, error };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { id: null, error: { kind: 'invalid-request', message: 'the message is not valid JSON' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, error: { kind: 'invalid-request', message: 'the message must be a JSON object' } };
  }
  const msg = value as Record<string, unknown>; // a non-null, non-array object, checked above
  const id = isId(msg.id) ? msg.id : null;
  if (msg.kind !== 'request') return { id, error: { kind: 'invalid-request', message: "the message kind must be 'request'" } };
  if (id === null) return { id, error: { kind: 'invalid-request', message: 'the message id must be a non-negative integer' } };
  for (const key of Object.keys(msg)) {
    if (key !== 'kind' && key !== 'id' && key !== 'method' && key !== 'params') {
      return { id, error: { kind: 'invalid-request', message: `the message has an unexpected field '${key}'` } };
    }
  }
  return { id, method: msg.method, params: msg.params };
}

/** Encodes a request the way {@link decodeRequest} expects it (kind and id first). */
export function encodeRequest(id: number, method: string, params: unknown): string {
  const envelope: RequestEnvelope = { kind: 'request', id, method, params };
  return JSON.stringify(envelope);
}
