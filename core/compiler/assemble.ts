import { CO, CO_FAST, CodeObject } from '../bytecode/code-object.js';
import { HAVE_ARGUMENT, INLINE_CACHE_ENTRIES, Opcode } from '../bytecode/opcodes.generated.js';
import { None, type PyValue } from '../objects/values.js';
import { InternalError } from '../source/errors.js';
import { ExceptionTableWriter } from './exception-table.js';
import {
  convertExceptionHandlersToNops,
  duplicateExitsWithoutLineno,
  extendBlock,
  guaranteeLinenoForExits,
  labelExceptionTargets,
  normalizeBasicBlock,
  propagateLineNumbers,
  stackdepth,
} from './flowgraph.js';
import { type BasicBlock, type Instr, PseudoOp, instrSize, isBackwardJumpOpcode, isJump, newInstr } from './ir.js';
import { LocationTableWriter } from './location-table.js';
import { cleanBasicBlock, optimizeCfg, trimUnusedConsts } from './optimize.js';
import { addop, loadConst, unsetLoc, type Compiler, type Unit } from './codegen/unit.js';

/**
 * The assembler: turns the current unit's blocks into a CodeObject. It finishes the graph
 * (implicit `return None`, prefix instructions, cell numbering), runs the optimizer and the
 * line/stack passes, lowers pseudo-instructions, picks jump directions, computes jump offsets
 * to a fix-point (a bigger argument needs EXTENDED_ARG, which moves everything after it), and
 * emits co_code with its CACHE units, the location table and the exception table.
 * CPython: Python/compile.c (assemble, insert_prefix_instructions, fix_cell_offsets,
 * normalize_jumps, assemble_jump_offsets, assemble_emit, assemble_exception_table, makecode,
 * compute_code_flags, compute_localsplus_info), 3.11.
 */

/** co_flags of the unit (compute_code_flags). */
export function computeCodeFlags(c: Compiler, u: Unit): number {
  const ste = u.ste;
  let flags = 0;
  if (ste.type === 'FunctionBlock') {
    flags |= CO.NEWLOCALS | CO.OPTIMIZED;
    if (ste.nested) flags |= CO.NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO.GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO.COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO.ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO.VARARGS;
    if (ste.varkeywords) flags |= CO.VARKEYWORDS;
  }
  // Future features are inherited by every code object.
  flags |= c.futureFeatures;
  return flags;
}

/** Where each cell/free index ends up in localsplus, before dropping cells that are parameters. */
function buildCellFixedOffsets(u: Unit): number[] {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < noffsets; i++) fixed.push(nlocals + i);
  for (const [name, cellindex] of u.cellvars) {
    const varindex = u.varnames.get(name);
    if (varindex !== undefined) fixed[cellindex] = varindex;
  }
  return fixed;
}

function prefixInstr(opcode: number, oparg: number, lineno: number, endLineno: number): Instr {
  return newInstr(opcode, oparg, null, lineno, endLineno, -1, -1);
}

/** COPY_FREE_VARS, MAKE_CELLs, and RETURN_GENERATOR/POP_TOP for generators, before RESUME. */
function insertPrefixInstructions(c: Compiler, u: Unit, entry: BasicBlock, fixed: number[], nfreevars: number): void {
  const flags = computeCodeFlags(c, u);
  if (flags & (CO.GENERATOR | CO.COROUTINE | CO.ASYNC_GENERATOR)) {
    entry.instrs.splice(0, 0, prefixInstr(Opcode.RETURN_GENERATOR, 0, u.firstlineno, u.firstlineno), prefixInstr(Opcode.POP_TOP, 0, -1, -1));
  }
  const ncellvars = u.cellvars.size;
  if (ncellvars) {
    // MAKE_CELLs in localsplus order (parameter cells come first).
    const nvars = ncellvars + u.varnames.size;
    const sorted: number[] = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
    let used = 0;
    for (let i = 0; used < ncellvars; i++) {
      const oldindex = sorted[i] - 1;
      if (oldindex === -1) continue;
      entry.instrs.splice(used, 0, prefixInstr(Opcode.MAKE_CELL, oldindex, -1, -1));
      used++;
    }
  }
  if (nfreevars) entry.instrs.splice(0, 0, prefixInstr(Opcode.COPY_FREE_VARS, nfreevars, -1, -1));
}

