import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeObject, coPositions, decodeExceptionTable, flattenCode } from '../../../core/index.js';
import { codeFromJson, listCases, type CodeJson } from '../../support/goldens.js';

describe('coPositions', () => {
  for (const c of listCases()) {
    const golden = c.expected('.code.json');
    if (golden === null) continue;
    it(`decodes every position of ${c.area}/${c.name} as CPython's co_positions()`, () => {
      const walk = (j: CodeJson): void => {
        const code = codeFromJson(j);
        const got = coPositions(code).map((p) => [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]);
        assert.deepEqual(got, j.co_positions, j.co_qualname);
        for (const k of j.co_consts) if ('code' in k) walk(k.code);
      };
      walk(JSON.parse(golden) as CodeJson);
    });
  }
});

describe('decodeExceptionTable', () => {
  it('decodes start, end, target, depth and lasti in bytes', () => {
    // One entry: start 2, length 3, target 8, depth 1 with lasti -> units; first byte flagged with 0x80.
    const table = new Uint8Array([0x80 | 2, 3, 8, (1 << 1) | 1]);
    assert.deepEqual(decodeExceptionTable(table), [{ start: 4, end: 10, target: 16, depth: 1, lasti: true }]);
  });
  it('reads multi-chunk varints most significant first', () => {
    const table = new Uint8Array([0x80 | 0x40 | 1, 5, 1, 0x40 | 1, 2, 0]);
    assert.deepEqual(decodeExceptionTable(table), [{ start: 138, end: 140, target: 132, depth: 0, lasti: false }]);
  });
});

describe('flattenCode', () => {
  it('lists nested code objects depth-first in co_consts order', () => {
    const golden = listCases('programs').find((c) => c.name === 'walkthrough')!.expected('.code.json')!;
    const names = flattenCode(codeFromJson(JSON.parse(golden) as CodeJson)).map((c: CodeObject) => c.co_name);
    assert.deepEqual(names, ['<module>', 'fib', 'describe']);
  });
});
