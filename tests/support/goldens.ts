/**
 * Reading the CPython goldens written by scripts/capture-cpython.py: the case list, and conversions
 * between their JSON forms and core's values (constants, AST nodes, code objects).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CO_FAST,
  CodeObject,
  Ellipsis,
  None,
  PyBytes,
  PyComplex,
  PyFloat,
  PyFrozenSet,
  PyTuple,
  coPositions,
  normInt,
  type PyValue,
  type ast,
} from '../../core/index.js';
import { casesDir, expectedDir } from './paths.js';

export interface Case {
  area: string;
  name: string;
  /** Absolute path of the .py file. */
  sourcePath: string;
  /** The text of expected/<area>/<name><ext>, or null when that stage has no golden. */
  expected(ext: string): string | null;
  expectedBytes(ext: string): Uint8Array | null;
}

/** Every case under tests/conformance/cases/<area>/ (all areas when omitted), sorted. */
export function listCases(area?: string): Case[] {
  const areas = area ? [area] : readdirSync(casesDir).sort();
  const out: Case[] = [];
  for (const a of areas) {
    const dir = join(casesDir, a);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.py')) continue;
      const name = file.slice(0, -3);
      const base = join(expectedDir, a, name);
      out.push({
        area: a,
        name,
        sourcePath: join(dir, file),
        expected: (ext) => (existsSync(base + ext) ? readFileSync(base + ext, 'utf8') : null),
        expectedBytes: (ext) => (existsSync(base + ext) ? new Uint8Array(readFileSync(base + ext)) : null),
      });
    }
  }
  return out;
}

/** A constant in the goldens' tagged JSON form. */
export type ConstJson =
  | { None: null }
  | { Ellipsis: null }
  | { bool: boolean }
  | { int: string }
  | { float: string }
  | { complex: [string, string] }
  | { str: string }
  | { bytes: string }
  | { tuple: ConstJson[] }
  | { frozenset: ConstJson[] }
  | { code: CodeJson };

export interface CodeJson {
  co_name: string;
  co_qualname: string;
  co_filename: string;
  co_firstlineno: number;
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_nlocals: number;
  co_stacksize: number;
  co_flags: number;
  co_code: string;
  co_consts: ConstJson[];
  co_names: string[];
  co_varnames: string[];
  co_cellvars: string[];
  co_freevars: string[];
  co_linetable: string;
  co_exceptiontable: string;
  co_positions: (number | null)[][];
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan' || s === '-nan') return NaN;
  return Number(s);
}

export function constFromJson(j: ConstJson): PyValue {
  if ('None' in j) return None;
  if ('Ellipsis' in j) return Ellipsis;
  if ('bool' in j) return j.bool;
  if ('int' in j) return normInt(BigInt(j.int));
  if ('float' in j) return new PyFloat(parseFloatRepr(j.float));
  if ('complex' in j) return new PyComplex(parseFloatRepr(j.complex[0]), parseFloatRepr(j.complex[1]));
  if ('str' in j) return j.str;
  if ('bytes' in j) return new PyBytes(hexToBytes(j.bytes));
  if ('tuple' in j) return new PyTuple(j.tuple.map(constFromJson));
  if ('frozenset' in j) return new PyFrozenSet(j.frozenset.map(constFromJson));
  return codeFromJson(j.code);
}

/**
 * A code object from its golden JSON. localsplus is rebuilt from varnames, cellvars and freevars
 * as CPython lays it out: locals (a parameter that is also a cell is LOCAL|CELL), other cells, frees.
 */
export function codeFromJson(j: CodeJson): CodeObject {
  const names: string[] = [];
  const kinds: number[] = [];
  for (const v of j.co_varnames) {
    names.push(v);
    kinds.push(CO_FAST.LOCAL | (j.co_cellvars.includes(v) ? CO_FAST.CELL : 0));
  }
  for (const c of j.co_cellvars) {
    if (j.co_varnames.includes(c)) continue;
    names.push(c);
    kinds.push(CO_FAST.CELL);
  }
  for (const f of j.co_freevars) {
    names.push(f);
    kinds.push(CO_FAST.FREE);
  }
  return new CodeObject({
    co_argcount: j.co_argcount,
    co_posonlyargcount: j.co_posonlyargcount,
    co_kwonlyargcount: j.co_kwonlyargcount,
    co_stacksize: j.co_stacksize,
    co_flags: j.co_flags,
    co_code: hexToBytes(j.co_code),
    co_consts: j.co_consts.map(constFromJson),
    co_names: j.co_names,
    co_localsplusnames: names,
    co_localspluskinds: new Uint8Array(kinds),
    co_filename: j.co_filename,
    co_name: j.co_name,
    co_qualname: j.co_qualname,
    co_firstlineno: j.co_firstlineno,
    co_linetable: hexToBytes(j.co_linetable),
    co_exceptiontable: hexToBytes(j.co_exceptiontable),
  });
}

