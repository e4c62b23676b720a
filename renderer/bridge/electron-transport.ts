/**
 * The Electron transport: the only renderer file that knows the preload global (`window.bytescope`,
 * exposed by main/electron/preload.cts through contextBridge).
 */
import { REQUEST_METHODS, type RequestMethod } from '../../main/common/api.js';
import { isResult, transportError, type Transport } from './transport.js';

/** The preload's object, as far as this file relies on it. */
interface PreloadApi {
  on(event: string, listener: (payload: unknown) => void): () => void;
  [method: string]: unknown;
}

function preloadApi(): PreloadApi | null {
  const candidate: unknown = (globalThis as { bytescope?: unknown }).bytescope; // set by the preload, if any
  if (typeof candidate !== 'object' || candidate === null) return null;
  return typeof (candidate as { on?: unknown }).on === 'function' ? (candidate as PreloadApi) : null; // `on` checked
}

/** True when the page runs inside the Electron shell. */
export function hasElectronBridge(): boolean {
  return preloadApi() !== null;
}

export function electronTransport(): Transport {
  const api = preloadApi();
  if (!api) throw new Error('the Electron preload bridge is missing');
  return {
    async call(method, params) {
      const fn = api[method];
      if (!(REQUEST_METHODS as readonly string[]).includes(method) || typeof fn !== 'function') {
        return transportError(`the app bridge has no request '${method}'`);
      }
      try {
        const reply: unknown = await (fn as (p: unknown) => Promise<unknown>)(params); // a preload function, checked above
        return isResult(reply) ? reply : transportError('the host sent a reply of the wrong shape');
      } catch (e) {
        return transportError(e instanceof Error ? e.message : String(e));
      }
    },
    onEvent(listener) {
      for (const event of ['sessionLost', 'fileChanged'] as const) api.on(event, (payload) => listener(event, payload));
    },
  };
}

export type { RequestMethod };
