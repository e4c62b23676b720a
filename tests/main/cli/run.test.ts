import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { listCases } from '../../support/goldens.js';
import { runCli } from './run-cli.js';

/**
 * `bytescope run NAME.py`, in the case's folder, against what `python3 NAME.py` printed there
 * (tests/conformance/expected/programs/NAME.run.json): stdout, stderr with the folder shown as
 * <DIR>, and the exit status. This is the whole pipeline: parse, compile, run, traceback.
 */

interface RunJson {
  stdout: string;
  stderr: string;
  exit: number;
}

/** The differential programs, plus cli/: what only the command line shows (compile-time warnings). */
const cases = [...listCases('programs'), ...listCases('cli')].filter((c) => c.expected('.run.json') !== null);

describe('bytescope run', () => {
  it('has differential programs to run', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} programs`);
  });

  for (const c of cases) {
    it(`runs ${c.area}/${c.name}.py exactly as python3 does`, () => {
      const want = JSON.parse(c.expected('.run.json')!) as RunJson;
      const dir = dirname(c.sourcePath);
      const r = runCli(['run', `${c.name}.py`], dir);
      assert.equal(r.stdout, want.stdout);
      assert.equal(r.stderr.split(dir).join('<DIR>'), want.stderr);
      assert.equal(r.status, want.exit);
    });
  }

  it('reports a missing file as python3 does, with status 2', () => {
    const r = runCli(['run', 'no-such-file.py'], dirname(cases[0].sourcePath));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /can't open file 'no-such-file.py': \[Errno 2\] No such file or directory/);
  });
});
