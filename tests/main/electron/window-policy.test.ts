import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appCsp, START_URL, navigationAllowed, requestAllowed, webPreferences } from '../../../main/electron/window-policy.js';

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer, with Node off everywhere', () => {
    const prefs = webPreferences('/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.preload, '/app/preload.cjs');
  });
});

describe('appCsp', () => {
  it("allows only the app's own scripts, styles by nonce, and no connections at all", () => {
    const csp = appCsp('abc123');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self' 'nonce-abc123'(;|$)/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
  });
});

describe('requestAllowed and navigationAllowed', () => {
  it('let the app load its own pages and nothing remote', () => {
    assert.equal(requestAllowed(START_URL), true);
    assert.equal(requestAllowed('bytescope://app/assets/index.js'), true);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'bytescope://other/', 'ws://x']) {
      assert.equal(requestAllowed(url), false, url);
    }
  });
  it('keep every window on the app', () => {
    assert.equal(navigationAllowed(START_URL), true);
    assert.equal(navigationAllowed('https://example.com/'), false);
    assert.equal(navigationAllowed('javascript:alert(1)'), false);
  });
});
