import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None } from '../../objects/values.js';
import { PseudoOp, type BasicBlock } from '../ir.js';
import { visitExpr } from './expressions.js';
import { nameop } from './scopes.js';
import { visitStmts } from './statements.js';
import {
  addop,
  addopI,
  addopJ,
  addopJNoline,
  addopNoline,
  compilerError,
  loadConst,
  newBlockIn,
  popFBlock,
  pushFBlock,
  setLoc,
  unsetLoc,
  useNextBlock,
  type Compiler,
  type FBlock,
} from './unit.js';

/**
 * Code generation for exception handling and the statements built on it: try/except/else/
 * finally, try/except*, with and async with, async for, and the unwinding that `return`,
 * `break` and `continue` perform when they leave such blocks. Handlers are set up with the
 * SETUP_* pseudo-instructions; the assembler turns them into the exception table.
 * CPython: Python/compile.c (compiler_try_finally, compiler_try_except, compiler_try_star_except,
 * compiler_with, compiler_async_with, compiler_async_for, compiler_unwind_fblock,
 * compiler_unwind_fblock_stack, compiler_add_yield_from).
 */

const CO_COROUTINE_SCOPE = 'async_function';

function callExitWithNones(c: Compiler): void {
  loadConst(c, None);
  loadConst(c, None);
  loadConst(c, None);
  addopI(c, Opcode.PRECALL, 2);
  addopI(c, Opcode.CALL, 2);
}

/** The SEND/YIELD_VALUE loop of `yield from` and `await`. */
export function addYieldFrom(c: Compiler, isAwait: boolean): void {
  const start = newBlockIn(c);
  const resume = newBlockIn(c);
  const exit = newBlockIn(c);
  useNextBlock(c, start);
  addopJ(c, Opcode.SEND, exit);
  useNextBlock(c, resume);
  addop(c, Opcode.YIELD_VALUE);
  addopI(c, Opcode.RESUME, isAwait ? 3 : 2);
  addopJ(c, PseudoOp.JUMP_NO_INTERRUPT, start);
  useNextBlock(c, exit);
}

function popExceptAndReraise(c: Compiler): void {
  addopI(c, Opcode.COPY, 3);
  addop(c, Opcode.POP_EXCEPT);
  addopI(c, Opcode.RERAISE, 1);
}

/** Emits what leaving one frame block takes; `preserveTos` keeps a return value on top. */
export function unwindFBlock(c: Compiler, info: FBlock, preserveTos: boolean): void {
  switch (info.type) {
    case 'WHILE_LOOP':
    case 'EXCEPTION_HANDLER':
    case 'EXCEPTION_GROUP_HANDLER':
    case 'ASYNC_COMPREHENSION_GENERATOR':
      return;
    case 'FOR_LOOP':
      // Pop the iterator.
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.POP_TOP);
      return;
    case 'TRY_EXCEPT':
      addop(c, PseudoOp.POP_BLOCK);
      return;
    case 'FINALLY_TRY':
      // This POP_BLOCK gets the line number of the unwinding statement.
      addop(c, PseudoOp.POP_BLOCK);
      if (preserveTos) pushFBlock(c, 'POP_VALUE', null, null, null);
      visitStmts(c, info.datum as ast.stmt[]);
      if (preserveTos) popFBlock(c, 'POP_VALUE', null);
      // The finally body appears to run after the unwinding statement.
      unsetLoc(c);
      return;
    case 'FINALLY_END':
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.POP_TOP); // exc_value
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      addop(c, PseudoOp.POP_BLOCK);
      addop(c, Opcode.POP_EXCEPT);
      return;
    case 'WITH':
    case 'ASYNC_WITH':
      setLoc(c, info.datum as ast.With);
      addop(c, PseudoOp.POP_BLOCK);
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      callExitWithNones(c);
      if (info.type === 'ASYNC_WITH') {
        addopI(c, Opcode.GET_AWAITABLE, 2);
        loadConst(c, None);
        addYieldFrom(c, true);
      }
      addop(c, Opcode.POP_TOP);
      unsetLoc(c);
      return;
    case 'HANDLER_CLEANUP':
      if (info.datum !== null) addop(c, PseudoOp.POP_BLOCK);
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      addop(c, PseudoOp.POP_BLOCK);
      addop(c, Opcode.POP_EXCEPT);
      if (info.datum !== null) {
        loadConst(c, None);
        nameop(c, info.datum as string, 'Store');
        nameop(c, info.datum as string, 'Del');
      }
      return;
    case 'POP_VALUE':
      if (preserveTos) addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.POP_TOP);
      return;
  }
}

