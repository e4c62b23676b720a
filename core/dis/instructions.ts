import { CodeObject } from '../bytecode/code-object.js';
import { decodeExceptionTable, type ExceptionTableEntry } from '../bytecode/exception-table.js';
import { coLines, coPositions } from '../bytecode/linetable.js';
import {
  COMPARE_OPS,
  EXTENDED_ARG,
  HASCOMPARE,
  HASCONST,
  HASFREE,
  HASJABS,
  HASJREL,
  HASLOCAL,
  HASNAME,
  HAVE_ARGUMENT,
  INLINE_CACHE_ENTRIES,
  NB_OPS,
  OPNAME,
  Opcode,
  SPECIALIZATIONS,
} from '../bytecode/opcodes.generated.js';
import { argRepr } from './const-repr.js';

/**
 * dis.get_instructions: the instructions of one code object with dis's fields, CACHE entries
 * skipped (show_caches=False). Data first, printing elsewhere (format.ts), as Lib/dis.py keeps
 * `Instruction` apart from `_disassemble`. Operands are resolved by operand shape: constant, name,
 * jump, local/cell/free, comparison, FORMAT_VALUE, MAKE_FUNCTION, BINARY_OP.
 * CPython: Lib/dis.py (_get_instructions_bytes, _unpack_opargs, findlabels, findlinestarts).
 */

