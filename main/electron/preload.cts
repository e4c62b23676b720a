/**
 * The Electron preload: exposes exactly the typed host API (`window.bytescope`) through
 * contextBridge, and nothing of Node or of ipcRenderer itself. A sandboxed preload cannot require
 * our other modules, so the request and event names are repeated here; a test checks that they
 * equal main/common/api.ts's lists. Any channel without the `bytescope:` prefix is refused, as
 * VS Code's preload does, so a compromised page cannot reach other IPC channels through us.
 */
// This file is a script, not a module (no import or export): tsc then emits no `exports` marker,
// and `require` is the sandboxed preload's own, which offers 'electron' and little else.
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

const PREFIX = 'bytescope:';
const REQUESTS = ['hostInfo', 'compile', 'startTrace', 'step', 'stopTrace', 'closeTrace', 'openFolder', 'readFile', 'saveFile'] as const;
const EVENTS = ['sessionLost', 'fileChanged'] as const;
const EVENT_CHANNEL = `${PREFIX}event`;

function validChannel(channel: string): string {
  if (!channel.startsWith(PREFIX)) throw new Error(`Unsupported IPC channel '${channel}'`);
  return channel;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(validChannel(EVENT_CHANNEL), (_event: unknown, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const api: Record<string, unknown> = {};
for (const method of REQUESTS) {
  const channel = validChannel(`${PREFIX}${method}`);
  // One argument only: the host refuses more, and functions or DOM nodes cannot cross anyway.
  api[method] = (params: unknown) => ipcRenderer.invoke(channel, params);
}
api.on = (event: unknown, listener: unknown): (() => void) => {
  if (typeof event !== 'string' || !(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event '${String(event)}'`);
  if (typeof listener !== 'function') throw new Error('listener must be a function');
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  const l = listener as Listener; // checked to be a function just above
  set.add(l);
  return () => {
    set.delete(l);
  };
};

// Shape check at build time: `api` offers every member of HostApi.
type Api = import('../common/api.js').HostApi;
const typed: { [K in keyof Api]: unknown } = api as { [K in keyof Api]: unknown };
contextBridge.exposeInMainWorld('bytescope', typed);
