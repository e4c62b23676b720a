import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None, PyTuple } from '../../objects/values.js';
import { mangle } from '../../symtable/mangle.js';
import { NotSupportedError, assertNever } from '../../source/errors.js';
import { PseudoOp } from '../ir.js';
import { compilerAsyncFor, compilerAsyncWith, compilerTry, compilerTryStar, compilerWith, unwindFBlock, unwindFBlockStack } from './exceptions.js';
import { addopBinary, visitExpr, visitExprs } from './expressions.js';
import { compilerClass, compilerFunction } from './functions.js';
import { compilerImport, compilerFromImport } from './imports.js';
import { compilerJumpIf } from './jumps.js';
import { compilerMatch } from './patterns.js';
import { exprAsUnicode } from '../unparse.js';
import { checkForbiddenName, nameop } from './scopes.js';
import { updateStartLocationToMatchAttr } from './calls.js';
import {
  addop,
  addopI,
  addopJ,
  addopJNoline,
  addopName,
  compilerError,
  compilerWarn,
  loadConst,
  newBlockIn,
  popFBlock,
  pushFBlock,
  saveLoc,
  setLoc,
  unsetLoc,
  useNextBlock,
  type Compiler,
} from './unit.js';

/**
 * Code generation for statements: assignments, control flow (if/while/for, break, continue,
 * return), expression statements, raise, assert, annotations, and dispatch to the families
 * that live in their own modules (functions and classes, imports, try/with, match).
 * CPython: Python/compile.c (compiler_visit_stmt and the compiler_* statement functions).
 */

export function visitStmt(c: Compiler, s: ast.stmt): void {
  // Every statement starts at its own location.
  setLoc(c, s);
  switch (s._type) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      return compilerFunction(c, s);
    case 'ClassDef':
      return compilerClass(c, s);
    case 'Return':
      return compilerReturn(c, s);
    case 'Delete':
      return visitExprs(c, s.targets);
    case 'Assign': {
      const n = s.targets.length;
      visitExpr(c, s.value);
      for (let i = 0; i < n; i++) {
        if (i < n - 1) addopI(c, Opcode.COPY, 1);
        visitExpr(c, s.targets[i]);
      }
      return;
    }
    case 'AugAssign':
      return compilerAugassign(c, s);
    case 'AnnAssign':
      return compilerAnnassign(c, s);
    case 'For':
      return compilerFor(c, s);
    case 'While':
      return compilerWhile(c, s);
    case 'If':
      return compilerIf(c, s);
    case 'Match':
      return compilerMatch(c, s);
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      addopI(c, Opcode.RAISE_VARARGS, n);
      return;
    }
    case 'Try':
      return compilerTry(c, s);
    case 'TryStar':
      return compilerTryStar(c, s);
    case 'Assert':
      return compilerAssert(c, s);
    case 'Import':
      return compilerImport(c, s);
    case 'ImportFrom':
      return compilerFromImport(c, s);
    case 'Global':
    case 'Nonlocal':
      return;
    case 'Expr':
      return compilerStmtExpr(c, s.value);
    case 'Pass':
      addop(c, Opcode.NOP);
      return;
    case 'Break':
      return compilerBreak(c);
    case 'Continue':
      return compilerContinue(c);
    case 'With':
      return compilerWith(c, s, 0);
    case 'AsyncWith':
      return compilerAsyncWith(c, s, 0);
    case 'AsyncFor':
      return compilerAsyncFor(c, s);
    default:
      return assertNever(s, 'statement');
  }
}

export function visitStmts(c: Compiler, stmts: ast.stmt[]): void {
  for (const s of stmts) visitStmt(c, s);
}

function compilerStmtExpr(c: Compiler, value: ast.expr): void {
  if (c.interactive && c.nestlevel <= 1) {
    visitExpr(c, value);
    addop(c, Opcode.PRINT_EXPR);
    return;
  }
  if (value._type === 'Constant') {
    // A constant statement does nothing, but keeps its line.
    addop(c, Opcode.NOP);
    return;
  }
  visitExpr(c, value);
  unsetLoc(c);
  addop(c, Opcode.POP_TOP);
}

