import { Opcode } from '../bytecode/opcodes.generated.js';
import { PyTuple, None, type PyValue } from '../objects/values.js';
import { InternalError } from '../source/errors.js';
import { truthy } from './ast-opt/const-ops.js';
import type { ConstCache } from './const-cache.js';
import { eliminateEmptyBasicBlocks, extendBlock, markReachable, type BlockList } from './flowgraph.js';
import { type BasicBlock, type Instr, PseudoOp, copyLoc, isBlockPush, isJump } from './ir.js';

/**
 * The peephole optimizer over the control-flow graph: constant conditions, `is None` tests,
 * tuple building/unpacking, constant tuples, jump threading, SWAP minimisation, PUSH_NULL
 * fusion into LOAD_GLOBAL, NOP removal, dead-block removal and redundant jumps, then trimming of
 * trailing unused constants. `consts` is the co_consts list under construction: folded tuples
 * are appended to it.
 * CPython: Python/compile.c (optimize_cfg, optimize_basic_block, fold_tuple_on_constants,
 * swaptimize, apply_static_swaps, jump_thread, clean_basic_block, trim_unused_consts), 3.11.
 */

/** Removes NOPs that carry no line information of their own (clean_basic_block). */
export function cleanBasicBlock(b: BasicBlock): void {
  const instrs = b.instrs;
  const n = instrs.length;
  let dest = 0;
  let prevLineno = -1;
  for (let src = 0; src < n; src++) {
    const instr = instrs[src];
    const lineno = instr.lineno;
    if (instr.opcode === Opcode.NOP) {
      // No line number of its own.
      if (lineno < 0) continue;
      // The previous instruction has the same line.
      if (prevLineno === lineno) continue;
      if (src < n - 1) {
        // The next instruction has the same line, or none (then it takes this one's location).
        const next = instrs[src + 1];
        if (next.lineno === lineno) continue;
        if (next.lineno < 0) {
          copyLoc(instr, next);
          continue;
        }
      } else {
        // Last in the block, and the next non-empty block starts on the same line.
        let next = b.next;
        while (next !== null && next.instrs.length === 0) next = next.next;
        if (next !== null && lineno === next.instrs[0].lineno) continue;
      }
    }
    instrs[dest++] = instr;
    prevLineno = lineno;
  }
  instrs.length = dest;
}

/** LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST (tuple), the tuple appended to consts if new. */
function foldTupleOnConstants(cache: ConstCache, instrs: Instr[], start: number, n: number, consts: PyValue[]): void {
  for (let i = 0; i < n; i++) if (instrs[start + i].opcode !== Opcode.LOAD_CONST) return;
  const items: PyValue[] = [];
  for (let i = 0; i < n; i++) items.push(consts[instrs[start + i].oparg]);
  const newconst = cache.mergeOne(new PyTuple(items));
  let index = consts.indexOf(newconst);
  if (index === -1) {
    index = consts.length;
    consts.push(newconst);
  }
  for (let i = 0; i < n; i++) instrs[start + i].opcode = Opcode.NOP;
  instrs[start + n].opcode = Opcode.LOAD_CONST;
  instrs[start + n].oparg = index;
}

const VISITED = -1;

