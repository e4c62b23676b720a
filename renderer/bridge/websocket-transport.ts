/**
 * The browser-mode transport: one WebSocket to the page's own server at `/api`, authenticated by
 * the token the page was opened with (`?token=`). Requests made before the socket opens wait for it;
 * if the socket closes, waiting requests resolve with an error and later ones fail at once.
 */
import { encodeRequest, type ServerEnvelope } from '../../main/common/wire.js';
import type { HostError, Result } from '../../main/common/result.js';
import { isResult, transportError, type Transport } from './transport.js';

function isEnvelope(x: unknown): x is ServerEnvelope {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { kind?: unknown; id?: unknown; result?: unknown; event?: unknown }; // probing an object's fields
  if (e.kind === 'response') return (e.id === null || typeof e.id === 'number') && isResult(e.result);
  return e.kind === 'event' && typeof e.event === 'string';
}

export function websocketTransport(location: Location): Transport {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const socket = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
  const pending = new Map<number, (r: Result<unknown, HostError>) => void>();
  let nextId = 1;
  let closedReason: string | null = null;
  let eventListener: (event: string, payload: unknown) => void = () => {};
  const opened = new Promise<void>((resolve) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('close', () => resolve());
  });

  socket.addEventListener('message', (msg: MessageEvent<unknown>) => {
    if (typeof msg.data !== 'string') return;
    let data: unknown;
    try {
      data = JSON.parse(msg.data);
    } catch {
      return;
    }
    if (!isEnvelope(data)) return;
    if (data.kind === 'event') {
      eventListener(data.event, data.payload);
      return;
    }
    if (data.id === null) return;
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    resolve?.(data.result);
  });
  socket.addEventListener('close', (e) => {
    closedReason = e.code === 1006 ? 'the connection to Bytescope was refused or lost' : `the connection to Bytescope closed (${e.code})`;
    for (const resolve of pending.values()) resolve(transportError(closedReason));
    pending.clear();
    eventListener('connectionLost', { reason: closedReason });
  });

  return {
    async call(method, params) {
      await opened;
      if (closedReason !== null || socket.readyState !== WebSocket.OPEN) return transportError(closedReason ?? 'not connected to Bytescope');
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(encodeRequest(id, method, params));
      });
    },
    onEvent(listener) {
      eventListener = listener;
    },
  };
}