/**
 * Unwinds every frame block, innermost first; with `stopAtLoop`, stops at (and returns) the
 * innermost loop instead. The frame-block stack is left as it was.
 */
export function unwindFBlockStack(c: Compiler, preserveTos: boolean, stopAtLoop: boolean): FBlock | null {
  const fblocks = c.u.fblocks;
  if (fblocks.length === 0) return null;
  const top = fblocks[fblocks.length - 1];
  if (top.type === 'EXCEPTION_GROUP_HANDLER') compilerError(c, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (stopAtLoop && (top.type === 'WHILE_LOOP' || top.type === 'FOR_LOOP')) return top;
  fblocks.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, stopAtLoop);
  fblocks.push(top);
  return loop;
}

export function compilerTry(c: Compiler, s: ast.Try): void {
  if (s.finalbody.length) compilerTryFinally(c, s);
  else compilerTryExcept(c, s);
}

export function compilerTryStar(c: Compiler, s: ast.TryStar): void {
  if (s.finalbody.length) compilerTryFinally(c, s);
  else compilerTryStarExcept(c, s);
}

function compilerTryFinally(c: Compiler, s: ast.Try | ast.TryStar): void {
  const body = newBlockIn(c);
  const end = newBlockIn(c);
  const exit = newBlockIn(c);
  const cleanup = newBlockIn(c);
  // `try` block
  addopJ(c, PseudoOp.SETUP_FINALLY, end);
  useNextBlock(c, body);
  pushFBlock(c, 'FINALLY_TRY', body, end, s.finalbody);
  if (s.handlers.length) {
    if (s._type === 'Try') compilerTryExcept(c, s);
    else compilerTryStarExcept(c, s);
  } else {
    visitStmts(c, s.body);
  }
  addopNoline(c, PseudoOp.POP_BLOCK);
  popFBlock(c, 'FINALLY_TRY', body);
  visitStmts(c, s.finalbody);
  addopJNoline(c, PseudoOp.JUMP, exit);
  // `finally` block
  useNextBlock(c, end);
  unsetLoc(c);
  addopJ(c, PseudoOp.SETUP_CLEANUP, cleanup);
  addop(c, Opcode.PUSH_EXC_INFO);
  pushFBlock(c, 'FINALLY_END', end, null, null);
  visitStmts(c, s.finalbody);
  popFBlock(c, 'FINALLY_END', end);
  addopI(c, Opcode.RERAISE, 0);
  useNextBlock(c, cleanup);
  popExceptAndReraise(c);
  useNextBlock(c, exit);
}

