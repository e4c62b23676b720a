import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listCases, type CodeJson } from '../../support/goldens.js';
import { runCase, type RunJson } from './golden-run.js';

/**
 * The VM against CPython on the differential corpus, independent of the parser and compiler:
 * each case's code object comes from CPython itself (.code.json) and its output must equal
 * `python3 NAME.py`'s (.run.json). CPython ran the file as <DIR>/NAME.py, so co_filename is
 * given that prefix, and the traceback printer reads source lines from the case file.
 */

for (const area of ['programs', 'vm']) {
  const cases = listCases(area).filter((c) => c.expected('.run.json') !== null && c.expected('.code.json') !== null);
  describe(`runModule on CPython's code objects (${area})`, () => {
    for (const c of cases) {
      it(`runs ${area}/${c.name} with python3's stdout, stderr and exit status`, () => {
        const want = JSON.parse(c.expected('.run.json')!) as RunJson;
        const got = runCase(c.sourcePath, JSON.parse(c.expected('.code.json')!) as CodeJson);
        assert.equal(got.stdout, want.stdout);
        assert.equal(got.stderr, want.stderr);
        assert.equal(got.exit, want.exit);
      });
    }
  });
}
