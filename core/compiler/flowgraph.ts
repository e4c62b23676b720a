import { Opcode } from '../bytecode/opcodes.generated.js';
import { InternalError } from '../source/errors.js';
import { type BasicBlock, type Instr, PseudoOp, copyInstr, copyLoc, isBlockPush, isJump } from './ir.js';
import { stackEffect } from './stack-effect.js';

/**
 * The control-flow-graph passes that run between code generation and emission: block
 * normalisation and extension, reachability, dead-block removal, duplication of line-less exit
 * blocks, line-number propagation, stack depth, and labelling every instruction with its
 * exception handler. The peephole optimizer proper lives in optimize.ts.
 *
 * Blocks are reached two ways, as in CPython: `entry` then `next` pointers (layout order), and
 * the unit's allocation list walked backwards (`b_list` order), which also sees blocks no
 * longer in the layout.
 * CPython: Python/compile.c (normalize_basic_block, extend_block, mark_reachable,
 * eliminate_empty_basic_blocks, duplicate_exits_without_lineno, propagate_line_numbers,
 * guarantee_lineno_for_exits, stackdepth, label_exception_targets), 3.11.
 */

/** A unit's blocks: allocation order, with the entry block first. */
export interface BlockList {
  readonly blocks: BasicBlock[];
}

// Walks use plain loops (no generators, to allocate nothing): `for (b = entry; b; b = b.next)`
// is layout order; `blocks` from the end is b_list order.

/** Follows `next` past empty blocks. */
function skipEmpty(b: BasicBlock): BasicBlock {
  while (b.instrs.length === 0 && b.next !== null) b = b.next;
  return b;
}

function retargetPastEmpty(i: Instr): void {
  let t = i.target as BasicBlock;
  while (t.instrs.length === 0) t = t.next as BasicBlock;
  i.target = t;
}

/** Marks exit and no-fallthrough blocks; a jump must end its block. */
export function normalizeBasicBlock(b: BasicBlock): void {
  const n = b.instrs.length;
  for (let i = 0; i < n; i++) {
    const instr = b.instrs[i];
    switch (instr.opcode) {
      case Opcode.RETURN_VALUE:
      case Opcode.RAISE_VARARGS:
      case Opcode.RERAISE:
        b.exit = true;
        b.nofallthrough = true;
        break;
      case PseudoOp.JUMP:
      case PseudoOp.JUMP_NO_INTERRUPT:
      case PseudoOp.POP_JUMP_IF_NOT_NONE:
      case PseudoOp.POP_JUMP_IF_NONE:
      case PseudoOp.POP_JUMP_IF_FALSE:
      case PseudoOp.POP_JUMP_IF_TRUE:
      case Opcode.JUMP_IF_FALSE_OR_POP:
      case Opcode.JUMP_IF_TRUE_OR_POP:
      case Opcode.FOR_ITER:
        if (instr.opcode === PseudoOp.JUMP || instr.opcode === PseudoOp.JUMP_NO_INTERRUPT) b.nofallthrough = true;
        if (i !== n - 1) throw new InternalError('malformed control flow graph.');
        retargetPastEmpty(instr);
        break;
    }
  }
}

/** MAX_COPY_SIZE: exit blocks this small are copied rather than jumped to. */
const MAX_COPY_SIZE = 4;

function hasLineno(b: BasicBlock): boolean {
  for (const i of b.instrs) if (i.lineno > 0) return true;
  return false;
}

/** A block ending in an unconditional jump to a small, line-less exit block gets a copy of it. */
export function extendBlock(b: BasicBlock): void {
  const n = b.instrs.length;
  if (n === 0) return;
  const last = b.instrs[n - 1];
  if (last.opcode !== PseudoOp.JUMP && last.opcode !== Opcode.JUMP_FORWARD && last.opcode !== Opcode.JUMP_BACKWARD) return;
  const target = last.target as BasicBlock;
  if (target.exit && target.instrs.length <= MAX_COPY_SIZE) {
    // Copy only blocks without line numbers (such as an implicit `return None`).
    if (hasLineno(target)) return;
    last.opcode = Opcode.NOP;
    for (const i of target.instrs) b.instrs.push(copyInstr(i));
    b.exit = true;
  }
}

