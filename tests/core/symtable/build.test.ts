import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CO_FUTURE_ANNOTATIONS, futureFromAst } from '../../../core/compiler/future.js';
import { buildSymtable } from '../../../core/symtable/index.js';
import { DEF_LOCAL, DEF_PARAM, Scope, USE, scopeOf } from '../../../core/symtable/flags.js';
import type { SymbolTableEntry } from '../../../core/symtable/scope.js';
import { astFromJson, listCases } from '../../support/goldens.js';
import { repoRoot } from '../../support/paths.js';

/** A block as scripts/capture-symtable.py records CPython's. */
interface BlockJson {
  name: string;
  type: 'module' | 'function' | 'class';
  lineno: number;
  nested: boolean;
  varnames: string[];
  symbols: Record<string, number>;
  children: BlockJson[];
}

const TYPES = { ModuleBlock: 'module', FunctionBlock: 'function', ClassBlock: 'class', AnnotationBlock: 'annotation' } as const;

function toJson(ste: SymbolTableEntry): BlockJson {
  return {
    name: ste.name,
    type: TYPES[ste.type] as BlockJson['type'],
    lineno: ste.lineno,
    nested: ste.nested,
    varnames: [...ste.varnames],
    symbols: Object.fromEntries(ste.symbols),
    children: ste.children.map(toJson),
  };
}

describe('buildSymtable', () => {
  for (const area of ['compiler', 'programs']) {
    for (const c of listCases(area)) {
      const goldenPath = join(repoRoot, 'tests/core/symtable/goldens', area, `${c.name}.json`);
      const astJson = c.expected('.ast.json');
      if (!existsSync(goldenPath) || astJson === null) continue;
      it(`gives every name of ${area}/${c.name} CPython's flags and scope`, () => {
        const mod = astFromJson(JSON.parse(astJson));
        const future = futureFromAst(mod, `${c.name}.py`);
        const st = buildSymtable(mod, `${c.name}.py`, { futureAnnotations: (future.features & CO_FUTURE_ANNOTATIONS) !== 0 });
        assert.deepEqual(toJson(st.top), JSON.parse(readFileSync(goldenPath, 'utf8')) as BlockJson);
      });
    }
  }

  it('makes a parameter local and a name used in a nested function a cell', () => {
    // def f(a):
    //     def g(): return a
    const mod = astFromJson(
      JSON.parse(
        '{"_type":"Module","body":[{"_type":"FunctionDef","name":"f","args":{"_type":"arguments","posonlyargs":[],"args":[{"_type":"arg","arg":"a","annotation":null,"type_comment":null,"lineno":1,"col_offset":6,"end_lineno":1,"end_col_offset":7}],"vararg":null,"kwonlyargs":[],"kw_defaults":[],"kwarg":null,"defaults":[]},"body":[{"_type":"FunctionDef","name":"g","args":{"_type":"arguments","posonlyargs":[],"args":[],"vararg":null,"kwonlyargs":[],"kw_defaults":[],"kwarg":null,"defaults":[]},"body":[{"_type":"Return","value":{"_type":"Name","id":"a","ctx":"Load","lineno":2,"col_offset":22,"end_lineno":2,"end_col_offset":23},"lineno":2,"col_offset":15,"end_lineno":2,"end_col_offset":23}],"decorator_list":[],"returns":null,"type_comment":null,"lineno":2,"col_offset":4,"end_lineno":2,"end_col_offset":23}],"decorator_list":[],"returns":null,"type_comment":null,"lineno":1,"col_offset":0,"end_lineno":2,"end_col_offset":23}],"type_ignores":[]}',
      ),
    );
    const st = buildSymtable(mod, 'x.py');
    const f = st.top.children[0];
    const g = f.children[0];
    assert.equal(scopeOf(f.getSymbol('a')), Scope.CELL);
    assert.ok(f.getSymbol('a') & DEF_PARAM);
    assert.equal(scopeOf(g.getSymbol('a')), Scope.FREE);
    assert.ok(g.getSymbol('a') & USE);
    assert.equal(scopeOf(f.getSymbol('g')), Scope.LOCAL);
    assert.ok(f.getSymbol('g') & DEF_LOCAL);
    assert.equal(g.nested, true);
  });
});
