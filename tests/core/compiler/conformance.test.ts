import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileAst } from '../../../core/compiler/compile-ast.js';
import { PySyntaxError } from '../../../core/source/errors.js';
import { astFromJson, codeToJson, listCases, normalizeCodeJson, type CodeJson } from '../../support/goldens.js';

/**
 * The compiler alone against CPython: every conformance case's golden AST (so no parser is
 * involved) compiled by compileAst must give CPython's code object field for field (co_code
 * with caches, consts, names, localsplus, flags, stack size, line and exception tables), or
 * CPython's SyntaxError for cases that do not compile.
 */

interface ErrorJson {
  type: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
}

/** Compares code objects level by level, so a failure names the first differing code object and field. */
function assertSameCode(actual: CodeJson, expected: CodeJson, path: string): void {
  const where = `${path}${expected.co_qualname}`;
  for (const key of Object.keys(expected) as (keyof CodeJson)[]) {
    if (key === 'co_consts') continue;
    assert.deepEqual(actual[key], expected[key], `${where}: ${key}`);
  }
  assert.equal(actual.co_consts.length, expected.co_consts.length, `${where}: co_consts length`);
  for (let i = 0; i < expected.co_consts.length; i++) {
    const e = expected.co_consts[i];
    const a = actual.co_consts[i];
    if ('code' in e && 'code' in a) assertSameCode(a.code, e.code, `${where} > `);
    else assert.deepEqual(a, e, `${where}: co_consts[${i}]`);
  }
}

const areas = ['compiler', 'programs'];

describe('compileAst on golden ASTs', () => {
  for (const area of areas) {
    for (const c of listCases(area)) {
      const astJson = c.expected('.ast.json');
      if (astJson === null) continue;
      const code = c.expected('.code.json');
      const error = c.expected('.error');
      if (code !== null) {
        it(`compiles ${c.area}/${c.name} to CPython's code object`, () => {
          const mod = astFromJson(JSON.parse(astJson));
          const actual = codeToJson(compileAst(mod, `${c.name}.py`));
          assertSameCode(actual, normalizeCodeJson(JSON.parse(code) as CodeJson), '');
        });
      } else if (error !== null) {
        it(`rejects ${c.area}/${c.name} with CPython's SyntaxError`, () => {
          const e = JSON.parse(error) as ErrorJson;
          const mod = astFromJson(JSON.parse(astJson));
          assert.throws(
            () => compileAst(mod, `${c.name}.py`),
            (err: unknown) => {
              assert.ok(err instanceof PySyntaxError, `expected PySyntaxError, got ${String(err)}`);
              assert.deepEqual([err.type, err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset], [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]);
              return true;
            },
          );
        });
      }
    }
  }
});