/** Counts predecessors of every block reachable from the entry (jump and SETUP_* targets count). */
export function markReachable(entry: BasicBlock): void {
  const stack: BasicBlock[] = [entry];
  entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop() as BasicBlock;
    if (b.next !== null && !b.nofallthrough) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const i of b.instrs) {
      if (isJump(i) || isBlockPush(i)) {
        const target = i.target as BasicBlock;
        if (target.predecessors === 0) stack.push(target);
        target.predecessors++;
      }
    }
  }
}

/** Unlinks empty blocks from the layout and retargets jumps past them. */
export function eliminateEmptyBasicBlocks(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.next !== null) b.next = skipEmpty(b.next);
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const n = b.instrs.length;
    if (n === 0) continue;
    const last = b.instrs[n - 1];
    if (isJump(last)) retargetPastEmpty(last);
  }
}

function isExitWithoutLineno(b: BasicBlock): boolean {
  if (!b.exit) return false;
  for (const i of b.instrs) if (i.lineno >= 0) return false;
  return true;
}

/**
 * Copies every line-less exit block reached by more than one jump, one copy per jump, so each
 * can inherit its single predecessor's line (PEP 626: every return and raise has a line).
 */
export function duplicateExitsWithoutLineno(g: BlockList & { allocBlock(): BasicBlock }): void {
  const snapshot = g.blocks.slice().reverse();
  for (const b of snapshot) {
    const n = b.instrs.length;
    if (n === 0) continue;
    const last = b.instrs[n - 1];
    if (!isJump(last)) continue;
    const target = last.target as BasicBlock;
    if (isExitWithoutLineno(target) && target.predecessors > 1) {
      const copy = g.allocBlock();
      for (const i of target.instrs) copy.instrs.push(copyInstr(i));
      copy.exit = target.exit;
      copy.nofallthrough = true;
      copyLoc(last, copy.instrs[0]);
      last.target = copy;
      target.predecessors--;
      copy.predecessors = 1;
      copy.next = target.next;
      target.next = copy;
    }
  }
  for (let k = g.blocks.length - 1, b = g.blocks[k]; k >= 0; b = g.blocks[--k]) {
    while (b.next !== null && b.next.instrs.length === 0) b.next = b.next.next;
  }
  // The remaining line-less exit blocks are reached only by falling through.
  for (let k = g.blocks.length - 1, b = g.blocks[k]; k >= 0; b = g.blocks[--k]) {
    if (!b.nofallthrough && b.next !== null && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      copyLoc(b.instrs[b.instrs.length - 1], b.next.instrs[0]);
    }
  }
}

/**
 * An instruction without a line takes its predecessor's in the block; a successor block with
 * one predecessor and no line on its first instruction takes the block's last line.
 */
export function propagateLineNumbers(entry: BasicBlock): void {
  const prev = { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const n = b.instrs.length;
    if (n === 0) continue;
    prev.lineno = prev.end_lineno = prev.col_offset = prev.end_col_offset = -1;
    for (const i of b.instrs) {
      if (i.lineno < 0) {
        i.lineno = prev.lineno;
        i.end_lineno = prev.end_lineno;
        i.col_offset = prev.col_offset;
        i.end_col_offset = prev.end_col_offset;
      } else {
        prev.lineno = i.lineno;
        prev.end_lineno = i.end_lineno;
        prev.col_offset = i.col_offset;
        prev.end_col_offset = i.end_col_offset;
      }
    }
    if (!b.nofallthrough && (b.next as BasicBlock).predecessors === 1) {
      const first = (b.next as BasicBlock).instrs[0];
      if (first.lineno < 0) copyPrev(prev, first);
    }
    const last = b.instrs[n - 1];
    if (isJump(last)) {
      const target = last.target as BasicBlock;
      if (target.predecessors === 1 && target.instrs[0].lineno < 0) copyPrev(prev, target.instrs[0]);
    }
  }
}

