import { HASJREL, INLINE_CACHE_ENTRIES, HAVE_ARGUMENT, Opcode } from '../bytecode/opcodes.generated.js';

/**
 * The compiler's intermediate representation: pseudo-instructions in basic blocks.
 *
 * Codegen writes instructions straight into basic blocks, as CPython 3.11's compile.c does: a
 * block is also the jump label, and a new block starts implicitly after every jump, return and
 * raise. We keep 3.11's shape (rather than 3.12's label stream) because the order in which blocks
 * are allocated leaks into the output: several optimizer passes walk blocks in reverse allocation
 * order (CPython's `b_list`), and the stack-depth pass starts from the first allocated block.
 *
 * Locations are four plain numbers per instruction (-1 = unknown), never objects, so emitting
 * an instruction allocates only the instruction itself.
 * CPython: Python/compile.c (struct instr, struct basicblock_, the pseudo-opcode defines).
 */

/** Pseudo-opcodes: they exist only between codegen and the assembler. CPython: compile.c. */
export const PseudoOp = {
  SETUP_FINALLY: -1,
  SETUP_CLEANUP: -2,
  SETUP_WITH: -3,
  POP_BLOCK: -4,
  JUMP: -5,
  JUMP_NO_INTERRUPT: -6,
  POP_JUMP_IF_FALSE: -7,
  POP_JUMP_IF_TRUE: -8,
  POP_JUMP_IF_NONE: -9,
  POP_JUMP_IF_NOT_NONE: -10,
} as const;

/** Names of the pseudo-opcodes, for dumps and error messages. */
export const PSEUDO_NAMES: Readonly<Record<number, string>> = {
  [-1]: 'SETUP_FINALLY',
  [-2]: 'SETUP_CLEANUP',
  [-3]: 'SETUP_WITH',
  [-4]: 'POP_BLOCK',
  [-5]: 'JUMP',
  [-6]: 'JUMP_NO_INTERRUPT',
  [-7]: 'POP_JUMP_IF_FALSE',
  [-8]: 'POP_JUMP_IF_TRUE',
  [-9]: 'POP_JUMP_IF_NONE',
  [-10]: 'POP_JUMP_IF_NOT_NONE',
};

/** One instruction. `target` is set for jumps and SETUP_*; `except` is filled by the assembler. */
export interface Instr {
  opcode: number;
  oparg: number;
  target: BasicBlock | null;
  except: BasicBlock | null;
  lineno: number;
  end_lineno: number;
  col_offset: number;
  end_col_offset: number;
}

/** A basic block; `id` is its allocation index (CPython's b_list runs from the last id down). */
export interface BasicBlock {
  readonly id: number;
  instrs: Instr[];
  /** The block reached by falling through (b_next). */
  next: BasicBlock | null;
  predecessors: number;
  startdepth: number;
  /** Offset in code units, computed by the assembler. */
  offset: number;
  nofallthrough: boolean;
  preserveLasti: boolean;
  visited: boolean;
  /** Ends with a return or raise. */
  exit: boolean;
  /** Contains a RETURN_VALUE emitted by codegen (b_return). */
  hasReturn: boolean;
  /** Exception-handler stack on entry, used by label_exception_targets. */
  exceptStack: BasicBlock[] | null;
}

export function newBlock(id: number): BasicBlock {
  return {
    id,
    instrs: [],
    next: null,
    predecessors: 0,
    startdepth: 0,
    offset: 0,
    nofallthrough: false,
    preserveLasti: false,
    visited: false,
    exit: false,
    hasReturn: false,
    exceptStack: null,
  };
}

export function newInstr(opcode: number, oparg: number, target: BasicBlock | null, lineno: number, end_lineno: number, col_offset: number, end_col_offset: number): Instr {
  return { opcode, oparg, target, except: null, lineno, end_lineno, col_offset, end_col_offset };
}

/** A by-value copy, as C's struct assignment makes. */
export function copyInstr(i: Instr): Instr {
  return { opcode: i.opcode, oparg: i.oparg, target: i.target, except: i.except, lineno: i.lineno, end_lineno: i.end_lineno, col_offset: i.col_offset, end_col_offset: i.end_col_offset };
}

/** COPY_INSTR_LOC(from, to). */
export function copyLoc(from: Instr, to: Instr): void {
  to.lineno = from.lineno;
  to.end_lineno = from.end_lineno;
  to.col_offset = from.col_offset;
  to.end_col_offset = from.end_col_offset;
}

export function isVirtualJump(opcode: number): boolean {
  return opcode <= PseudoOp.JUMP && opcode >= PseudoOp.POP_JUMP_IF_NOT_NONE;
}

const JUMP_TABLE = new Uint8Array(256);
for (const op of HASJREL) JUMP_TABLE[op] = 1;

/** A jump of any kind, pseudo or real (is_jump). */
export function isJump(i: Instr): boolean {
  const op = i.opcode;
  return op >= 0 ? JUMP_TABLE[op] === 1 : op <= PseudoOp.JUMP && op >= PseudoOp.POP_JUMP_IF_NOT_NONE;
}

/** SETUP_FINALLY, SETUP_CLEANUP or SETUP_WITH (is_block_push). */
export function isBlockPush(i: Instr): boolean {
  return i.opcode === PseudoOp.SETUP_FINALLY || i.opcode === PseudoOp.SETUP_CLEANUP || i.opcode === PseudoOp.SETUP_WITH;
}

export function hasArg(opcode: number): boolean {
  return opcode >= HAVE_ARGUMENT;
}

/** Code units an instruction occupies: EXTENDED_ARG prefixes, itself and its caches (instr_size). */
export function instrSize(i: Instr): number {
  const oparg = hasArg(i.opcode) ? i.oparg : 0;
  const extended = (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
  return extended + 1 + INLINE_CACHE_ENTRIES[i.opcode];
}

/** Instructions that end a basic block when codegen emits them (is_end_of_basic_block). */
export function isEndOfBasicBlock(i: Instr): boolean {
  return isJump(i) || i.opcode === Opcode.RETURN_VALUE || i.opcode === Opcode.RAISE_VARARGS || i.opcode === Opcode.RERAISE;
}

/** The backward forms: only these may be emitted with a target already laid out. */
export function isBackwardJumpOpcode(op: number): boolean {
  return (
    op === Opcode.JUMP_BACKWARD ||
    op === Opcode.JUMP_BACKWARD_NO_INTERRUPT ||
    op === Opcode.POP_JUMP_BACKWARD_IF_NONE ||
    op === Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE ||
    op === Opcode.POP_JUMP_BACKWARD_IF_TRUE ||
    op === Opcode.POP_JUMP_BACKWARD_IF_FALSE
  );
}
