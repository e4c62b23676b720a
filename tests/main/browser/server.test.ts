import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startBrowserServer, type BrowserServer } from '../../../main/browser/server.js';
import { LIMITS } from '../../../main/common/schema.js';
import type { ServerEnvelope } from '../../../main/common/wire.js';
import { encodeRequest } from '../../../main/common/wire.js';
import { connectHost, type TestClient } from '../support/hosts.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it once open, or with the HTTP status that refused the upgrade. */
function connect(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

/** Sends a text frame and waits for the response envelope. */
function call(ws: WebSocket, text: string | Buffer): Promise<ServerEnvelope> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data)) as ServerEnvelope)); // our server sends JSON envelopes
    ws.send(text);
  });
}

describe('startBrowserServer', () => {
  let client: TestClient;
  let server: BrowserServer;
  let dir: string;
  let origin: string;
  const token = 'test-token-0123456789';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bytescope-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bytescope</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'bytescope-secret.txt'), 'secret');
    client = connectHost('fake');
    server = await startBrowserServer({ host: client.host, rendererDir: dir, token });
    origin = `http://127.0.0.1:${server.port}`;
  });
  after(async () => {
    await server.close();
    await client.host.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    assert.equal(server.url, `http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('serves the page with its token, with a strict Content-Security-Policy', async () => {
    const r = await get(server.port, `/?token=${token}`);
    assert.equal(r.status, 200);
    assert.match(r.body, /<title>Bytescope<\/title>/);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, new RegExp(`connect-src ws://127\\.0\\.0\\.1:${server.port}(;|$)`));
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(String(r.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  });

  it('admits inline styles only by a fresh nonce that the page announces', async () => {
    const nonceOf = (r: Reply): string => /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(String(r.headers['content-security-policy']))?.[1] ?? '';
    const first = await get(server.port, `/?token=${token}`);
    const second = await get(server.port, `/?token=${token}`);
    assert.notEqual(nonceOf(first), '');
    assert.notEqual(nonceOf(first), nonceOf(second));
    assert.ok(first.body.includes(`<meta name="bytescope-style-nonce" content="${nonceOf(first)}" />`));
  });

  it('refuses the page without a token', async () => {
    const r = await get(server.port, '/');
    assert.equal(r.status, 403);
    assert.doesNotMatch(r.body, /<title>/);
  });

  it('refuses the page with a wrong token', async () => {
    assert.equal((await get(server.port, '/?token=wrong')).status, 403);
    assert.equal((await get(server.port, `/?token=${token}x`)).status, 403);
  });

  it('serves assets to the cookie the page set, and not without it', async () => {
    assert.equal((await get(server.port, '/assets/app.js')).status, 403);
    const r = await get(server.port, '/assets/app.js', { Cookie: `bytescope-${server.port}=${token}` });
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /text\/javascript/);
    assert.equal((await get(server.port, '/assets/app.js', { Cookie: `bytescope-${server.port}=nope` })).status, 403);
  });

  it('refuses a non-loopback Host header even with the right token', async () => {
    const r = await get(server.port, `/?token=${token}`, { Host: `evil.example:${server.port}` });
    assert.equal(r.status, 403);
    assert.equal((await get(server.port, `/?token=${token}`, { Host: '127.0.0.1:1' })).status, 403);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../bytescope-secret.txt', '/%2e%2e/bytescope-secret.txt', '/assets/..%2f..%2fbytescope-secret.txt', '/%E0%A4%A']) {
      const r = await get(server.port, `${path}${path.includes('?') ? '&' : '?'}token=${token}`);
      assert.notEqual(r.status, 200, path);
      assert.doesNotMatch(r.body, /secret/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/?token=${token}`, method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.end('x');
    });
    assert.equal(status, 405);
  });

  it('refuses a WebSocket without a token, with a wrong token, or from a foreign Origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    assert.equal(await connect(base, { Origin: origin }), 403);
    assert.equal(await connect(`${base}?token=wrong`, { Origin: origin }), 403);
    assert.equal(await connect(`${base}?token=${token}`, { Origin: 'http://evil.example' }), 403);
    assert.equal(await connect(`${base}?token=${token}`, { Origin: `http://127.0.0.1:${server.port + 1}` }), 403);
    assert.equal(await connect(`${base}?token=${token}`, {}), 403);
    assert.equal(await connect(`${base}?token=${token}`, { Origin: origin, Host: `evil.example:${server.port}` }), 403);
  });

  it('answers requests over an accepted WebSocket, and typed errors for bad messages', async () => {
    const ws = await connect(`ws://127.0.0.1:${server.port}/api?token=${token}`, { Origin: origin });
    assert.ok(ws instanceof WebSocket);
    try {
      const info = await call(ws, encodeRequest(1, 'hostInfo', {}));
      assert.equal(info.kind, 'response');
      if (info.kind === 'response') {
        assert.equal(info.id, 1);
        assert.equal(info.result.ok, true);
      }
      const unknown = await call(ws, encodeRequest(2, 'format', {}));
      assert.deepEqual(unknown.kind === 'response' && !unknown.result.ok && [unknown.id, unknown.result.error.kind], [2, 'unknown-method']);
      const garbage = await call(ws, 'not json');
      assert.deepEqual(garbage.kind === 'response' && !garbage.result.ok && [garbage.id, garbage.result.error.kind], [null, 'invalid-request']);
      const binary = await call(ws, Buffer.from([1, 2, 3]));
      assert.equal(binary.kind === 'response' && !binary.result.ok && binary.result.error.kind, 'invalid-request');
      const big = encodeRequest(3, 'compile', { source: 'x'.repeat(LIMITS.messageBytes), filename: 'a.py' });
      const tooBig = await call(ws, big);
      assert.deepEqual(tooBig.kind === 'response' && !tooBig.result.ok && [tooBig.id, tooBig.result.error.kind], [3, 'payload-too-large']);
      const still = await call(ws, encodeRequest(4, 'hostInfo', {}));
      assert.equal(still.kind === 'response' && still.result.ok, true);
    } finally {
      ws.close();
    }
  });
});
