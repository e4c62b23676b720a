import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { type BasicBlock, PseudoOp } from '../ir.js';
import { checkCompare } from './checks.js';
import { addCompare, visitExpr } from './expressions.js';
import { addop, addopI, addopJ, addopJNoline, newBlockIn, setLoc, useNextBlock, type Compiler } from './unit.js';

/**
 * Compiles a condition as control flow: jumps to `next` when the truth of `e` equals `cond`,
 * falls through otherwise. `not`, `and`/`or`, conditional expressions and chained comparisons
 * become jumps instead of values.
 * CPython: Python/compile.c (compiler_jump_if).
 */
export function compilerJumpIf(c: Compiler, e: ast.expr, next: BasicBlock, cond: boolean): void {
  switch (e._type) {
    case 'UnaryOp':
      if (e.op === 'Not') return compilerJumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const s = e.values;
      const n = s.length - 1;
      const cond2 = e.op === 'Or';
      let next2 = next;
      if (cond2 !== cond) next2 = newBlockIn(c);
      for (let i = 0; i < n; i++) compilerJumpIf(c, s[i], next2, cond2);
      compilerJumpIf(c, s[n], next, cond);
      if (next2 !== next) useNextBlock(c, next2);
      return;
    }
    case 'IfExp': {
      const end = newBlockIn(c);
      const next2 = newBlockIn(c);
      compilerJumpIf(c, e.test, next2, false);
      compilerJumpIf(c, e.body, next, cond);
      addopJNoline(c, PseudoOp.JUMP, end);
      useNextBlock(c, next2);
      compilerJumpIf(c, e.orelse, next, cond);
      useNextBlock(c, end);
      return;
    }
    case 'Compare': {
      setLoc(c, e);
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = newBlockIn(c);
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          addopI(c, Opcode.SWAP, 2);
          addopI(c, Opcode.COPY, 2);
          addCompare(c, e.ops[i]);
          addopJ(c, PseudoOp.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        addopJ(c, cond ? PseudoOp.POP_JUMP_IF_TRUE : PseudoOp.POP_JUMP_IF_FALSE, next);
        const end = newBlockIn(c);
        addopJNoline(c, PseudoOp.JUMP, end);
        useNextBlock(c, cleanup);
        addop(c, Opcode.POP_TOP);
        if (!cond) addopJNoline(c, PseudoOp.JUMP, next);
        useNextBlock(c, end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visitExpr(c, e);
  addopJ(c, cond ? PseudoOp.POP_JUMP_IF_TRUE : PseudoOp.POP_JUMP_IF_FALSE, next);
}