function compilerTryExcept(c: Compiler, s: ast.Try): void {
  const body = newBlockIn(c);
  let except = newBlockIn(c);
  const end = newBlockIn(c);
  const cleanup = newBlockIn(c);
  addopJ(c, PseudoOp.SETUP_FINALLY, except);
  useNextBlock(c, body);
  pushFBlock(c, 'TRY_EXCEPT', body, null, null);
  visitStmts(c, s.body);
  popFBlock(c, 'TRY_EXCEPT', body);
  addopNoline(c, PseudoOp.POP_BLOCK);
  visitStmts(c, s.orelse);
  addopJNoline(c, PseudoOp.JUMP, end);
  const n = s.handlers.length;
  useNextBlock(c, except);
  unsetLoc(c);
  addopJ(c, PseudoOp.SETUP_CLEANUP, cleanup);
  addop(c, Opcode.PUSH_EXC_INFO);
  // The runtime pushes a block here, so account for it.
  pushFBlock(c, 'EXCEPTION_HANDLER', null, null, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    setLoc(c, handler);
    if (!handler.type && i < n - 1) compilerError(c, "default 'except:' must be last");
    except = newBlockIn(c);
    if (handler.type) {
      visitExpr(c, handler.type);
      addop(c, Opcode.CHECK_EXC_MATCH);
      addopJ(c, PseudoOp.POP_JUMP_IF_FALSE, except);
    }
    if (handler.name !== null) {
      const cleanupEnd = newBlockIn(c);
      const cleanupBody = newBlockIn(c);
      nameop(c, handler.name, 'Store');
      // try: body  finally: name = None; del name   (in case the body contains `del name`)
      addopJ(c, PseudoOp.SETUP_CLEANUP, cleanupEnd);
      useNextBlock(c, cleanupBody);
      pushFBlock(c, 'HANDLER_CLEANUP', cleanupBody, null, handler.name);
      visitStmts(c, handler.body);
      popFBlock(c, 'HANDLER_CLEANUP', cleanupBody);
      unsetLoc(c);
      addop(c, PseudoOp.POP_BLOCK);
      addop(c, PseudoOp.POP_BLOCK);
      addop(c, Opcode.POP_EXCEPT);
      loadConst(c, None);
      nameop(c, handler.name, 'Store');
      nameop(c, handler.name, 'Del');
      addopJ(c, PseudoOp.JUMP, end);
      // except:
      useNextBlock(c, cleanupEnd);
      unsetLoc(c);
      loadConst(c, None);
      nameop(c, handler.name, 'Store');
      nameop(c, handler.name, 'Del');
      addopI(c, Opcode.RERAISE, 1);
    } else {
      const cleanupBody = newBlockIn(c);
      addop(c, Opcode.POP_TOP); // exc_value
      useNextBlock(c, cleanupBody);
      pushFBlock(c, 'HANDLER_CLEANUP', cleanupBody, null, null);
      visitStmts(c, handler.body);
      popFBlock(c, 'HANDLER_CLEANUP', cleanupBody);
      unsetLoc(c);
      addop(c, PseudoOp.POP_BLOCK);
      addop(c, Opcode.POP_EXCEPT);
      addopJ(c, PseudoOp.JUMP, end);
    }
    useNextBlock(c, except);
  }
  unsetLoc(c);
  popFBlock(c, 'EXCEPTION_HANDLER', null);
  addopI(c, Opcode.RERAISE, 0);
  useNextBlock(c, cleanup);
  popExceptAndReraise(c);
  useNextBlock(c, end);
}

