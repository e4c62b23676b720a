import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Opcode, type OpcodeName } from '../../../core/bytecode/opcodes.generated.js';
import { PseudoOp } from '../../../core/compiler/ir.js';
import { stackEffect } from '../../../core/compiler/stack-effect.js';
import { repoRoot } from '../../support/paths.js';

type Row = [OpcodeName, number | null, boolean | null, number | null];

// Captured from CPython's dis.stack_effect by scripts/capture-stack-effects.py.
const rows = JSON.parse(readFileSync(join(repoRoot, 'tests/core/compiler/stack-effects.json'), 'utf8')) as Row[];

describe('stackEffect', () => {
  it("gives dis.stack_effect's answer for every opcode, argument and jump direction CPython was asked", () => {
    const mismatches: string[] = [];
    for (const [name, oparg, jump, effect] of rows) {
      const got = stackEffect(Opcode[name], oparg ?? 0, jump === null ? undefined : jump);
      if (got !== effect) mismatches.push(`${name}(${oparg}, jump=${jump}): ${got} != ${effect}`);
    }
    assert.deepEqual(mismatches, []);
  });
  it('covers the pseudo-instructions that exist only inside the compiler', () => {
    assert.equal(stackEffect(PseudoOp.SETUP_FINALLY, 0, true), 1);
    assert.equal(stackEffect(PseudoOp.SETUP_CLEANUP, 0, true), 2);
    assert.equal(stackEffect(PseudoOp.SETUP_WITH, 0, false), 0);
    assert.equal(stackEffect(PseudoOp.POP_BLOCK, 0), 0);
    assert.equal(stackEffect(PseudoOp.JUMP, 0), 0);
    assert.equal(stackEffect(PseudoOp.POP_JUMP_IF_NONE, 0, true), -1);
  });
});
