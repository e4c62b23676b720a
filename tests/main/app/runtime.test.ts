import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chooseShell, parseStartArgs, type RuntimeProbe } from '../../../main/app/runtime.js';

const root = '/app';
const pkg = join(root, 'node_modules', 'electron');

/** A probe over an imaginary file system: the files that exist and their text. */
function probe(files: Record<string, string>, env: Record<string, string> = {}): RuntimeProbe {
  return { exists: (p) => Object.hasOwn(files, p), readText: (p) => (Object.hasOwn(files, p) ? files[p] : null), env };
}

describe('chooseShell', () => {
  it('picks Electron when path.txt names a binary that exists in dist/', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron', [join(pkg, 'dist', 'electron')]: '' };
    assert.deepEqual(chooseShell(root, probe(files)), { kind: 'electron', binary: join(pkg, 'dist', 'electron') });
  });

  it('falls back to browser mode when the package has no path.txt (the download never happened)', () => {
    const choice = chooseShell(root, probe({ [join(pkg, 'package.json')]: '{}' }));
    assert.equal(choice.kind, 'browser');
    assert.match(choice.kind === 'browser' ? choice.reason : '', /Electron runtime is not installed/);
  });

  it('falls back to browser mode when path.txt points at a missing binary', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron' };
    assert.equal(chooseShell(root, probe(files)).kind, 'browser');
  });

  it('falls back to browser mode when the electron package is absent', () => {
    assert.equal(chooseShell(root, probe({})).kind, 'browser');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does', () => {
    const files = { [join(pkg, 'package.json')]: '{}', '/opt/electron/electron': '' };
    assert.deepEqual(chooseShell(root, probe(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })), {
      kind: 'electron',
      binary: '/opt/electron/electron',
    });
    assert.equal(chooseShell(root, probe({ [join(pkg, 'package.json')]: '{}' }, { ELECTRON_OVERRIDE_DIST_PATH: '/nope' })).kind, 'browser');
  });

  it('decides browser mode on this machine, where the runtime cannot be downloaded', () => {
    const repoRoot = new URL('../../../../', import.meta.url).pathname;
    assert.equal(chooseShell(repoRoot).kind, 'browser');
  });
});

describe('parseStartArgs', () => {
  it('reads --browser and --port in both spellings', () => {
    assert.deepEqual(parseStartArgs([]), { forceBrowser: false, port: 0 });
    assert.deepEqual(parseStartArgs(['--browser', '--port', '8123']), { forceBrowser: true, port: 8123 });
    assert.deepEqual(parseStartArgs(['--port=9000']), { forceBrowser: false, port: 9000 });
  });
  it('rejects unknown options and bad ports with a message', () => {
    assert.equal(typeof parseStartArgs(['--electron']), 'string');
    assert.equal(typeof parseStartArgs(['--port', 'x']), 'string');
    assert.equal(typeof parseStartArgs(['--port', '70000']), 'string');
    assert.equal(typeof parseStartArgs(['--port']), 'string');
  });
});