function compilerTryStarExcept(c: Compiler, s: ast.TryStar): void {
  const body = newBlockIn(c);
  let except = newBlockIn(c);
  const orelse = newBlockIn(c);
  const end = newBlockIn(c);
  const cleanup = newBlockIn(c);
  const reraiseStar = newBlockIn(c);
  addopJ(c, PseudoOp.SETUP_FINALLY, except);
  useNextBlock(c, body);
  pushFBlock(c, 'TRY_EXCEPT', body, null, null);
  visitStmts(c, s.body);
  popFBlock(c, 'TRY_EXCEPT', body);
  addopNoline(c, PseudoOp.POP_BLOCK);
  addopJNoline(c, PseudoOp.JUMP, orelse);
  const n = s.handlers.length;
  useNextBlock(c, except);
  unsetLoc(c);
  addopJ(c, PseudoOp.SETUP_CLEANUP, cleanup);
  addop(c, Opcode.PUSH_EXC_INFO);
  pushFBlock(c, 'EXCEPTION_GROUP_HANDLER', null, null, 'except handler');
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    setLoc(c, handler);
    except = newBlockIn(c);
    const exceptWithError = newBlockIn(c);
    const noMatch = newBlockIn(c);
    if (i === 0) {
      // Keep the original group, and a list for the exceptions raised or re-raised by handlers.
      addopI(c, Opcode.COPY, 1);
      addopI(c, Opcode.BUILD_LIST, 0);
      addopI(c, Opcode.SWAP, 2);
    }
    if (handler.type) {
      visitExpr(c, handler.type);
      addop(c, Opcode.CHECK_EG_MATCH);
      addopI(c, Opcode.COPY, 1);
      addopJ(c, PseudoOp.POP_JUMP_IF_NONE, noMatch);
    }
    const cleanupEnd = newBlockIn(c);
    const cleanupBody = newBlockIn(c);
    if (handler.name !== null) nameop(c, handler.name, 'Store');
    else addop(c, Opcode.POP_TOP); // match
    addopJ(c, PseudoOp.SETUP_CLEANUP, cleanupEnd);
    useNextBlock(c, cleanupBody);
    pushFBlock(c, 'HANDLER_CLEANUP', cleanupBody, null, handler.name);
    visitStmts(c, handler.body);
    popFBlock(c, 'HANDLER_CLEANUP', cleanupBody);
    unsetLoc(c);
    addop(c, PseudoOp.POP_BLOCK);
    if (handler.name !== null) {
      loadConst(c, None);
      nameop(c, handler.name, 'Store');
      nameop(c, handler.name, 'Del');
    }
    addopJ(c, PseudoOp.JUMP, except);
    // except:
    useNextBlock(c, cleanupEnd);
    unsetLoc(c);
    if (handler.name !== null) {
      loadConst(c, None);
      nameop(c, handler.name, 'Store');
      nameop(c, handler.name, 'Del');
    }
    // Add the exception raised to the result list.
    addopI(c, Opcode.LIST_APPEND, 3); // exc
    addop(c, Opcode.POP_TOP); // lasti
    addopJ(c, PseudoOp.JUMP, exceptWithError);
    useNextBlock(c, except);
    addop(c, Opcode.NOP); // holds a propagated location
    addopJ(c, PseudoOp.JUMP, exceptWithError);
    useNextBlock(c, noMatch);
    addop(c, Opcode.POP_TOP); // match (None)
    useNextBlock(c, exceptWithError);
    if (i === n - 1) {
      // Add exc to the list (if not None it is the unhandled part of the group).
      addopI(c, Opcode.LIST_APPEND, 1);
      addopJ(c, PseudoOp.JUMP, reraiseStar);
    }
  }
  unsetLoc(c);
  popFBlock(c, 'EXCEPTION_GROUP_HANDLER', null);
  const reraise = newBlockIn(c);
  useNextBlock(c, reraiseStar);
  addop(c, Opcode.PREP_RERAISE_STAR);
  addopI(c, Opcode.COPY, 1);
  addopJ(c, PseudoOp.POP_JUMP_IF_NOT_NONE, reraise);
  // Nothing to reraise.
  addop(c, Opcode.POP_TOP);
  addop(c, PseudoOp.POP_BLOCK);
  addop(c, Opcode.POP_EXCEPT);
  addopJ(c, PseudoOp.JUMP, end);
  useNextBlock(c, reraise);
  addop(c, PseudoOp.POP_BLOCK);
  addopI(c, Opcode.SWAP, 2);
  addop(c, Opcode.POP_EXCEPT);
  addopI(c, Opcode.RERAISE, 0);
  useNextBlock(c, cleanup);
  popExceptAndReraise(c);
  useNextBlock(c, orelse);
  visitStmts(c, s.orelse);
  useNextBlock(c, end);
}

function withExceptFinish(c: Compiler, cleanup: BasicBlock): void {
  unsetLoc(c);
  const exit = newBlockIn(c);
  addopJ(c, PseudoOp.POP_JUMP_IF_TRUE, exit);
  addopI(c, Opcode.RERAISE, 2);
  useNextBlock(c, cleanup);
  popExceptAndReraise(c);
  useNextBlock(c, exit);
  addop(c, Opcode.POP_TOP); // exc_value
  addop(c, PseudoOp.POP_BLOCK);
  addop(c, Opcode.POP_EXCEPT);
  addop(c, Opcode.POP_TOP);
  addop(c, Opcode.POP_TOP);
}