function compilerIf(c: Compiler, s: ast.If): void {
  const end = newBlockIn(c);
  const next = s.orelse.length ? newBlockIn(c) : end;
  compilerJumpIf(c, s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length) {
    addopJNoline(c, PseudoOp.JUMP, end);
    useNextBlock(c, next);
    visitStmts(c, s.orelse);
  }
  useNextBlock(c, end);
}

function compilerFor(c: Compiler, s: ast.For): void {
  const start = newBlockIn(c);
  const body = newBlockIn(c);
  const cleanup = newBlockIn(c);
  const end = newBlockIn(c);
  pushFBlock(c, 'FOR_LOOP', start, end, null);
  visitExpr(c, s.iter);
  addop(c, Opcode.GET_ITER);
  useNextBlock(c, start);
  addopJ(c, Opcode.FOR_ITER, cleanup);
  useNextBlock(c, body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  // The jump back is artificial.
  unsetLoc(c);
  addopJ(c, PseudoOp.JUMP, start);
  useNextBlock(c, cleanup);
  popFBlock(c, 'FOR_LOOP', start);
  visitStmts(c, s.orelse);
  useNextBlock(c, end);
}

function compilerWhile(c: Compiler, s: ast.While): void {
  const loop = newBlockIn(c);
  const body = newBlockIn(c);
  const anchor = newBlockIn(c);
  const end = newBlockIn(c);
  useNextBlock(c, loop);
  pushFBlock(c, 'WHILE_LOOP', loop, end, null);
  compilerJumpIf(c, s.test, anchor, false);
  useNextBlock(c, body);
  visitStmts(c, s.body);
  // The test is repeated at the bottom of the loop.
  setLoc(c, s);
  compilerJumpIf(c, s.test, body, true);
  popFBlock(c, 'WHILE_LOOP', loop);
  useNextBlock(c, anchor);
  visitStmts(c, s.orelse);
  useNextBlock(c, end);
}

function compilerReturn(c: Compiler, s: ast.Return): void {
  const value = s.value;
  const preserveTos = value !== null && value._type !== 'Constant';
  if (c.u.ste.type !== 'FunctionBlock') compilerError(c, "'return' outside function");
  if (value !== null && c.u.ste.coroutine && c.u.ste.generator) compilerError(c, "'return' with value in async generator");
  if (preserveTos) {
    visitExpr(c, value);
  } else if (value !== null) {
    // An instruction with the line of the returned constant.
    setLoc(c, value);
    addop(c, Opcode.NOP);
  }
  if (value === null || value.lineno !== s.lineno) {
    setLoc(c, s);
    addop(c, Opcode.NOP);
  }
  unwindFBlockStack(c, preserveTos, false);
  if (value === null) loadConst(c, None);
  else if (!preserveTos) loadConst(c, (value as ast.Constant).value);
  addop(c, Opcode.RETURN_VALUE);
}

function compilerBreak(c: Compiler): void {
  const loc = saveLoc(c);
  addop(c, Opcode.NOP);
  const loop = unwindFBlockStack(c, false, true);
  if (loop === null) {
    setLoc(c, loc);
    compilerError(c, "'break' outside loop");
  }
  unwindFBlock(c, loop, false);
  addopJ(c, PseudoOp.JUMP, loop.exit!);
}

function compilerContinue(c: Compiler): void {
  const loc = saveLoc(c);
  addop(c, Opcode.NOP);
  const loop = unwindFBlockStack(c, false, true);
  if (loop === null) {
    setLoc(c, loc);
    compilerError(c, "'continue' not properly in loop");
  }
  addopJ(c, PseudoOp.JUMP, loop.block!);
}

function compilerAugassign(c: Compiler, s: ast.AugAssign): void {
  const e = s.target;
  const old = saveLoc(c);
  setLoc(c, e);
  switch (e._type) {
    case 'Attribute':
      visitExpr(c, e.value);
      addopI(c, Opcode.COPY, 1);
      updateStartLocationToMatchAttr(c, e);
      addopName(c, Opcode.LOAD_ATTR, e.attr);
      break;
    case 'Subscript':
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      addopI(c, Opcode.COPY, 2);
      addopI(c, Opcode.COPY, 2);
      addop(c, Opcode.BINARY_SUBSCR);
      break;
    case 'Name':
      nameop(c, e.id, 'Load');
      break;
    default:
      throw new NotSupportedError(`augmented assignment to ${e._type}`, s.lineno);
  }
  setLoc(c, old);
  visitExpr(c, s.value);
  addopBinary(c, s.op, true);
  setLoc(c, e);
  switch (e._type) {
    case 'Attribute':
      updateStartLocationToMatchAttr(c, e);
      addopI(c, Opcode.SWAP, 2);
      addopName(c, Opcode.STORE_ATTR, e.attr);
      return;
    case 'Subscript':
      addopI(c, Opcode.SWAP, 3);
      addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.STORE_SUBSCR);
      return;
    case 'Name':
      nameop(c, e.id, 'Store');
      return;
  }
}

