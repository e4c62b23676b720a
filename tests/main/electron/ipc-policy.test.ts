import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REQUEST_METHODS } from '../../../main/common/api.js';
import { REQUEST_CHANNELS, handleInvoke, methodForChannel, senderAllowed } from '../../../main/electron/ipc-policy.js';
import { connectHost } from '../support/hosts.js';

const appFrame = { frameUrl: 'bytescope://app/index.html', isMainFrame: true };

describe('methodForChannel', () => {
  it('maps each bytescope: channel to its request', () => {
    assert.deepEqual(REQUEST_CHANNELS.map(methodForChannel), [...REQUEST_METHODS]);
  });
  it('refuses channels without the prefix or with an unknown name', () => {
    for (const c of ['compile', 'bytescope:', 'bytescope:eval', 'electron:compile', 'bytescope:compile ', 'BYTESCOPE:compile']) {
      assert.equal(methodForChannel(c), null, c);
    }
  });
});

describe('senderAllowed', () => {
  it('accepts only the app page in a main frame', () => {
    assert.equal(senderAllowed(appFrame), true);
    assert.equal(senderAllowed({ ...appFrame, isMainFrame: false }), false);
    assert.equal(senderAllowed({ frameUrl: null, isMainFrame: true }), false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'bytescope://evil/index.html', 'not a url']) {
      assert.equal(senderAllowed({ frameUrl: url, isMainFrame: true }), false, url);
    }
  });
});

describe('handleInvoke', () => {
  const client = connectHost('fake');
  after(() => client.host.dispose());

  it('delegates a valid request to the host', async () => {
    const r = await handleInvoke('bytescope:hostInfo', appFrame, [{}], client.connection);
    assert.equal(r.ok, true);
  });
  it('refuses a channel off the list with unknown-method', async () => {
    const r = await handleInvoke('bytescope:shell', appFrame, [{}], client.connection);
    assert.equal(!r.ok && r.error.kind, 'unknown-method');
  });
  it('refuses a request from a foreign frame with forbidden', async () => {
    const r = await handleInvoke('bytescope:hostInfo', { frameUrl: 'https://evil.example/', isMainFrame: true }, [{}], client.connection);
    assert.equal(!r.ok && r.error.kind, 'forbidden');
  });
  it('refuses extra arguments and values JSON cannot hold', async () => {
    const extra = await handleInvoke('bytescope:hostInfo', appFrame, [{}, {}], client.connection);
    assert.equal(!extra.ok && extra.error.kind, 'invalid-request');
    const big = await handleInvoke('bytescope:compile', appFrame, [{ source: 1n, filename: 'a.py' }], client.connection);
    assert.equal(!big.ok && big.error.kind, 'invalid-request');
  });
  it('runs the argument through the same validation as browser mode', async () => {
    const r = await handleInvoke('bytescope:compile', appFrame, [{ source: [], filename: 'a.py' }], client.connection);
    assert.equal(!r.ok && r.error.kind, 'invalid-request');
  });
});