/** `dis.Positions`: the source span of an instruction; all null when it has none. */
export interface Positions {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

/** One instruction as `dis.Instruction` describes it (argval left out: the UI needs JSON-safe data). */
export interface Instruction {
  opname: string;
  opcode: number;
  /** The full argument (EXTENDED_ARG prefixes folded in), or null below HAVE_ARGUMENT. */
  arg: number | null;
  /** What dis prints in parentheses after the argument ('' for none). */
  argrepr: string;
  offset: number;
  /** The source line this instruction starts, or null. */
  starts_line: number | null;
  /** True when a jump or an exception-table entry targets this offset. */
  is_jump_target: boolean;
  positions: Positions;
}

/** Code that dis cannot describe: an operand indexes past its table (CPython raises IndexError). */
export class DisError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (instruction at offset ${offset})`);
    this.name = 'DisError';
  }
}

/**
 * dis's `_all_opname`: opcode names with the unused slots filled by the specialized instruction
 * names in `_specialized_instructions` order, and `deoptmap` folded into a table of base opcodes.
 */
const ALL_OPNAME: readonly string[] = (() => {
  const names = [...OPNAME];
  const specialized = Object.values(SPECIALIZATIONS).flat();
  let k = 0;
  for (let op = 0; op < names.length && k < specialized.length; op++) {
    if (names[op].startsWith('<')) names[op] = specialized[k++];
  }
  return names;
})();

const DEOPT: readonly number[] = (() => {
  const byName = new Map<string, number>(ALL_OPNAME.map((n, op) => [n, op]));
  const deopt = ALL_OPNAME.map((_, op) => op);
  for (const [base, family] of Object.entries(SPECIALIZATIONS)) {
    for (const name of family) deopt[byName.get(name)!] = Opcode[base as keyof typeof Opcode];
  }
  return deopt;
})();

/** dis's name for an opcode byte (specialized names included). */
export function opnameOf(op: number): string {
  return ALL_OPNAME[op];
}

/** The base opcode of a (possibly specialized) opcode byte. */
export function deoptOpcode(op: number): number {
  return DEOPT[op];
}

const MAKE_FUNCTION_FLAGS = ['defaults', 'kwdefaults', 'annotations', 'closure'];
const FORMAT_VALUE_CONVERTERS = ['', 'str', 'repr', 'ascii'];

/** One decoded instruction: offset, opcode byte and full argument (null below HAVE_ARGUMENT). */
interface RawInstruction {
  offset: number;
  op: number;
  arg: number | null;
}

/** _unpack_opargs: skips CACHE units; EXTENDED_ARG accumulates as a wrapping signed 32-bit int. */
function unpackOpargs(code: Uint8Array): RawInstruction[] {
  const out: RawInstruction[] = [];
  let extended = 0;
  let caches = 0;
  for (let i = 0; i + 1 < code.length; i += 2) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code[i];
    const deop = DEOPT[op];
    caches = INLINE_CACHE_ENTRIES[deop];
    let arg: number | null;
    if (deop >= HAVE_ARGUMENT) {
      // `extended` is a multiple of 256, so adding is dis's `|`; like dis, wrap once at 2**31.
      arg = code[i + 1] + extended;
      extended = deop === EXTENDED_ARG ? arg * 256 : 0;
      if (extended >= 2 ** 31) extended -= 2 ** 32;
    } else {
      arg = null;
      extended = 0;
    }
    out.push({ offset: i, op, arg });
  }
  return out;
}

function isBackwardJump(op: number): boolean {
  return OPNAME[op].includes('JUMP_BACKWARD');
}

/** findlabels: targets of relative jumps (by raw opcode, as dis does). */
function findLabels(raw: readonly RawInstruction[]): Set<number> {
  const labels = new Set<number>();
  for (const { offset, op, arg } of raw) {
    if (arg === null) continue;
    if (HASJREL.has(op)) labels.add(offset + 2 + (isBackwardJump(op) ? -arg : arg) * 2);
    else if (HASJABS.has(op)) labels.add(arg * 2);
  }
  return labels;
}

/** findlinestarts: offset -> line for each co_lines() range whose line differs from the last one. */
export function findLineStarts(code: CodeObject): Map<number, number> {
  const starts = new Map<number, number>();
  let last: number | null = null;
  for (const [start, , line] of coLines(code)) {
    if (line !== null && line !== last) {
      last = line;
      starts.set(start, line);
    }
  }
  return starts;
}

/** The exception table as dis parses it (offsets in bytes). */
export function exceptionEntries(code: CodeObject): ExceptionTableEntry[] {
  return decodeExceptionTable(code.co_exceptiontable);
}

const NO_POSITION: Positions = { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };

/** `dis.get_instructions(code)`: show_caches=False, adaptive=False. */
export function getInstructions(code: CodeObject): Instruction[] {
  const raw = unpackOpargs(code.co_code);
  const labels = findLabels(raw);
  for (const e of exceptionEntries(code)) if (e.start < e.end) labels.add(e.target);
  const lineStarts = findLineStarts(code);
  const positions = coPositions(code);
  const out: Instruction[] = [];
  for (const { offset, op, arg } of raw) {
    const deop = DEOPT[op];
    const p = positions[offset >> 1];
    out.push({
      opname: ALL_OPNAME[op],
      opcode: op,
      arg,
      argrepr: arg === null ? '' : describeArg(code, offset, deop, arg),
      offset,
      starts_line: lineStarts.get(offset) ?? null,
      is_jump_target: labels.has(offset),
      positions: p === undefined ? { ...NO_POSITION } : { ...p },
    });
  }
  return out;
}

function at<T>(table: readonly T[], index: number, what: string, offset: number): T {
  if (index < 0 || index >= table.length) throw new DisError(`${what} index ${index} out of range (${table.length} entries)`, offset);
  return table[index];
}

/** The argrepr of one instruction, by operand shape. */
function describeArg(code: CodeObject, offset: number, deop: number, arg: number): string {
  if (HASCONST.has(deop)) {
    // Only LOAD_CONST shows its constant; KW_NAMES shows nothing.
    return deop === Opcode.LOAD_CONST ? argRepr(at(code.co_consts, arg, 'co_consts', offset)) : '';
  }
  if (HASNAME.has(deop)) {
    if (deop === Opcode.LOAD_GLOBAL) {
      const name = at(code.co_names, arg >> 1, 'co_names', offset);
      return arg & 1 && name ? 'NULL + ' + name : name;
    }
    return at(code.co_names, arg, 'co_names', offset);
  }
  if (HASJABS.has(deop)) return 'to ' + arg * 2;
  if (HASJREL.has(deop)) return 'to ' + (offset + 2 + (isBackwardJump(deop) ? -arg : arg) * 2);
  if (HASLOCAL.has(deop) || HASFREE.has(deop)) return at(code.co_localsplusnames, arg, 'co_localsplusnames', offset);
  if (HASCOMPARE.has(deop)) return at(COMPARE_OPS, arg, 'cmp_op', offset);
  if (deop === Opcode.FORMAT_VALUE) {
    let s = FORMAT_VALUE_CONVERTERS[arg & 3];
    if (arg & 4) s += (s ? ', ' : '') + 'with format';
    return s;
  }
  if (deop === Opcode.MAKE_FUNCTION) return MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(', ');
  if (deop === Opcode.BINARY_OP) return at(NB_OPS, arg, '_nb_ops', offset)[1];
  return '';
}
