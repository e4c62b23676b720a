import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCases } from '../../support/goldens.js';
import { runCli } from './run-cli.js';

function mask(text: string): string {
  return text.replace(/ at 0x[0-9a-fA-F]+/g, ' at 0xADDR');
}

// The CLI's wiring, over the dis area, which covers every opcode family (every golden of every
// area is checked in-process by tests/core/dis; a process per case for all would take minutes).
const cases = listCases('dis').filter((c) => c.expected('.dis') !== null && c.expectedBytes('.pyc') !== null);

describe('bytescope dis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bytescope-dis-'));

  for (const c of cases) {
    it(`prints ${c.area}/${c.name}.pyc as python3 -m dis printed its source`, () => {
      const pyc = join(dir, `${c.area}-${c.name}.pyc`);
      writeFileSync(pyc, c.expectedBytes('.pyc')!);
      const r = runCli(['dis', pyc], dir);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      assert.equal(mask(r.stdout), c.expected('.dis'));
    });

    it(`prints ${c.area}/${c.name}.py exactly as python3 -m dis does`, () => {
      copyFileSync(c.sourcePath, join(dir, `${c.name}.py`));
      const r = runCli(['dis', `${c.name}.py`], dir);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      assert.equal(mask(r.stdout), c.expected('.dis'));
    });
  }

  it('reports a truncated .pyc with the byte offset, exit status 1', () => {
    const good = cases[0].expectedBytes('.pyc')!;
    const pyc = join(dir, 'truncated.pyc');
    writeFileSync(pyc, good.subarray(0, 40));
    const r = runCli(['dis', pyc], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    // The last field starts at byte 38 and needs 4 bytes; only 2 are left.
    assert.match(r.stderr, /^bytescope dis: .*truncated\.pyc: EOF read where int expected \(need 4 bytes, 2 left\) at byte 38\n$/);
  });

  it('reports a bad magic number at byte 0', () => {
    const pyc = join(dir, 'magic.pyc');
    writeFileSync(pyc, new Uint8Array([0x55, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4e]));
    const r = runCli(['dis', pyc], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad magic number 55 0d 0d 0a .* at byte 0\n$/);
  });

  it('reports an unknown type code where it is', () => {
    const pyc = join(dir, 'garbage.pyc');
    const bytes = new Uint8Array(cases[0].expectedBytes('.pyc')!);
    bytes[16] = 0x3f;
    writeFileSync(pyc, bytes);
    const r = runCli(['dis', pyc], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad marshal data \(unknown type code 0x3f\) at byte 16\n$/);
  });

  it('reports a missing file as python3 does, exit status 2', () => {
    const r = runCli(['dis', 'missing.pyc'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /can't open file 'missing\.pyc': \[Errno 2\] No such file or directory/);
  });

  it('prints usage without exactly one file', () => {
    assert.equal(runCli(['dis'], dir).status, 2);
  });
});
