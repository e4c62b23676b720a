import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../../core/compiler/index.js';
import { NotSupportedError, PySyntaxError } from '../../../core/source/errors.js';
import { codeToJson, listCases, normalizeCodeJson, type CodeJson } from '../../support/goldens.js';

/**
 * End to end: source bytes through the parser and the compiler, against CPython's code objects
 * and SyntaxErrors (text included: CPython reads the offending line back from the file).
 */
describe('compile', () => {
  for (const area of ['compiler', 'programs']) {
    for (const c of listCases(area)) {
      const code = c.expected('.code.json');
      const error = c.expected('.error');
      const source = readFileSync(c.sourcePath);
      if (code !== null) {
        it(`compiles the source of ${c.area}/${c.name} to CPython's code object`, () => {
          assert.deepEqual(codeToJson(compile(source, `${c.name}.py`)), normalizeCodeJson(JSON.parse(code) as CodeJson));
        });
      } else if (error !== null && c.expected('.ast.json') !== null) {
        it(`raises CPython's SyntaxError for ${c.area}/${c.name}, with the source line`, () => {
          const e = JSON.parse(error) as { type: string; msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number | null };
          const line = source.toString('utf8').split('\n')[e.lineno - 1] + '\n';
          assert.throws(
            () => compile(source, `${c.name}.py`),
            (err: unknown) => {
              assert.ok(err instanceof PySyntaxError, String(err));
              assert.deepEqual([err.type, err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset, err.text], [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, line]);
              return true;
            },
          );
        });
      }
    }
  }

  it('refuses a match statement with NotSupportedError naming it and its line', () => {
    const source = 'x = 1\nmatch x:\n    case 1:\n        pass\n';
    assert.throws(
      () => compile(source, 'm.py'),
      (err: unknown) => err instanceof NotSupportedError && err.construct === 'match statement' && err.lineno === 2 && err.message === 'not supported yet: match statement at line 2',
    );
  });
});
