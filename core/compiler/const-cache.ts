import { CodeObject } from '../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from '../objects/values.js';
import { InternalError } from '../source/errors.js';

/**
 * Constant identity for the compiler: which constants count as "the same" (one co_consts slot,
 * one shared object), and the compile-wide cache that merges equal constants.
 *
 * CPython keys its constant dicts with `_PyCode_ConstantKey`, which keeps apart values that
 * Python's `==` would merge: `1`, `1.0` and `True`; `0.0` and `-0.0`; `(1,)` and `(1.0,)`.
 * Here the key is a string built with the same distinctions. Floats are keyed by their bit
 * pattern (so the two zeros differ), NaNs and code objects by object identity.
 * CPython: Objects/codeobject.c (_PyCode_ConstantKey), Python/compile.c (merge_consts_recursive,
 * merge_const_one, c_const_cache).
 */

const identities = new WeakMap<object, number>();
let nextIdentity = 0;
function identityOf(o: object): number {
  let id = identities.get(o);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(o, id);
  }
  return id;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function floatKey(o: object, x: number): string {
  if (Number.isNaN(x)) return `nan#${identityOf(o)}`;
  f64[0] = x;
  return `${u32[1].toString(16)}.${u32[0].toString(16)}`;
}

/** The constant key of a value, as a string (equal keys = same constant). */
export function constKey(v: PyValue): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return `i${v}`;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'string':
      return `s${v}`;
  }
  if (v === None) return 'N';
  if (v === Ellipsis) return 'E';
  if (v instanceof PyFloat) return `f${floatKey(v, v.value)}`;
  if (v instanceof PyComplex) return `c${floatKey(v, v.real)},${floatKey(v, v.imag)}`;
  if (v instanceof PyBytes) return `b${latin1(v.bytes)}`;
  if (v instanceof PyTuple) return `(${v.items.map(keyPart).join(',')})`;
  if (v instanceof PyFrozenSet) return `{${v.items.map(keyPart).sort().join(',')}}`;
  if (v instanceof CodeObject) return `code#${identityOf(v)}`;
  throw new InternalError(`not a constant: ${String(v)}`);
}

/** Bytes as a string of one char per byte (a compact exact key). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Code objects compare by value (code_richcompare): the same name, counts, flags, first line,
 * bytecode, constants, names, local names and tables make two code objects one constant. This
 * happens when one AST is compiled twice, as a `while` test or a `finally` body is. The cache
 * finds such twins (see ConstCache.merge), so a code object's key can be its identity.
 */
export function sameCode(a: CodeObject, b: CodeObject): boolean {
  return (
    a.co_name === b.co_name &&
    a.co_argcount === b.co_argcount &&
    a.co_posonlyargcount === b.co_posonlyargcount &&
    a.co_kwonlyargcount === b.co_kwonlyargcount &&
    a.co_flags === b.co_flags &&
    a.co_firstlineno === b.co_firstlineno &&
    sameBytes(a.co_code, b.co_code) &&
    a.co_consts.length === b.co_consts.length &&
    a.co_consts.every((k, i) => constKey(k) === constKey(b.co_consts[i])) &&
    sameStrings(a.co_names, b.co_names) &&
    sameStrings(a.co_localsplusnames, b.co_localsplusnames) &&
    sameBytes(a.co_linetable, b.co_linetable) &&
    sameBytes(a.co_exceptiontable, b.co_exceptiontable)
  );
}

/** A key nested in a container key: length-prefixed so no separator can be ambiguous. */
function keyPart(v: PyValue): string {
  const k = constKey(v);
  return `${k.length}:${k}`;
}

/**
 * The compile-wide constant cache (c_const_cache): maps each key to its canonical object, so
 * equal constants are one object across every code object of a compilation.
 */
export class ConstCache {
  private readonly map = new Map<string, PyValue>();
  /** Code objects by a cheap signature, to find structurally equal twins. */
  private readonly codes = new Map<string, CodeObject[]>();

  /** The canonical object equal to `v`, registering `v` (with merged items) if new (merge_consts_recursive). */
  merge(v: PyValue): PyValue {
    if (v === None || v === Ellipsis || typeof v !== 'object') return v;
    if (v instanceof CodeObject) return this.mergeCode(v);
    const key = constKey(v);
    const known = this.map.get(key);
    if (known !== undefined) return known;
    let canonical: PyValue = v;
    if (v instanceof PyTuple) {
      const items = v.items.map((item) => this.merge(item));
      canonical = items.every((item, i) => item === v.items[i]) ? v : new PyTuple(items);
    } else if (v instanceof PyFrozenSet && v.items.length > 0) {
      canonical = new PyFrozenSet(v.items.map((item) => this.merge(item)));
    }
    this.map.set(key, canonical);
    return canonical;
  }

  private mergeCode(co: CodeObject): CodeObject {
    const sig = `${co.co_name}|${co.co_firstlineno}|${co.co_code.length}|${co.co_linetable.length}`;
    const twins = this.codes.get(sig);
    if (twins === undefined) {
      this.codes.set(sig, [co]);
      return co;
    }
    for (const t of twins) if (sameCode(t, co)) return t;
    twins.push(co);
    return co;
  }

  /** merge_const_one: like merge, without merging the items of a new container. */
  mergeOne(v: PyValue): PyValue {
    if (v === None || v === Ellipsis || typeof v !== 'object') return v;
    const key = constKey(v);
    const known = this.map.get(key);
    if (known !== undefined) return known;
    this.map.set(key, v);
    return v;
  }
}
