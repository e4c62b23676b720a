import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../../../core/parser/index.js';
import { PySyntaxError, formatSyntaxError } from '../../../core/source/index.js';
import { listCases } from '../../support/goldens.js';

interface ErrorGolden {
  type: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
}

function syntaxErrorOf(run: () => unknown): PySyntaxError {
  try {
    run();
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  assert.fail('expected a SyntaxError');
}

const cases = listCases('syntax');

describe('parse (syntax errors)', () => {
  it('has at least 150 erroneous snippets', () => {
    assert.ok(cases.length >= 150, `${cases.length} cases`);
  });
  for (const c of cases) {
    const golden = c.expected('.error');
    if (golden === null) continue;
    const expected = JSON.parse(golden) as ErrorGolden;
    it(`raises CPython's ${expected.type} for syntax/${c.name} ("${expected.msg.slice(0, 60)}")`, () => {
      const source = new Uint8Array(readFileSync(c.sourcePath));
      const e = syntaxErrorOf(() => parse(source, `${c.name}.py`, { mode: 'bytes' }));
      assert.deepEqual(
        { type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset, end_lineno: e.end_lineno, end_offset: e.end_offset, text: e.text },
        expected,
      );
    });
  }
  for (const c of cases) {
    const golden = c.expected('.run.json');
    if (golden === null) continue;
    const run = JSON.parse(golden) as { stderr: string; exit: number };
    it(`prints syntax/${c.name} as \`python3 ${c.name}.py\` does`, () => {
      const source = new Uint8Array(readFileSync(c.sourcePath));
      const e = syntaxErrorOf(() => parse(source, `<DIR>/${c.name}.py`, { mode: 'file' }));
      assert.equal(formatSyntaxError(e), run.stderr);
      assert.equal(run.exit, 1);
    });
  }
});
