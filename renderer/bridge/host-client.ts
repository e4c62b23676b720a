/**
 * The renderer's one typed client of the host API: `client.step({...})` and friends, each
 * resolving with a `Result`, over whichever transport the shell provides. Nothing else in the
 * renderer knows how the host is reached.
 */
import { REQUEST_METHODS, isEventName, type EventName, type HostApi, type HostEvents } from '../../main/common/api.js';
import { electronTransport, hasElectronBridge } from './electron-transport.js';
import type { Transport } from './transport.js';
import { websocketTransport } from './websocket-transport.js';

/** Events the client itself raises, beyond the host's. */
export interface ClientEvents {
  /** The transport is gone (browser mode: the server stopped or refused the token). */
  connectionLost: { reason: string };
}

export type HostClient = HostApi & {
  onClient<E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void): () => void;
};

export function createHostClient(transport: Transport): HostClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.onEvent((event, payload) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  });
  const subscribe = (event: string, listener: (payload: unknown) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  const client: Record<string, unknown> = {};
  for (const method of REQUEST_METHODS) client[method] = (params: unknown) => transport.call(method, params);
  client.on = <E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void) => {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    // The host sends each event with its declared payload type (HostEvents).
    return subscribe(event, listener as (payload: unknown) => void);
  };
  client.onClient = <E extends keyof ClientEvents>(event: E, listener: (payload: ClientEvents[E]) => void) =>
    subscribe(event, listener as (payload: unknown) => void); // raised only by our transports, with this payload
  // Every request method and `on` were installed just above, each forwarding to the transport.
  return client as HostClient;
}

/** The client for the shell this page runs in: Electron's bridge if present, else browser mode's socket. */
export function connectToHost(): HostClient {
  return createHostClient(hasElectronBridge() ? electronTransport() : websocketTransport(window.location));
}
