import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dumpAst } from '../../../core/ast/dump.js';
import { parse } from '../../../core/parser/index.js';
import { astFromJson, listCases } from '../../support/goldens.js';

const cases = [...listCases('parser'), ...listCases('programs')];

describe('parse', () => {
  it('has cases to check', () => {
    assert.ok(cases.filter((c) => c.expected('.ast') !== null).length >= 20);
  });
  for (const c of cases) {
    const golden = c.expected('.ast');
    if (golden === null) continue;
    it(`gives CPython's ast.dump for ${c.area}/${c.name}`, () => {
      const tree = parse(new Uint8Array(readFileSync(c.sourcePath)), `${c.name}.py`, { mode: 'bytes' });
      assert.equal(dumpAst(tree, { includeAttributes: true }) + '\n', golden);
    });
  }
  for (const c of cases) {
    const golden = c.expected('.ast.json');
    if (golden === null) continue;
    it(`builds the same node objects as CPython's tree for ${c.area}/${c.name}`, () => {
      const tree = parse(new Uint8Array(readFileSync(c.sourcePath)), `${c.name}.py`, { mode: 'bytes' });
      assert.deepEqual(plain(tree), plain(astFromJson(JSON.parse(golden))));
    });
  }
});

/**
 * A structural copy that deepEqual can compare whatever built the tree: constants become tagged
 * plain values (bigint, float, complex, bytes, None and Ellipsis keep their identity as tags);
 * an object's allocation serial is not part of its value.
 */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (v instanceof Uint8Array) return { bytes: Array.from(v) };
  if (Array.isArray(v)) return v.map(plain);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'serial') out[k] = plain(x);
  return '_type' in v ? out : { [v.constructor.name]: out };
}
