import { CO, CO_FAST, CodeObject, EXTENDED_ARG, INLINE_CACHE_ENTRIES, Opcode, type OpcodeName, type PyValue } from '../../../core/index.js';

/**
 * A tiny assembler for interpreter unit tests: hand-written 3.11 bytecode with its CACHE units
 * and EXTENDED_ARG prefixes laid out as CPython lays them out, so a test can target one opcode
 * without going through the compiler. Jump arguments are raw (relative, in code units), as in
 * co_code. Every instruction gets line `firstlineno + its index` with no columns.
 */

export type Instr = [OpcodeName] | [OpcodeName, number];

export interface HandlerSpec {
  /** Instruction indices: the protected range [start, end) and the target. */
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti?: boolean;
}

export interface AsmSpec {
  code: Instr[];
  consts?: PyValue[];
  names?: string[];
  varnames?: string[];
  argcount?: number;
  stacksize?: number;
  name?: string;
  /** Default 0 (module); CO.OPTIMIZED | CO.NEWLOCALS for functions. */
  flags?: number;
  handlers?: HandlerSpec[];
  firstlineno?: number;
}

function unitsOf(op: number, arg: number): number {
  let prefixes = 0;
  for (let a = arg >> 8; a > 0; a >>= 8) prefixes++;
  return prefixes + 1 + INLINE_CACHE_ENTRIES[op];
}

function varint(out: number[], v: number, first: boolean): void {
  const chunks: number[] = [];
  do {
    chunks.unshift(v & 63);
    v >>= 6;
  } while (v > 0);
  chunks.forEach((c, i) => out.push(c | (i < chunks.length - 1 ? 64 : 0) | (i === 0 && first ? 128 : 0)));
}

/** Byte offsets of each instruction of a spec (the first EXTENDED_ARG where there are prefixes). */
export function offsets(code: Instr[]): number[] {
  const out: number[] = [];
  let unit = 0;
  for (const [name, arg = 0] of code) {
    out.push(unit * 2);
    unit += unitsOf(Opcode[name], arg);
  }
  return out;
}

export function assemble(spec: AsmSpec): CodeObject {
  const bytes: number[] = [];
  const lines: number[] = [];
  const first = spec.firstlineno ?? 1;
  const starts = offsets(spec.code).map((o) => o / 2);
  spec.code.forEach(([name, arg = 0], index) => {
    const op = Opcode[name];
    const prefixes: number[] = [];
    for (let a = arg >> 8; a > 0; a >>= 8) prefixes.unshift(a & 0xff);
    for (const p of prefixes) bytes.push(EXTENDED_ARG, p);
    bytes.push(op, op >= 90 ? arg & 0xff : 0);
    for (let i = 0; i < INLINE_CACHE_ENTRIES[op]; i++) bytes.push(0, 0);
    const units = unitsOf(op, arg);
    // One "no columns" linetable entry (code 13) per instruction: line delta as an svarint.
    for (let left = units, k = 0; left > 0; k++) {
      const len = Math.min(left, 8);
      const delta = k === 0 ? (index === 0 ? 0 : 1) : 0;
      lines.push(0x80 | (13 << 3) | (len - 1), delta << 1);
      left -= len;
    }
  });
  const table: number[] = [];
  for (const h of spec.handlers ?? []) {
    varint(table, starts[h.start], true);
    varint(table, starts[h.end] - starts[h.start], false);
    varint(table, starts[h.target], false);
    varint(table, (h.depth << 1) | (h.lasti ? 1 : 0), false);
  }
  const varnames = spec.varnames ?? [];
  return new CodeObject({
    co_argcount: spec.argcount ?? 0,
    co_posonlyargcount: 0,
    co_kwonlyargcount: 0,
    co_stacksize: spec.stacksize ?? 16,
    co_flags: spec.flags ?? 0,
    co_code: new Uint8Array(bytes),
    co_consts: spec.consts ?? [],
    co_names: spec.names ?? [],
    co_localsplusnames: varnames,
    co_localspluskinds: new Uint8Array(varnames.map(() => CO_FAST.LOCAL)),
    co_filename: 'asm.py',
    co_name: spec.name ?? '<module>',
    co_qualname: spec.name ?? '<module>',
    co_firstlineno: first,
    co_linetable: new Uint8Array(lines),
    co_exceptiontable: new Uint8Array(table),
  });
}

export const FUNCTION_FLAGS = CO.OPTIMIZED | CO.NEWLOCALS;
