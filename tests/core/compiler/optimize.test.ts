import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Opcode } from '../../../core/bytecode/opcodes.generated.js';
import { ConstCache } from '../../../core/compiler/const-cache.js';
import { normalizeBasicBlock, stackdepth } from '../../../core/compiler/flowgraph.js';
import { type BasicBlock, type Instr, PseudoOp, newBlock, newInstr } from '../../../core/compiler/ir.js';
import { cleanBasicBlock, optimizeCfg } from '../../../core/compiler/optimize.js';
import { PyTuple, type PyValue } from '../../../core/objects/values.js';

/** An instruction on a line (columns irrelevant here). */
function ins(opcode: number, oparg = 0, lineno = 1, target: BasicBlock | null = null): Instr {
  return newInstr(opcode, oparg, target, lineno, lineno, 0, 1);
}

/** Blocks chained by fall-through, in allocation order. */
function graph(...bodies: Instr[][]): { blocks: BasicBlock[] } {
  const blocks = bodies.map((instrs, i) => {
    const b = newBlock(i);
    b.instrs = instrs;
    return b;
  });
  for (let i = 0; i + 1 < blocks.length; i++) blocks[i].next = blocks[i + 1];
  return { blocks };
}

const ops = (b: BasicBlock): [number, number][] => b.instrs.map((i) => [i.opcode, i.oparg]);

describe('cleanBasicBlock', () => {
  it('removes NOPs without a line, and NOPs whose line a neighbour already carries', () => {
    const g = graph([ins(Opcode.NOP, 0, -1), ins(Opcode.NOP, 0, 1), ins(Opcode.LOAD_CONST, 0, 1), ins(Opcode.NOP, 0, 1), ins(Opcode.POP_TOP, 0, 1)]);
    cleanBasicBlock(g.blocks[0]);
    assert.deepEqual(ops(g.blocks[0]), [
      [Opcode.LOAD_CONST, 0],
      [Opcode.POP_TOP, 0],
    ]);
  });
  it('keeps a NOP that is the only instruction of its line', () => {
    const g = graph([ins(Opcode.LOAD_CONST, 0, 1), ins(Opcode.NOP, 0, 2), ins(Opcode.POP_TOP, 0, 3)]);
    cleanBasicBlock(g.blocks[0]);
    assert.equal(g.blocks[0].instrs.length, 3);
  });
  it('moves a NOP onto a following instruction without a line', () => {
    const g = graph([ins(Opcode.NOP, 0, 4), ins(Opcode.POP_TOP, 0, -1)]);
    cleanBasicBlock(g.blocks[0]);
    assert.deepEqual(ops(g.blocks[0]), [[Opcode.POP_TOP, 0]]);
    assert.equal(g.blocks[0].instrs[0].lineno, 4);
  });
});