/** Rewrites cell/free arguments to localsplus indexes; returns how many cells were parameters. */
function fixCellOffsets(u: Unit, entry: BasicBlock, fixed: number[]): number {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  let numdropped = 0;
  for (let i = 0; i < noffsets; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= numdropped;
    else numdropped += 1;
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const inst of b.instrs) {
      switch (inst.opcode) {
        case Opcode.MAKE_CELL:
        case Opcode.LOAD_CLOSURE:
        case Opcode.LOAD_DEREF:
        case Opcode.STORE_DEREF:
        case Opcode.DELETE_DEREF:
        case Opcode.LOAD_CLASSDEREF:
          inst.oparg = fixed[inst.oparg];
      }
    }
  }
  return numdropped;
}

/** Chooses forward or backward forms now that the block order is final. */
function normalizeJumps(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.visited = true;
    const n = b.instrs.length;
    if (n === 0) continue;
    const last = b.instrs[n - 1];
    if (!isJump(last)) continue;
    const forward = !(last.target as BasicBlock).visited;
    switch (last.opcode) {
      case PseudoOp.JUMP:
        last.opcode = forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD;
        break;
      case PseudoOp.JUMP_NO_INTERRUPT:
        last.opcode = forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case PseudoOp.POP_JUMP_IF_NOT_NONE:
        last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_NOT_NONE : Opcode.POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case PseudoOp.POP_JUMP_IF_NONE:
        last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_NONE : Opcode.POP_JUMP_BACKWARD_IF_NONE;
        break;
      case PseudoOp.POP_JUMP_IF_FALSE:
        last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_FALSE : Opcode.POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case PseudoOp.POP_JUMP_IF_TRUE:
        last.opcode = forward ? Opcode.POP_JUMP_FORWARD_IF_TRUE : Opcode.POP_JUMP_BACKWARD_IF_TRUE;
        break;
      case Opcode.JUMP_IF_TRUE_OR_POP:
      case Opcode.JUMP_IF_FALSE_OR_POP:
        if (!forward) throw new InternalError(`unexpected ${last.opcode === Opcode.JUMP_IF_TRUE_OR_POP ? 'JUMP_IF_TRUE_OR_POP' : 'JUMP_IF_FALSE_OR_POP'} jumping backwards`);
        break;
    }
  }
}

/** Block offsets and relative jump arguments, recomputed until no argument changes size. */
function assembleJumpOffsets(u: Unit, entry: BasicBlock): void {
  let recompile: boolean;
  do {
    let totsize = 0;
    for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
      b.offset = totsize;
      for (const i of b.instrs) totsize += instrSize(i);
    }
    recompile = false;
    for (let k = u.blocks.length - 1, b = u.blocks[k]; k >= 0; b = u.blocks[--k]) {
      let bsize = b.offset;
      for (const instr of b.instrs) {
        const isize = instrSize(instr);
        // Relative to the instruction after the jump.
        bsize += isize;
        if (isJump(instr)) {
          const targetOffset = (instr.target as BasicBlock).offset;
          if (targetOffset < bsize) {
            if (!isBackwardJumpOpcode(instr.opcode)) throw new InternalError('forward jump opcode with a backward target');
            instr.oparg = bsize - targetOffset;
          } else {
            if (isBackwardJumpOpcode(instr.opcode)) throw new InternalError('backward jump opcode with a forward target');
            instr.oparg = targetOffset - bsize;
          }
          if (instrSize(instr) !== isize) recompile = true;
        }
      }
    }
  } while (recompile);
}

/** co_code (EXTENDED_ARG prefixes, instructions, zeroed caches) and the location table, in one pass. */
function emitCodeAndLocations(entry: BasicBlock, firstlineno: number): [Uint8Array, Uint8Array] {
  let totalUnits = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) for (const i of b.instrs) totalUnits += instrSize(i);
  const code = new Uint8Array(totalUnits * 2);
  const locations = new LocationTableWriter(firstlineno, 64 + totalUnits * 2);
  let p = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      const op = i.opcode;
      const oparg = op >= HAVE_ARGUMENT ? i.oparg : 0;
      const extended = (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
      const caches = INLINE_CACHE_ENTRIES[op];
      for (let k = extended; k >= 1; k--) {
        code[p++] = Opcode.EXTENDED_ARG;
        code[p++] = (oparg >> (8 * k)) & 0xff;
      }
      code[p++] = op;
      code[p++] = oparg & 0xff;
      p += 2 * caches;
      locations.instruction(i, extended + 1 + caches);
    }
  }
  return [code, locations.bytes()];
}