/** Replaces a run of SWAPs and NOPs starting at `ix` with an optimal sequence; returns the run's last index. */
function swaptimize(b: BasicBlock, ix: number): number {
  const instrs = b.instrs;
  let depth = instrs[ix].oparg;
  let len = 0;
  let more = false;
  const limit = instrs.length - ix;
  while (++len < limit) {
    const op = instrs[ix + len].opcode;
    if (op === Opcode.SWAP) {
      depth = Math.max(depth, instrs[ix + len].oparg);
      more = true;
    } else if (op !== Opcode.NOP) {
      break;
    }
  }
  // A single SWAP is already optimal.
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  // Simulate the run on a stack of positions.
  for (let i = 0; i < len; i++) {
    const instr = instrs[ix + i];
    if (instr.opcode === Opcode.SWAP) {
      const oparg = instr.oparg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  // Rebuild the permutation from its cycles, writing SWAPs from the end of the run.
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        const instr = instrs[ix + current--];
        instr.opcode = Opcode.SWAP;
        instr.oparg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) instrs[ix + current--].opcode = Opcode.NOP;
  return ix + len - 1;
}

function isSwappable(op: number): boolean {
  return op === Opcode.STORE_FAST || op === Opcode.POP_TOP;
}

function storesTo(i: Instr): number {
  return i.opcode === Opcode.STORE_FAST ? i.oparg : -1;
}

function nextSwappableInstruction(b: BasicBlock, i: number, lineno: number): number {
  const instrs = b.instrs;
  while (++i < instrs.length) {
    const instr = instrs[i];
    // Reordering across a line change could be observed by tracing.
    if (lineno >= 0 && instr.lineno !== lineno) return -1;
    if (instr.opcode === Opcode.NOP) continue;
    if (isSwappable(instr.opcode)) return i;
    return -1;
  }
  return -1;
}

/** `SWAP 2; POP_TOP; STORE_FAST x` -> `NOP; STORE_FAST x; POP_TOP`: swap the instructions instead of the values. */
function applyStaticSwaps(b: BasicBlock, i: number): void {
  const instrs = b.instrs;
  for (; i >= 0; i--) {
    const swap = instrs[i];
    if (swap.opcode !== Opcode.SWAP) {
      if (swap.opcode === Opcode.NOP || isSwappable(swap.opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(b, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j].lineno;
    for (let count = swap.oparg - 1; count > 0; count--) {
      k = nextSwappableInstruction(b, k, lineno);
      if (k < 0) return;
    }
    // Unsafe if both store to the same variable, or something between stores to either.
    const storeJ = storesTo(instrs[j]);
    const storeK = storesTo(instrs[k]);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(instrs[idx]);
        if (s >= 0 && (s === storeJ || s === storeK)) return;
      }
    }
    swap.opcode = Opcode.NOP;
    const temp = instrs[j];
    instrs[j] = instrs[k];
    instrs[k] = temp;
  }
}

/** Makes `inst` jump where its target jumps, if both are on the same line. */
function jumpThread(inst: Instr, target: Instr, opcode: number): boolean {
  if (inst.lineno === target.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}

const NOP_INSTR: Instr = { opcode: Opcode.NOP, oparg: 0, target: null, except: null, lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };

function optimizeBasicBlock(cache: ConstCache, bb: BasicBlock, consts: PyValue[]): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i];
    const oparg = inst.oparg;
    const nextop = i + 1 < instrs.length ? instrs[i + 1].opcode : 0;
    let target: Instr;
    if (isJump(inst) || isBlockPush(inst)) {
      // Skip over empty basic blocks.
      while ((inst.target as BasicBlock).instrs.length === 0) inst.target = (inst.target as BasicBlock).next;
      target = (inst.target as BasicBlock).instrs[0];
    } else {
      target = NOP_INSTR;
    }
    switch (inst.opcode) {
      case Opcode.LOAD_CONST:
        switch (nextop) {
          case PseudoOp.POP_JUMP_IF_FALSE:
          case PseudoOp.POP_JUMP_IF_TRUE: {
            // A constant condition: jump always, or never.
            const isTrue = truthy(consts[oparg]);
            inst.opcode = Opcode.NOP;
            const jumpIfTrue = nextop === PseudoOp.POP_JUMP_IF_TRUE;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1].opcode = PseudoOp.JUMP;
              bb.nofallthrough = true;
            } else {
              instrs[i + 1].opcode = Opcode.NOP;
            }
            break;
          }
          case Opcode.JUMP_IF_FALSE_OR_POP:
          case Opcode.JUMP_IF_TRUE_OR_POP: {
            const isTrue = truthy(consts[oparg]);
            const jumpIfTrue = nextop === Opcode.JUMP_IF_TRUE_OR_POP;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1].opcode = PseudoOp.JUMP;
              bb.nofallthrough = true;
            } else {
              inst.opcode = Opcode.NOP;
              instrs[i + 1].opcode = Opcode.NOP;
            }
            break;
          }
          case Opcode.IS_OP: {
            // `x is None` / `x is not None` before a conditional jump.
            const jumpOp = i + 2 < instrs.length ? instrs[i + 2].opcode : 0;
            if (consts[oparg] === None && (jumpOp === PseudoOp.POP_JUMP_IF_FALSE || jumpOp === PseudoOp.POP_JUMP_IF_TRUE)) {
              const nextarg = instrs[i + 1].oparg & 0xff;
              inst.opcode = Opcode.NOP;
              instrs[i + 1].opcode = Opcode.NOP;
              instrs[i + 2].opcode = (nextarg ^ (jumpOp === PseudoOp.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? PseudoOp.POP_JUMP_IF_NOT_NONE : PseudoOp.POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      case Opcode.BUILD_TUPLE:
        if (nextop === Opcode.UNPACK_SEQUENCE && oparg === instrs[i + 1].oparg) {
          if (oparg === 1) {
            inst.opcode = Opcode.NOP;
            instrs[i + 1].opcode = Opcode.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.opcode = Opcode.NOP;
            instrs[i + 1].opcode = Opcode.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(cache, instrs, i - oparg, oparg, consts);
        break;
      // Conditional jumps whose target is a test implied by their own outcome.
      case Opcode.JUMP_IF_FALSE_OR_POP:
        switch (target.opcode) {
          case PseudoOp.POP_JUMP_IF_FALSE:
            if (jumpThread(inst, target, PseudoOp.POP_JUMP_IF_FALSE)) i--;
            break;
          case PseudoOp.JUMP:
          case Opcode.JUMP_IF_FALSE_OR_POP:
            if (jumpThread(inst, target, Opcode.JUMP_IF_FALSE_OR_POP)) i--;
            break;
          case Opcode.JUMP_IF_TRUE_OR_POP:
          case PseudoOp.POP_JUMP_IF_TRUE:
            if (inst.lineno === target.lineno) {
              inst.opcode = PseudoOp.POP_JUMP_IF_FALSE;
              inst.target = (inst.target as BasicBlock).next;
              i--;
            }
            break;
        }
        break;
      case Opcode.JUMP_IF_TRUE_OR_POP:
        switch (target.opcode) {
          case PseudoOp.POP_JUMP_IF_TRUE:
            if (jumpThread(inst, target, PseudoOp.POP_JUMP_IF_TRUE)) i--;
            break;
          case PseudoOp.JUMP:
          case Opcode.JUMP_IF_TRUE_OR_POP:
            if (jumpThread(inst, target, Opcode.JUMP_IF_TRUE_OR_POP)) i--;
            break;
          case Opcode.JUMP_IF_FALSE_OR_POP:
          case PseudoOp.POP_JUMP_IF_FALSE:
            if (inst.lineno === target.lineno) {
              inst.opcode = PseudoOp.POP_JUMP_IF_TRUE;
              inst.target = (inst.target as BasicBlock).next;
              i--;
            }
            break;
        }
        break;
      case PseudoOp.POP_JUMP_IF_NOT_NONE:
      case PseudoOp.POP_JUMP_IF_NONE:
        if (target.opcode === PseudoOp.JUMP && jumpThread(inst, target, inst.opcode)) i--;
        break;
      case PseudoOp.POP_JUMP_IF_FALSE:
        if (target.opcode === PseudoOp.JUMP && jumpThread(inst, target, PseudoOp.POP_JUMP_IF_FALSE)) i--;
        break;
      case PseudoOp.POP_JUMP_IF_TRUE:
        if (target.opcode === PseudoOp.JUMP && jumpThread(inst, target, PseudoOp.POP_JUMP_IF_TRUE)) i--;
        break;
      case PseudoOp.JUMP:
        if (target.opcode === PseudoOp.JUMP && jumpThread(inst, target, PseudoOp.JUMP)) i--;
        break;
      case Opcode.SWAP:
        if (oparg === 1) {
          inst.opcode = Opcode.NOP;
          break;
        }
        i = swaptimize(bb, i);
        applyStaticSwaps(bb, i);
        break;
      case Opcode.PUSH_NULL:
        // PUSH_NULL; LOAD_GLOBAL -> LOAD_GLOBAL with the push-null bit.
        if (nextop === Opcode.LOAD_GLOBAL) {
          inst.opcode = Opcode.NOP;
          inst.oparg = 0;
          instrs[i + 1].oparg |= 1;
        }
        break;
      default:
        break;
    }
  }
}

/** The whole optimizer pass over a unit's graph (optimize_cfg). */
export function optimizeCfg(cache: ConstCache, g: BlockList, consts: PyValue[]): void {
  const entry = g.blocks[0];
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(cache, b, consts);
    cleanBasicBlock(b);
    if (b.predecessors !== 0) throw new InternalError('predecessors counted too early');
  }
  for (let k = g.blocks.length - 1, b = g.blocks[k]; k >= 0; b = g.blocks[--k]) extendBlock(b);
  markReachable(entry);
  // Delete unreachable instructions.
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.predecessors === 0) {
      b.instrs.length = 0;
      b.nofallthrough = false;
    }
  }
  eliminateEmptyBasicBlocks(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  // A jump to the very next block is a NOP.
  let maybeEmptyBlocks = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const n = b.instrs.length;
    if (n === 0) continue;
    const last = b.instrs[n - 1];
    if ((last.opcode === PseudoOp.JUMP || last.opcode === PseudoOp.JUMP_NO_INTERRUPT) && last.target === b.next) {
      b.nofallthrough = false;
      last.opcode = Opcode.NOP;
      maybeEmptyBlocks = true;
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry);
}

/** Drops trailing constants nothing loads any more; slot 0 (a docstring, perhaps) always stays. */
export function trimUnusedConsts(entry: BasicBlock, consts: PyValue[]): void {
  let max = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      if ((i.opcode === Opcode.LOAD_CONST || i.opcode === Opcode.KW_NAMES) && i.oparg > max) max = i.oparg;
    }
  }
  if (max + 1 < consts.length) consts.length = max + 1;
}