describe('optimizeCfg', () => {
  it('drops the test of a true constant, and the block only its jump reached', () => {
    const g = graph([], [], [ins(Opcode.RETURN_VALUE)]);
    g.blocks[0].instrs = [ins(Opcode.LOAD_CONST, 0), ins(PseudoOp.POP_JUMP_IF_FALSE, 0, 1, g.blocks[2])];
    g.blocks[1].instrs = [ins(Opcode.LOAD_CONST, 0), ins(Opcode.RETURN_VALUE)];
    const consts: PyValue[] = [true];
    for (const b of g.blocks) normalizeBasicBlock(b);
    optimizeCfg(new ConstCache(), g, consts);
    // LOAD_CONST; POP_JUMP_IF_FALSE become NOPs, removed for sharing the next line.
    assert.deepEqual(ops(g.blocks[0]).concat(ops(g.blocks[1])), [
      [Opcode.LOAD_CONST, 0],
      [Opcode.RETURN_VALUE, 0],
    ]);
    // The block after the return is unreachable and emptied.
    assert.equal(g.blocks[2].instrs.length, 0);
  });
  it('fuses PUSH_NULL into the following LOAD_GLOBAL', () => {
    const g = graph([ins(Opcode.PUSH_NULL), ins(Opcode.LOAD_GLOBAL, 6), ins(Opcode.RETURN_VALUE)]);
    optimizeCfg(new ConstCache(), g, []);
    assert.deepEqual(ops(g.blocks[0]), [
      [Opcode.LOAD_GLOBAL, 7],
      [Opcode.RETURN_VALUE, 0],
    ]);
  });
  it('replaces BUILD_TUPLE 2; UNPACK_SEQUENCE 2 by a SWAP', () => {
    const g = graph([ins(Opcode.LOAD_NAME, 0), ins(Opcode.LOAD_NAME, 1), ins(Opcode.BUILD_TUPLE, 2), ins(Opcode.UNPACK_SEQUENCE, 2), ins(Opcode.STORE_NAME, 0), ins(Opcode.STORE_NAME, 1), ins(Opcode.RETURN_VALUE)]);
    optimizeCfg(new ConstCache(), g, []);
    assert.deepEqual(
      ops(g.blocks[0]).map(([op]) => op),
      [Opcode.LOAD_NAME, Opcode.LOAD_NAME, Opcode.SWAP, Opcode.STORE_NAME, Opcode.STORE_NAME, Opcode.RETURN_VALUE],
    );
  });
  it('folds constants loaded into BUILD_TUPLE into one tuple constant, appended to co_consts', () => {
    const g = graph([ins(Opcode.LOAD_CONST, 0), ins(Opcode.LOAD_CONST, 1), ins(Opcode.BUILD_TUPLE, 2), ins(Opcode.RETURN_VALUE)]);
    const consts: PyValue[] = [1, 'a'];
    optimizeCfg(new ConstCache(), g, consts);
    assert.deepEqual(ops(g.blocks[0]), [
      [Opcode.LOAD_CONST, 2],
      [Opcode.RETURN_VALUE, 0],
    ]);
    assert.deepEqual((consts[2] as PyTuple).items, [1, 'a']);
  });
  it('threads a jump to a jump on the same line', () => {
    const g = graph([], [], [ins(Opcode.RETURN_VALUE, 0, 2)]);
    g.blocks[0].instrs = [ins(Opcode.LOAD_NAME, 0), ins(PseudoOp.POP_JUMP_IF_TRUE, 0, 1, g.blocks[1])];
    g.blocks[1].instrs = [ins(PseudoOp.JUMP, 0, 1, g.blocks[2])];
    optimizeCfg(new ConstCache(), g, []);
    assert.equal(g.blocks[0].instrs[1].target, g.blocks[2]);
  });
  it('rewrites a run of SWAPs into the shortest equivalent', () => {
    // SWAP 2; SWAP 2 is the identity.
    const g = graph([ins(Opcode.LOAD_NAME, 0), ins(Opcode.LOAD_NAME, 1), ins(Opcode.SWAP, 2), ins(Opcode.SWAP, 2), ins(Opcode.BINARY_OP, 0), ins(Opcode.RETURN_VALUE)]);
    optimizeCfg(new ConstCache(), g, []);
    assert.deepEqual(
      ops(g.blocks[0]).map(([op]) => op),
      [Opcode.LOAD_NAME, Opcode.LOAD_NAME, Opcode.BINARY_OP, Opcode.RETURN_VALUE],
    );
  });
});

describe('stackdepth', () => {
  it('finds the deepest path through a loop', () => {
    // iter; FOR_ITER -> exit; (x pushed) LOAD_CONST; BINARY_OP; POP_TOP; JUMP back
    const g = graph([ins(Opcode.LOAD_NAME, 0), ins(Opcode.GET_ITER)], [], [], [ins(Opcode.LOAD_CONST, 0), ins(Opcode.RETURN_VALUE)]);
    g.blocks[1].instrs = [ins(Opcode.FOR_ITER, 0, 1, g.blocks[3])];
    g.blocks[2].instrs = [ins(Opcode.LOAD_CONST, 0), ins(Opcode.BINARY_OP, 0), ins(Opcode.POP_TOP), ins(PseudoOp.JUMP, 0, 1, g.blocks[1])];
    assert.equal(stackdepth(g, false), 3);
    assert.equal(g.blocks[3].startdepth, 0);
  });
  it('starts generators at depth 1', () => {
    const g = graph([ins(Opcode.POP_TOP), ins(Opcode.LOAD_CONST, 0), ins(Opcode.RETURN_VALUE)]);
    assert.equal(stackdepth(g, true), 1);
  });
});