function exceptionTable(entry: BasicBlock): Uint8Array {
  const w = new ExceptionTableWriter();
  let handler: BasicBlock | null = null;
  let start = -1;
  let ioffset = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    ioffset = b.offset;
    for (const instr of b.instrs) {
      if (instr.except !== handler) {
        if (handler !== null) w.entry(start, ioffset, handler);
        start = ioffset;
        handler = instr.except;
      }
      ioffset += instrSize(instr);
    }
  }
  if (handler !== null) w.entry(start, ioffset, handler);
  return w.bytes();
}

/** Assembles the current unit into its code object (`addNone`: implicit returns return None). */
export function assembleUnit(c: Compiler, addNone: boolean): CodeObject {
  const u = c.u;
  // Every block that falls off the end returns None.
  if (!u.curblock.hasReturn) {
    unsetLoc(c);
    if (addNone) loadConst(c, None);
    addop(c, Opcode.RETURN_VALUE);
  }
  for (let k = u.blocks.length - 1, b = u.blocks[k]; k >= 0; b = u.blocks[--k]) normalizeBasicBlock(b);
  for (let k = u.blocks.length - 1, b = u.blocks[k]; k >= 0; b = u.blocks[--k]) extendBlock(b);
  const entry = u.blocks[0];
  const nlocals = u.varnames.size;
  const ncellvars = u.cellvars.size;
  const nfreevars = u.freevars.size;
  let nlocalsplus = nlocals + ncellvars + nfreevars;
  const fixed = buildCellFixedOffsets(u);
  if (!u.firstlineno) {
    const first = entry.instrs[0];
    u.firstlineno = first !== undefined && first.lineno ? first.lineno : 1;
  }
  insertPrefixInstructions(c, u, entry, fixed, nfreevars);
  nlocalsplus -= fixCellOffsets(u, entry, fixed);

  const consts = u.consts.values.slice();
  optimizeCfg(c.constCache, u, consts);
  duplicateExitsWithoutLineno(u);
  trimUnusedConsts(entry, consts);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, u.firstlineno);
  const maxdepth = stackdepth(u, u.ste.generator || u.ste.coroutine);

  labelExceptionTargets(entry);
  convertExceptionHandlersToNops(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  normalizeJumps(entry);
  assembleJumpOffsets(u, entry);

  const [code, linetable] = emitCodeAndLocations(entry, u.firstlineno);

  return makeCode(c, u, {
    code,
    linetable,
    exceptiontable: exceptionTable(entry),
    consts,
    maxdepth,
    nlocalsplus,
  });
}

interface Assembled {
  code: Uint8Array;
  linetable: Uint8Array;
  exceptiontable: Uint8Array;
  consts: readonly PyValue[];
  maxdepth: number;
  nlocalsplus: number;
}

/** localsplus names and kinds: locals (cells among them flagged), other cells, free variables. */
function localsplusInfo(u: Unit, nlocalsplus: number): { names: string[]; kinds: Uint8Array } {
  const names: string[] = new Array<string>(nlocalsplus).fill('');
  const kinds = new Uint8Array(nlocalsplus);
  for (const [name, offset] of u.varnames) {
    names[offset] = name;
    kinds[offset] = CO_FAST.LOCAL | (u.cellvars.has(name) ? CO_FAST.CELL : 0);
  }
  const nlocals = u.varnames.size;
  let numdropped = 0;
  for (const [name, index] of u.cellvars) {
    if (u.varnames.has(name)) {
      numdropped += 1;
      continue;
    }
    const offset = index + nlocals - numdropped;
    names[offset] = name;
    kinds[offset] = CO_FAST.CELL;
  }
  for (const [name, index] of u.freevars) {
    const offset = index + nlocals - numdropped;
    names[offset] = name;
    kinds[offset] = CO_FAST.FREE;
  }
  return { names, kinds };
}

function makeCode(c: Compiler, u: Unit, a: Assembled): CodeObject {
  const { names, kinds } = localsplusInfo(u, a.nlocalsplus);
  return new CodeObject({
    co_argcount: u.posonlyargcount + u.argcount,
    co_posonlyargcount: u.posonlyargcount,
    co_kwonlyargcount: u.kwonlyargcount,
    co_stacksize: a.maxdepth,
    co_flags: computeCodeFlags(c, u),
    co_code: a.code,
    co_consts: a.consts,
    co_names: [...u.names.keys()],
    co_localsplusnames: names,
    co_localspluskinds: kinds,
    co_filename: c.filename,
    co_name: u.name,
    co_qualname: u.qualname ?? u.name,
    co_firstlineno: u.firstlineno,
    co_linetable: a.linetable,
    co_exceptiontable: a.exceptiontable,
  });
}