export function compilerWith(c: Compiler, s: ast.With, pos: number): void {
  const item = s.items[pos];
  const block = newBlockIn(c);
  const final = newBlockIn(c);
  const exit = newBlockIn(c);
  const cleanup = newBlockIn(c);
  visitExpr(c, item.context_expr);
  // Pushes the bound __exit__.
  addop(c, Opcode.BEFORE_WITH);
  addopJ(c, PseudoOp.SETUP_WITH, final);
  useNextBlock(c, block);
  pushFBlock(c, 'WITH', block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else addop(c, Opcode.POP_TOP); // the result of __enter__()
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compilerWith(c, s, pos);
  unsetLoc(c);
  addop(c, PseudoOp.POP_BLOCK);
  popFBlock(c, 'WITH', block);
  // Normal exit: __exit__(None, None, None).
  setLoc(c, s);
  callExitWithNones(c);
  addop(c, Opcode.POP_TOP);
  addopJ(c, PseudoOp.JUMP, exit);
  // Exceptional exit.
  useNextBlock(c, final);
  addopJ(c, PseudoOp.SETUP_CLEANUP, cleanup);
  addop(c, Opcode.PUSH_EXC_INFO);
  addop(c, Opcode.WITH_EXCEPT_START);
  withExceptFinish(c, cleanup);
  useNextBlock(c, exit);
}

function isTopLevelAwait(c: Compiler): boolean {
  void c;
  return false;
}

export function compilerAsyncWith(c: Compiler, s: ast.AsyncWith, pos: number): void {
  const item = s.items[pos];
  if (isTopLevelAwait(c)) c.u.ste.coroutine = true;
  else if (c.u.scopeType !== CO_COROUTINE_SCOPE) compilerError(c, "'async with' outside async function");
  const block = newBlockIn(c);
  const final = newBlockIn(c);
  const exit = newBlockIn(c);
  const cleanup = newBlockIn(c);
  visitExpr(c, item.context_expr);
  addop(c, Opcode.BEFORE_ASYNC_WITH);
  addopI(c, Opcode.GET_AWAITABLE, 1);
  loadConst(c, None);
  addYieldFrom(c, true);
  addopJ(c, PseudoOp.SETUP_WITH, final);
  useNextBlock(c, block);
  pushFBlock(c, 'ASYNC_WITH', block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else addop(c, Opcode.POP_TOP);
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compilerAsyncWith(c, s, pos);
  popFBlock(c, 'ASYNC_WITH', block);
  addop(c, PseudoOp.POP_BLOCK);
  setLoc(c, s);
  callExitWithNones(c);
  addopI(c, Opcode.GET_AWAITABLE, 2);
  loadConst(c, None);
  addYieldFrom(c, true);
  addop(c, Opcode.POP_TOP);
  addopJ(c, PseudoOp.JUMP, exit);
  useNextBlock(c, final);
  addopJ(c, PseudoOp.SETUP_CLEANUP, cleanup);
  addop(c, Opcode.PUSH_EXC_INFO);
  addop(c, Opcode.WITH_EXCEPT_START);
  addopI(c, Opcode.GET_AWAITABLE, 2);
  loadConst(c, None);
  addYieldFrom(c, true);
  withExceptFinish(c, cleanup);
  useNextBlock(c, exit);
}

export function compilerAsyncFor(c: Compiler, s: ast.AsyncFor): void {
  if (isTopLevelAwait(c)) c.u.ste.coroutine = true;
  else if (c.u.scopeType !== CO_COROUTINE_SCOPE) compilerError(c, "'async for' outside async function");
  const start = newBlockIn(c);
  const except = newBlockIn(c);
  const end = newBlockIn(c);
  visitExpr(c, s.iter);
  addop(c, Opcode.GET_AITER);
  useNextBlock(c, start);
  pushFBlock(c, 'FOR_LOOP', start, end, null);
  // SETUP_FINALLY guards the __anext__ call.
  addopJ(c, PseudoOp.SETUP_FINALLY, except);
  addop(c, Opcode.GET_ANEXT);
  loadConst(c, None);
  addYieldFrom(c, true);
  addop(c, PseudoOp.POP_BLOCK);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  unsetLoc(c);
  addopJ(c, PseudoOp.JUMP, start);
  popFBlock(c, 'FOR_LOOP', start);
  useNextBlock(c, except);
  // END_ASYNC_FOR belongs to the `for` line, through the iterator's location.
  setLoc(c, s.iter);
  addop(c, Opcode.END_ASYNC_FOR);
  visitStmts(c, s.orelse);
  useNextBlock(c, end);
}
