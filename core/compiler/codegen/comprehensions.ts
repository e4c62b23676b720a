import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None } from '../../objects/values.js';
import { assertNever } from '../../source/errors.js';
import { PseudoOp, type BasicBlock } from '../ir.js';
import { assembleUnit } from '../assemble.js';
import { addYieldFrom } from './exceptions.js';
import { visitExpr } from './expressions.js';
import { addopYield, makeClosure } from './functions.js';
import { compilerJumpIf } from './jumps.js';
import { enterScope, exitScope } from './scopes.js';
import { addop, addopI, addopJ, compilerError, loadConst, newBlockIn, popFBlock, pushFBlock, setLoc, useNextBlock, type Compiler } from './unit.js';

/**
 * Code generation for comprehensions and generator expressions. In 3.11 each is a nested
 * function: the outermost iterable is evaluated outside and passed in as `.0`; the body loops,
 * filters and appends (or yields).
 * CPython: Python/compile.c (compiler_comprehension, compiler_sync_comprehension_generator,
 * compiler_async_comprehension_generator).
 */

type Comp = ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp;

function generator(c: Compiler, e: Comp, gens: ast.comprehension[], index: number, depth: number, elt: ast.expr, val: ast.expr | null): void {
  if (gens[index].is_async) asyncGenerator(c, e, gens, index, depth, elt, val);
  else syncGenerator(c, e, gens, index, depth, elt, val);
}

/** The innermost step: append to the result (or yield). */
function emitElement(c: Compiler, e: Comp, depth: number, elt: ast.expr, val: ast.expr | null): void {
  switch (e._type) {
    case 'GeneratorExp':
      visitExpr(c, elt);
      addopYield(c);
      addop(c, Opcode.POP_TOP);
      return;
    case 'ListComp':
      visitExpr(c, elt);
      addopI(c, Opcode.LIST_APPEND, depth + 1);
      return;
    case 'SetComp':
      visitExpr(c, elt);
      addopI(c, Opcode.SET_ADD, depth + 1);
      return;
    case 'DictComp':
      // The key is evaluated before the value.
      visitExpr(c, elt);
      visitExpr(c, val as ast.expr);
      addopI(c, Opcode.MAP_ADD, depth + 1);
      return;
    default:
      return assertNever(e, 'comprehension');
  }
}

function syncGenerator(c: Compiler, e: Comp, gens: ast.comprehension[], index: number, depth: number, elt: ast.expr, val: ast.expr | null): void {
  let start: BasicBlock | null = newBlockIn(c);
  const ifCleanup = newBlockIn(c);
  const anchor = newBlockIn(c);
  const gen = gens[index];
  if (index === 0) {
    // The outermost iterator arrives as the implicit argument `.0`.
    c.u.argcount = 1;
    addopI(c, Opcode.LOAD_FAST, 0);
  } else {
    // `for y in [f(x)]` just binds y.
    const elts = gen.iter._type === 'List' || gen.iter._type === 'Tuple' ? gen.iter.elts : null;
    if (elts !== null && elts.length === 1 && elts[0]._type !== 'Starred') {
      visitExpr(c, elts[0]);
      start = null;
    }
    if (start) {
      visitExpr(c, gen.iter);
      addop(c, Opcode.GET_ITER);
    }
  }
  if (start) {
    depth++;
    useNextBlock(c, start);
    addopJ(c, Opcode.FOR_ITER, anchor);
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) compilerJumpIf(c, cond, ifCleanup, false);
  if (++index < gens.length) generator(c, e, gens, index, depth, elt, val);
  if (index >= gens.length) emitElement(c, e, depth, elt, val);
  useNextBlock(c, ifCleanup);
  if (start) {
    addopJ(c, PseudoOp.JUMP, start);
    useNextBlock(c, anchor);
  }
}

function asyncGenerator(c: Compiler, e: Comp, gens: ast.comprehension[], index: number, depth: number, elt: ast.expr, val: ast.expr | null): void {
  const start = newBlockIn(c);
  const except = newBlockIn(c);
  const ifCleanup = newBlockIn(c);
  const gen = gens[index];
  if (index === 0) {
    c.u.argcount = 1;
    addopI(c, Opcode.LOAD_FAST, 0);
  } else {
    visitExpr(c, gen.iter);
    addop(c, Opcode.GET_AITER);
  }
  useNextBlock(c, start);
  pushFBlock(c, 'ASYNC_COMPREHENSION_GENERATOR', start, null, null);
  addopJ(c, PseudoOp.SETUP_FINALLY, except);
  addop(c, Opcode.GET_ANEXT);
  loadConst(c, None);
  addYieldFrom(c, true);
  addop(c, PseudoOp.POP_BLOCK);
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) compilerJumpIf(c, cond, ifCleanup, false);
  depth++;
  if (++index < gens.length) generator(c, e, gens, index, depth, elt, val);
  if (index >= gens.length) emitElement(c, e, depth, elt, val);
  useNextBlock(c, ifCleanup);
  addopJ(c, PseudoOp.JUMP, start);
  popFBlock(c, 'ASYNC_COMPREHENSION_GENERATOR', start);
  useNextBlock(c, except);
  addop(c, Opcode.END_ASYNC_FOR);
}

const NAMES = { GeneratorExp: '<genexpr>', ListComp: '<listcomp>', SetComp: '<setcomp>', DictComp: '<dictcomp>' } as const;

export function compilerComprehension(c: Compiler, e: Comp): void {
  const outermost = e.generators[0];
  const outerScope = c.u.scopeType;
  enterScope(c, NAMES[e._type], 'comprehension', e, e.lineno);
  setLoc(c, e);
  const isAsyncGenerator = c.u.ste.coroutine;
  if (isAsyncGenerator && e._type !== 'GeneratorExp' && outerScope !== 'async_function' && outerScope !== 'comprehension') {
    compilerError(c, 'asynchronous comprehension outside of an asynchronous function');
  }
  if (e._type !== 'GeneratorExp') addopI(c, e._type === 'ListComp' ? Opcode.BUILD_LIST : e._type === 'SetComp' ? Opcode.BUILD_SET : Opcode.BUILD_MAP, 0);
  const elt = e._type === 'DictComp' ? e.key : e.elt;
  const val = e._type === 'DictComp' ? e.value : null;
  generator(c, e, e.generators, 0, 0, elt, val);
  if (e._type !== 'GeneratorExp') addop(c, Opcode.RETURN_VALUE);
  const co = assembleUnit(c, true);
  exitScope(c);
  makeClosure(c, co, 0);
  visitExpr(c, outermost.iter);
  addop(c, outermost.is_async ? Opcode.GET_AITER : Opcode.GET_ITER);
  addopI(c, Opcode.PRECALL, 0);
  addopI(c, Opcode.CALL, 0);
  if (isAsyncGenerator && e._type !== 'GeneratorExp') {
    addopI(c, Opcode.GET_AWAITABLE, 0);
    loadConst(c, None);
    addYieldFrom(c, true);
  }
}