function checkAnnExpr(c: Compiler, e: ast.expr): void {
  visitExpr(c, e);
  addop(c, Opcode.POP_TOP);
}

function checkAnnSubscr(c: Compiler, e: ast.expr): void {
  switch (e._type) {
    case 'Slice':
      if (e.lower) checkAnnExpr(c, e.lower);
      if (e.upper) checkAnnExpr(c, e.upper);
      if (e.step) checkAnnExpr(c, e.step);
      return;
    case 'Tuple':
      for (const elt of e.elts) checkAnnSubscr(c, elt);
      return;
    default:
      checkAnnExpr(c, e);
  }
}

const CO_FUTURE_ANNOTATIONS = 0x1000000;

function compilerAnnassign(c: Compiler, s: ast.AnnAssign): void {
  const targ = s.target;
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  const moduleOrClass = c.u.scopeType === 'module' || c.u.scopeType === 'class';
  switch (targ._type) {
    case 'Name':
      checkForbiddenName(c, targ.id, 'Store');
      if (s.simple && moduleOrClass) {
        if (c.futureFeatures & CO_FUTURE_ANNOTATIONS) loadConst(c, exprAsUnicode(s.annotation));
        else visitExpr(c, s.annotation);
        addopName(c, Opcode.LOAD_NAME, '__annotations__');
        loadConst(c, mangledTarget(c, targ.id));
        addop(c, Opcode.STORE_SUBSCR);
      }
      break;
    case 'Attribute':
      checkForbiddenName(c, targ.attr, 'Store');
      if (!s.value) checkAnnExpr(c, targ.value);
      break;
    case 'Subscript':
      if (!s.value) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
    default:
      throw new NotSupportedError(`annotated assignment to ${targ._type}`, s.lineno);
  }
  // Complex targets evaluate the annotation last, in modules and classes only.
  if (!s.simple && !(c.futureFeatures & CO_FUTURE_ANNOTATIONS) && moduleOrClass) checkAnnExpr(c, s.annotation);
}

function mangledTarget(c: Compiler, name: string): string {
  return mangle(c.u.private_, name);
}

function compilerAssert(c: Compiler, s: ast.Assert): void {
  const t = s.test;
  if ((t._type === 'Tuple' && t.elts.length > 0) || (t._type === 'Constant' && t.value instanceof PyTuple && t.value.items.length > 0)) {
    compilerWarn(c, 'assertion is always true, perhaps remove parentheses?');
  }
  if (c.optimize) return;
  const end = newBlockIn(c);
  compilerJumpIf(c, s.test, end, true);
  addop(c, Opcode.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    addopI(c, Opcode.PRECALL, 0);
    addopI(c, Opcode.CALL, 0);
  }
  addopI(c, Opcode.RAISE_VARARGS, 1);
  useNextBlock(c, end);
}