export function constToJson(v: PyValue): ConstJson {
  if (v === None) return { None: null };
  if (v === Ellipsis) return { Ellipsis: null };
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'number' || typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'string') return { str: v };
  if (v instanceof PyFloat) return { float: floatJson(v.value) };
  if (v instanceof PyComplex) return { complex: [floatJson(v.real), floatJson(v.imag)] };
  if (v instanceof PyBytes) return { bytes: bytesToHex(v.bytes) };
  if (v instanceof PyTuple) return { tuple: v.items.map(constToJson) };
  if (v instanceof PyFrozenSet) {
    const items = v.items.map(constToJson);
    items.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    return { frozenset: items };
  }
  if (v instanceof CodeObject) return { code: codeToJson(v) };
  throw new Error(`not a constant: ${String(v)}`);
}

function floatJson(x: number): string {
  // Goldens hold Python's repr; only round-tripping matters for comparison.
  return Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : Object.is(x, -0) ? '-0.0' : String(x);
}

/** Python's json.dumps(sort_keys=True) order is only approximated; used to order frozenset items. */
function sortKey(j: ConstJson): string {
  return JSON.stringify(j);
}

/** A code object in the goldens' JSON form (for structural comparison against .code.json). */
export function codeToJson(code: CodeObject): CodeJson {
  return {
    co_name: code.co_name,
    co_qualname: code.co_qualname,
    co_filename: code.co_filename,
    co_firstlineno: code.co_firstlineno,
    co_argcount: code.co_argcount,
    co_posonlyargcount: code.co_posonlyargcount,
    co_kwonlyargcount: code.co_kwonlyargcount,
    co_nlocals: code.co_nlocals,
    co_stacksize: code.co_stacksize,
    co_flags: code.co_flags,
    co_code: bytesToHex(code.co_code),
    co_consts: code.co_consts.map(constToJson),
    co_names: [...code.co_names],
    co_varnames: code.co_varnames,
    co_cellvars: code.co_cellvars,
    co_freevars: code.co_freevars,
    co_linetable: bytesToHex(code.co_linetable),
    co_exceptiontable: bytesToHex(code.co_exceptiontable),
    co_positions: coPositions(code).map((p) => [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset]),
  };
}

/** Normalises float spellings inside a golden so both sides compare equal (Python repr vs JS String). */
export function normalizeCodeJson(j: CodeJson): CodeJson {
  const fixConst = (c: ConstJson): ConstJson => {
    if ('float' in c) return { float: floatJson(parseFloatRepr(c.float)) };
    if ('complex' in c) return { complex: [floatJson(parseFloatRepr(c.complex[0])), floatJson(parseFloatRepr(c.complex[1]))] };
    if ('tuple' in c) return { tuple: c.tuple.map(fixConst) };
    if ('frozenset' in c) {
      const items = c.frozenset.map(fixConst);
      items.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      return { frozenset: items };
    }
    if ('code' in c) return { code: normalizeCodeJson(c.code) };
    return c;
  };
  return { ...j, co_consts: j.co_consts.map(fixConst) };
}

/** An AST from the goldens' .ast.json form (constants decoded to core values). */
export function astFromJson(j: unknown): ast.Module {
  return convertAst(j) as ast.Module;
}

function convertAst(j: unknown): unknown {
  if (Array.isArray(j)) return j.map(convertAst);
  if (j === null || typeof j !== 'object') return j;
  const obj = j as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'value' && (obj._type === 'Constant' || obj._type === 'MatchSingleton')) out[k] = constFromJson(v as ConstJson);
    else out[k] = convertAst(v);
  }
  return out;
}
