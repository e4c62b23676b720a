import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestResult } from '../../../main/common/api.js';
import type { Result } from '../../../main/common/result.js';
import { connectHost, type TestClient } from '../support/hosts.js';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.kind}: ${r.error.message}`);
  return r.value as T; // the test names the result type of the request it made
}
const kindOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.kind);

describe('folder requests', () => {
  let client: TestClient;
  let root: string;
  let outside: string;
  let folderId: string;

  before(async () => {
    client = connectHost('fake');
    root = mkdtempSync(join(tmpdir(), 'bytescope-folder-'));
    outside = mkdtempSync(join(tmpdir(), 'bytescope-outside-'));
    writeFileSync(join(outside, 'secret.py'), 'secret = 1\n');
    writeFileSync(join(root, 'main.py'), 'print(1)\n');
    writeFileSync(join(root, 'notes.txt'), 'not python\n');
    mkdirSync(join(root, 'pkg'));
    writeFileSync(join(root, 'pkg', '__init__.py'), '');
    writeFileSync(join(root, 'pkg', 'util.py'), 'x = 1\n');
    for (const skipped of ['.git', 'node_modules', '__pycache__', 'venv']) {
      mkdirSync(join(root, skipped));
      writeFileSync(join(root, skipped, 'hidden.py'), '');
    }
    mkdirSync(join(root, 'myenv'));
    writeFileSync(join(root, 'myenv', 'pyvenv.cfg'), 'home = /usr\n');
    writeFileSync(join(root, 'myenv', 'site.py'), '');
    symlinkSync(outside, join(root, 'escape'));
    const opened = value<RequestResult<'openFolder'>>(await client.connection.request('openFolder', { path: root }));
    folderId = opened?.folderId ?? assert.fail('no folder');
  });
  after(async () => {
    await client.host.dispose();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists Python files and packages, skipping hidden folders, caches, node_modules, venvs and outside links', async () => {
    const opened = value<RequestResult<'openFolder'>>(await client.connection.request('openFolder', { path: root }));
    assert.deepEqual(opened?.entries, [
      { path: 'main.py', kind: 'file' },
      { path: 'pkg', kind: 'package' },
      { path: 'pkg/__init__.py', kind: 'file' },
      { path: 'pkg/util.py', kind: 'file' },
    ]);
  });

  it('refuses a relative folder path and a missing folder', async () => {
    assert.equal(kindOf(await client.connection.request('openFolder', { path: 'some/where' })), 'invalid-request');
    assert.equal(kindOf(await client.connection.request('openFolder', { path: join(root, 'nope') })), 'not-found');
    assert.equal(kindOf(await client.connection.request('openFolder', {})), 'invalid-request');
  });

  it('reads a file of the folder', async () => {
    assert.deepEqual(value(await client.connection.request('readFile', { folderId, path: 'pkg/util.py' })), { text: 'x = 1\n' });
  });

  it('refuses paths that lead outside the folder, and changes nothing', async () => {
    for (const path of ['../x.py', 'pkg/../../x.py', '/etc/passwd', 'escape/secret.py', 'escape/new.py', 'C:\\x.py']) {
      assert.equal(kindOf(await client.connection.request('readFile', { folderId, path })), 'forbidden', path);
      assert.equal(kindOf(await client.connection.request('saveFile', { folderId, path, text: 'pwned = 1\n' })), 'forbidden', path);
    }
    assert.equal(readFileSync(join(outside, 'secret.py'), 'utf8'), 'secret = 1\n');
    assert.deepEqual(readdirSync(outside), ['secret.py']);
  });

  it('answers not-found for a folder id it never gave out', async () => {
    assert.equal(kindOf(await client.connection.request('readFile', { folderId: 'nope', path: 'main.py' })), 'not-found');
    assert.equal(kindOf(await client.connection.request('saveFile', { folderId: 'nope', path: 'main.py', text: '' })), 'not-found');
  });

  it('saves a file atomically and writes its __pycache__ entry, leaving no temporary file', async () => {
    const saved = value<RequestResult<'saveFile'>>(await client.connection.request('saveFile', { folderId, path: 'pkg/util.py', text: 'x = 2\n' }));
    assert.equal(saved.pycache.kind, 'written');
    assert.equal(readFileSync(join(root, 'pkg', 'util.py'), 'utf8'), 'x = 2\n');
    const pyc = join(root, 'pkg', '__pycache__', 'util.cpython-311.pyc');
    assert.ok(existsSync(pyc));
    assert.deepEqual(readdirSync(join(root, 'pkg')).filter((f) => f.endsWith('.tmp')), []);
  });

  it('removes a stale .pyc when the saved file no longer compiles, and reports the error', async () => {
    const saved = value<RequestResult<'saveFile'>>(await client.connection.request('saveFile', { folderId, path: 'pkg/util.py', text: 'x = $\n' }));
    assert.equal(saved.pycache.kind, 'syntax-error');
    assert.equal(existsSync(join(root, 'pkg', '__pycache__', 'util.cpython-311.pyc')), false);
  });
});
