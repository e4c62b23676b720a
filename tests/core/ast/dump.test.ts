import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Expression, Expr } from '../../../core/ast/nodes.generated.js';
import { dumpAst } from '../../../core/ast/dump.js';
import { parse } from '../../../core/parser/index.js';

// Every expected string is what Lib/ast.py's dump prints for the same source.
describe('dumpAst', () => {
  const tree = parse('def f(a, *, b=1, c): return a if b else None\nx: int', 't.py');

  it('prints fields in ASDL order, leaving out None only for optional fields', () => {
    assert.equal(
      dumpAst(tree),
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[arg(arg='b'), arg(arg='c')], kw_defaults=[Constant(value=1), None], defaults=[]), body=[Return(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Constant(value=None)))], decorator_list=[]), AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], type_ignores=[])",
    );
  });

  it('pretty-prints with an indent, keeping short simple nodes on one line', () => {
    assert.equal(
      dumpAst(tree, { indent: 2 }),
      "Module(\n  body=[\n    FunctionDef(\n      name='f',\n      args=arguments(\n        posonlyargs=[],\n        args=[\n          arg(arg='a')],\n        kwonlyargs=[\n          arg(arg='b'),\n          arg(arg='c')],\n        kw_defaults=[\n          Constant(value=1),\n          None],\n        defaults=[]),\n      body=[\n        Return(\n          value=IfExp(\n            test=Name(id='b', ctx=Load()),\n            body=Name(id='a', ctx=Load()),\n            orelse=Constant(value=None)))],\n      decorator_list=[]),\n    AnnAssign(\n      target=Name(id='x', ctx=Store()),\n      annotation=Name(id='int', ctx=Load()),\n      simple=1)],\n  type_ignores=[])",
    );
  });

  it('appends position attributes and accepts a string indent', () => {
    assert.equal(
      dumpAst(parse('x = [1, 2]', 't.py'), { indent: '\t', includeAttributes: true }),
      "Module(\n\tbody=[\n\t\tAssign(\n\t\t\ttargets=[\n\t\t\t\tName(\n\t\t\t\t\tid='x',\n\t\t\t\t\tctx=Store(),\n\t\t\t\t\tlineno=1,\n\t\t\t\t\tcol_offset=0,\n\t\t\t\t\tend_lineno=1,\n\t\t\t\t\tend_col_offset=1)],\n\t\t\tvalue=List(\n\t\t\t\telts=[\n\t\t\t\t\tConstant(\n\t\t\t\t\t\tvalue=1,\n\t\t\t\t\t\tlineno=1,\n\t\t\t\t\t\tcol_offset=5,\n\t\t\t\t\t\tend_lineno=1,\n\t\t\t\t\t\tend_col_offset=6),\n\t\t\t\t\tConstant(\n\t\t\t\t\t\tvalue=2,\n\t\t\t\t\t\tlineno=1,\n\t\t\t\t\t\tcol_offset=8,\n\t\t\t\t\t\tend_lineno=1,\n\t\t\t\t\t\tend_col_offset=9)],\n\t\t\t\tctx=Load(),\n\t\t\t\tlineno=1,\n\t\t\t\tcol_offset=4,\n\t\t\t\tend_lineno=1,\n\t\t\t\tend_col_offset=10),\n\t\t\tlineno=1,\n\t\t\tcol_offset=0,\n\t\t\tend_lineno=1,\n\t\t\tend_col_offset=10)],\n\ttype_ignores=[])",
    );
  });

  it('omits field names unless a field was left out before', () => {
    assert.equal(dumpAst(parse('import a.b as c', 't.py'), { annotateFields: false }), "Module([Import([alias('a.b', 'c')])], [])");
    const call = (parse('f(*a, k=1, **b)', 't.py').body[0] as Expr).value;
    const expression: Expression = { _type: 'Expression', body: call };
    assert.equal(
      dumpAst(expression, { annotateFields: false, indent: 1 }),
      "Expression(\n Call(\n  Name('f', Load()),\n  [\n   Starred(\n    Name('a', Load()),\n    Load())],\n  [\n   keyword(\n    'k',\n    Constant(1)),\n   keyword(\n    value=Name('b', Load()))]))",
    );
  });

  it('prints constants with their repr', () => {
    assert.equal(
      dumpAst(parse('x = 1.5 + 2j - 3.0e20 + b"\\xff\'" + ...', 't.py')),
      'Module(body=[Assign(targets=[Name(id=\'x\', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1.5), op=Add(), right=Constant(value=2j)), op=Sub(), right=Constant(value=3e+20)), op=Add(), right=Constant(value=b"\\xff\'")), op=Add(), right=Constant(value=Ellipsis)))], type_ignores=[])',
    );
    assert.equal(dumpAst(parse('"a\\tb\\x00\\u00e9" u"x"', 't.py')), "Module(body=[Expr(value=Constant(value='a\\tb\\x00éx'))], type_ignores=[])");
  });
});
