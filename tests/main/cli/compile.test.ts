import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachePath, outDirPath } from '../../../main/cli/compile.js';
import { listCases } from '../../support/goldens.js';
import { runCli, type CliResult } from './run-cli.js';

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

const cases = listCases().filter((c) => c.expectedBytes('.pyc') !== null);
const areas = [...new Set(cases.map((c) => c.area))];

describe('bytescope compile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bytescope-compile-'));

  // One command line per area compiles all its cases at once, as `bytescope compile *.py` would.
  for (const area of areas) {
    describe(`on every ${area} case`, () => {
      const folder = join(dir, area);
      const inArea = cases.filter((c) => c.area === area);
      let run: CliResult;
      before(() => {
        mkdirSync(folder, { recursive: true });
        for (const c of inArea) copyFileSync(c.sourcePath, join(folder, `${c.name}.py`));
        run = runCli(['compile', ...inArea.map((c) => `${c.name}.py`)], folder);
      });

      for (const c of inArea) {
        it(`writes __pycache__/${c.name}.cpython-311.pyc as py_compile does`, () => {
          // py_compile prints compile-time SyntaxWarnings too; anything else about this file is a failure.
          const warning = new RegExp(`^${c.name}\\.py:\\d+: SyntaxWarning: .*\\n(  .*\\n)?`, 'gm');
          assert.ok(!run.stderr.replace(warning, '').includes(`${c.name}.py`), run.stderr);
          const source = join(folder, `${c.name}.py`);
          const pyc = new Uint8Array(readFileSync(join(folder, '__pycache__', `${c.name}.cpython-311.pyc`)));
          const golden = c.expectedBytes('.pyc')!;
          const stat = statSync(source);
          // Header: magic and flags as py_compile writes them; mtime and size of our copy of the source.
          assert.deepEqual(Array.from(pyc.subarray(0, 8)), Array.from(golden.subarray(0, 8)));
          assert.equal(u32(pyc, 8), Math.trunc(stat.mtimeMs / 1000) >>> 0);
          assert.equal(u32(pyc, 12), stat.size);
          assert.equal(u32(golden, 12), stat.size);
          assert.ok(Buffer.from(pyc.subarray(16)).equals(Buffer.from(golden.subarray(16))), 'marshalled code differs');
        });
      }

      it('exits 0 when every file compiled, 1 otherwise', () => {
        assert.equal(run.status, /not supported yet/.test(run.stderr) ? 1 : 0, run.stderr);
      });
    });
  }

  const good = 'x = 1\nprint(x + 1)\n';

  it('keeps relative folders under --out-dir', () => {
    const root = mkdtempSync(join(dir, 'outdir-'));
    mkdirSync(join(root, 'src', 'pkg'), { recursive: true });
    writeFileSync(join(root, 'src', 'pkg', 'mod.py'), good);
    writeFileSync(join(root, 'top.py'), good);
    const r = runCli(['compile', 'src/pkg/mod.py', 'top.py', '--out-dir', 'build'], root);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.ok(existsSync(join(root, 'build', 'src', 'pkg', 'mod.pyc')));
    assert.ok(existsSync(join(root, 'build', 'top.pyc')));
  });

  it('writes exactly the file given with -o', () => {
    const root = mkdtempSync(join(dir, 'output-'));
    writeFileSync(join(root, 'one.py'), good);
    const r = runCli(['compile', 'one.py', '-o', 'custom.pyc'], root);
    assert.equal(r.status, 0);
    assert.ok(existsSync(join(root, 'custom.pyc')));
    assert.ok(!existsSync(join(root, '__pycache__')));
  });

  it('reports a bad file on stderr, still writes the others, and exits 1', () => {
    const root = mkdtempSync(join(dir, 'mixed-'));
    writeFileSync(join(root, 'ok.py'), good);
    writeFileSync(join(root, 'broken.py'), 'x = (\n');
    const r = runCli(['compile', 'broken.py', 'ok.py', 'missing.py'], root);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /File "broken\.py", line 1/);
    assert.match(r.stderr, /SyntaxError: '\(' was never closed/);
    assert.match(r.stderr, /can't open file 'missing\.py'/);
    assert.ok(existsSync(join(root, '__pycache__', 'ok.cpython-311.pyc')));
    assert.ok(!existsSync(join(root, '__pycache__', 'broken.cpython-311.pyc')));
  });

  it('leaves no temporary files behind', () => {
    const root = mkdtempSync(join(dir, 'atomic-'));
    writeFileSync(join(root, 'a.py'), good);
    assert.equal(runCli(['compile', 'a.py'], root).status, 0);
    assert.equal(runCli(['compile', 'a.py'], root).status, 0);
    assert.deepEqual(readdirSync(join(root, '__pycache__')), ['a.cpython-311.pyc']);
  });

  it('refuses bad command lines with exit status 2', () => {
    assert.equal(runCli(['compile'], dir).status, 2);
    assert.equal(runCli(['compile', 'a.py', 'b.py', '-o', 'x.pyc'], dir).status, 2);
    assert.equal(runCli(['compile', 'a.py', '-o', 'x.pyc', '--out-dir', 'd'], dir).status, 2);
    assert.equal(runCli(['compile', '--bogus', 'a.py'], dir).status, 2);
  });
});

describe('cachePath', () => {
  it('names the cache as importlib.util.cache_from_source does', () => {
    assert.equal(cachePath('foo.py'), join('__pycache__', 'foo.cpython-311.pyc'));
    assert.equal(cachePath('a/b.py'), join('a', '__pycache__', 'b.cpython-311.pyc'));
    assert.equal(cachePath('x.tar.py'), join('__pycache__', 'x.tar.cpython-311.pyc'));
    assert.equal(cachePath('.hidden.py'), join('__pycache__', '.hidden.cpython-311.pyc'));
    assert.equal(cachePath('foo'), join('__pycache__', 'foocpython-311.pyc'));
  });
});

describe('outDirPath', () => {
  it('keeps the relative folders of a source and swaps .py for .pyc', () => {
    assert.equal(outDirPath('a/b.py', 'out'), join('out', 'a', 'b.pyc'));
  });
  it('keeps only the name of a source outside the working directory', () => {
    assert.equal(outDirPath('../elsewhere/c.py', 'out'), join('out', 'c.pyc'));
  });
});
