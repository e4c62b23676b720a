import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { EVENT_NAMES, REQUEST_METHODS } from '../../../main/common/api.js';
import { EVENT_CHANNEL, channelFor } from '../../../main/electron/ipc-policy.js';

/**
 * Runs the built preload as Electron's sandbox does (a function of require, process, Buffer,
 * global, exports and module) with a fake 'electron' module that records what it is asked for.
 */
function loadPreload() {
  const source = readFileSync(new URL('../../../main/electron/preload.cjs', import.meta.url), 'utf8');
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const subscribed = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => subscribed.set(channel, listener),
    },
  };
  const required: string[] = [];
  const fakeRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const module = { exports: {} };
  const wrapper = runInNewContext(`(function (require, process, Buffer, global, exports, module) {\n${source}\n})`, {}) as (
    ...args: unknown[]
  ) => void; // the wrapper is the function expression evaluated just above
  wrapper(fakeRequire, {}, undefined, {}, module.exports, module);
  return { exposed, invoked, subscribed, required };
}

describe('preload', () => {
  it("requires nothing but 'electron'", () => {
    assert.deepEqual(loadPreload().required, ['electron']);
  });

  it('exposes one object, window.bytescope, with exactly the API requests and `on`', () => {
    const { exposed } = loadPreload();
    assert.deepEqual([...exposed.keys()], ['bytescope']);
    const api = exposed.get('bytescope') ?? {};
    assert.deepEqual(Object.keys(api).sort(), [...REQUEST_METHODS, 'on'].sort());
    for (const value of Object.values(api)) assert.equal(typeof value, 'function');
  });

  it('sends each request on its own bytescope: channel with its one argument', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('bytescope') ?? {};
    for (const method of REQUEST_METHODS) {
      const fn = api[method] as (p: unknown, extra?: unknown) => Promise<unknown>; // checked to be functions above
      await fn({ probe: method }, 'ignored');
    }
    assert.deepEqual(
      invoked,
      REQUEST_METHODS.map((m) => ({ channel: channelFor(m), args: [{ probe: m }] })),
    );
  });

  it('delivers pushed events to listeners of that event only, until they unsubscribe', () => {
    const { exposed, subscribed } = loadPreload();
    const on = (exposed.get('bytescope') ?? {}).on as (e: string, l: (p: unknown) => void) => () => void; // a function, checked above
    assert.deepEqual([...subscribed.keys()], [EVENT_CHANNEL]);
    const seen: unknown[] = [];
    const off = on(EVENT_NAMES[0], (p) => seen.push(p));
    const push = subscribed.get(EVENT_CHANNEL) ?? assert.fail('no event listener');
    push({}, EVENT_NAMES[0], { n: 1 });
    push({}, 'somethingElse', { n: 2 });
    off();
    push({}, EVENT_NAMES[0], { n: 3 });
    assert.deepEqual(seen, [{ n: 1 }]);
  });

  it('refuses to subscribe to an event that is not part of the API', () => {
    const { exposed } = loadPreload();
    const on = (exposed.get('bytescope') ?? {}).on as (e: unknown, l: unknown) => unknown; // a function, checked above
    assert.throws(() => on('anything', () => {}), /Unknown event/);
    assert.throws(() => on(EVENT_NAMES[0], 'not a function'), /listener/);
  });
});