function copyPrev(prev: { lineno: number; end_lineno: number; col_offset: number; end_col_offset: number }, to: Instr): void {
  to.lineno = prev.lineno;
  to.end_lineno = prev.end_lineno;
  to.col_offset = prev.col_offset;
  to.end_col_offset = prev.end_col_offset;
}

/** Every return gets some line, even where propagation failed (only the line is set). */
export function guaranteeLinenoForExits(entry: BasicBlock, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const n = b.instrs.length;
    if (n === 0) continue;
    const last = b.instrs[n - 1];
    if (last.lineno < 0) {
      if (last.opcode === Opcode.RETURN_VALUE) for (const i of b.instrs) i.lineno = lineno;
    } else {
      lineno = last.lineno;
    }
  }
}

/**
 * The largest stack depth on any path, by depth-first search from the entry block (generators
 * start at depth 1). Block start depths are recorded for the exception table.
 */
export function stackdepth(g: BlockList, isGenerator: boolean): number {
  for (const b of g.blocks) b.startdepth = -2147483648;
  const entry = g.blocks[0];
  const stack: BasicBlock[] = [];
  const push = (b: BasicBlock, depth: number): void => {
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  let maxdepth = 0;
  push(entry, isGenerator ? 1 : 0);
  while (stack.length) {
    const b = stack.pop() as BasicBlock;
    let depth = b.startdepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const effect = stackEffect(instr.opcode, instr.oparg, false);
      if (effect === null) throw new InternalError(`compiler stack_effect(opcode=${instr.opcode}, arg=${instr.oparg}) failed`);
      const newDepth = depth + effect;
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJump(instr) || isBlockPush(instr)) {
        const targetDepth = depth + (stackEffect(instr.opcode, instr.oparg, true) as number);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target as BasicBlock, targetDepth);
      }
      depth = newDepth;
      const op = instr.opcode;
      if (op === PseudoOp.JUMP_NO_INTERRUPT || op === PseudoOp.JUMP || op === Opcode.RETURN_VALUE || op === Opcode.RAISE_VARARGS || op === Opcode.RERAISE) {
        // The rest of the block is dead.
        next = null;
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}

/** Gives every instruction its innermost exception handler (`except`), following SETUP_* and POP_BLOCK along every path. */
export function labelExceptionTargets(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  const todo: BasicBlock[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop() as BasicBlock;
    const stack = b.exceptStack;
    b.exceptStack = null;
    if (stack === null) throw new InternalError('block without exception stack');
    let handler: BasicBlock | null = stack.length ? stack[stack.length - 1] : null;
    const n = b.instrs.length;
    for (let k = 0; k < n; k++) {
      const instr = b.instrs[k];
      if (isBlockPush(instr)) {
        const target = instr.target as BasicBlock;
        if (!target.visited) {
          target.exceptStack = stack.slice();
          todo.push(target);
          target.visited = true;
        }
        if (instr.opcode === PseudoOp.SETUP_WITH || instr.opcode === PseudoOp.SETUP_CLEANUP) target.preserveLasti = true;
        stack.push(target);
        handler = target;
      } else if (instr.opcode === PseudoOp.POP_BLOCK) {
        stack.pop();
        handler = stack.length ? stack[stack.length - 1] : null;
      } else if (isJump(instr)) {
        instr.except = handler;
        const target = instr.target as BasicBlock;
        if (!target.visited) {
          // The jump ends the block: without a fall-through edge, the target can take our stack.
          target.exceptStack = b.nofallthrough ? stack : stack.slice();
          todo.push(target);
          target.visited = true;
        }
      } else {
        instr.except = handler;
      }
    }
    if (!b.nofallthrough && !(b.next as BasicBlock).visited) {
      const next = b.next as BasicBlock;
      next.exceptStack = stack;
      todo.push(next);
      next.visited = true;
    }
  }
}

/** SETUP_* and POP_BLOCK have done their job: they become NOPs. */
export function convertExceptionHandlersToNops(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) if (isBlockPush(i) || i.opcode === PseudoOp.POP_BLOCK) i.opcode = Opcode.NOP;
  }
}

