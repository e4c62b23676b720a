import { CodeObject } from '../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from '../objects/values.js';
import { MarshalDict, MarshalList, MarshalSet, StopIteration } from './containers.js';
import { UnmarshallableError } from './errors.js';
import { type Ident, RefModel } from './ref-model.js';
import { FLAG_REF, MAX_MARSHAL_STACK_DEPTH, TYPE } from './type-codes.js';
import { encodeUtf8 } from './utf8.js';

/**
 * The marshal writer: `marshal.dumps(value)` in format version 4, byte-identical to what CPython
 * 3.11's py_compile writes for the code objects compile() makes. Which objects carry FLAG_REF and
 * which are written as back-references comes from the static model in ref-model.ts.
 * Set and frozenset items are written sorted by their own standalone marshal bytes, as 3.11 does
 * to make .pyc files reproducible under hash randomisation.
 * CPython: Python/marshal.c (w_object, w_complex_object, w_ref, w_PyLong).
 */

/** A growable little-endian byte buffer. */
class ByteSink {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }
  int32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  uint16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  float64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** Code units of an ASCII string, one byte each. */
  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lexicographic order of unsigned bytes, shorter first on a common prefix (Python's bytes order). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** One serialisation: a byte sink and a reference table (slot per flagged object, in stream order). */
class Writer {
  private readonly out = new ByteSink();
  private readonly memo = new Map<Ident, number>();
  /** Next reference slot (co_code takes slots that nothing can refer back to). */
  private slots = 0;
  private depth = 0;

  constructor(private readonly model: RefModel) {}

  result(): Uint8Array {
    return this.out.result();
  }

  /**
   * w_ref: true if `ident` was already written (then `r INDEX` has been emitted); otherwise
   * returns the flag bit for the type byte, taking the next slot when the object is shared.
   */
  private ref(ident: Ident | null, force = false): number | true {
    if (ident === null || !(force || ident.shared)) return 0;
    const index = this.memo.get(ident);
    if (index !== undefined) {
      this.out.byte(TYPE.REF);
      this.out.int32(index);
      return true;
    }
    this.memo.set(ident, this.slots++);
    return FLAG_REF;
  }

  /**
   * w_object. `forceShared` marks set items, which marshal itself holds while writing them.
   * Dispatches straight to one small method per type, so that nesting 2000 deep (marshal's limit)
   * stays within the JS stack.
   */
  value(v: PyValue, ident: Ident | null, forceShared = false, top = false): void {
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) throw new UnmarshallableError('object too deeply nested to marshal');
    if (v === None) this.out.byte(TYPE.NONE);
    else if (v === StopIteration) this.out.byte(TYPE.STOPITER);
    else if (v === Ellipsis) this.out.byte(TYPE.ELLIPSIS);
    else if (v === false) this.out.byte(TYPE.FALSE);
    else if (v === true) this.out.byte(TYPE.TRUE);
    else {
      const flag = this.ref(ident, forceShared);
      if (flag === true) {
        // already written: `r INDEX` is out
      } else if (typeof v === 'number' || typeof v === 'bigint') this.int(v, flag);
      else if (typeof v === 'string') this.str(v, ident !== null && ident.interned, flag);
      else if (v instanceof PyTuple) this.tuple(v.items, flag);
      else if (v instanceof MarshalList) this.list(v.items, flag);
      else if (v instanceof MarshalDict) this.dict(v.entries, flag);
      else if (v instanceof PyFrozenSet || v instanceof MarshalSet) this.set(v, flag);
      else if (v instanceof CodeObject) this.code(v, flag, top);
      else this.scalar(v, flag);
    }
    this.depth--;
  }

  private int(v: number | bigint, flag: number): void {
    if (v >= INT32_MIN && v <= INT32_MAX) {
      this.out.byte(TYPE.INT | flag);
      this.out.int32(Number(v));
    } else this.long(BigInt(v), flag);
  }

  /** float, complex and bytes; anything else has no type code. */
  private scalar(v: PyValue, flag: number): void {
    const out = this.out;
    if (v instanceof PyFloat) {
      out.byte(TYPE.BINARY_FLOAT | flag);
      out.float64(v.value);
    } else if (v instanceof PyComplex) {
      out.byte(TYPE.BINARY_COMPLEX | flag);
      out.float64(v.real);
      out.float64(v.imag);
    } else if (v instanceof PyBytes) {
      this.bytes(v.bytes, flag);
    } else {
      const name = typeof v === 'object' ? v.constructor.name : typeof v;
      throw new UnmarshallableError(`unmarshallable object: ${name}`);
    }
  }

  private list(items: readonly PyValue[], flag: number): void {
    this.out.byte(TYPE.LIST | flag);
    this.size(items.length);
    for (let i = 0; i < items.length; i++) this.value(items[i], this.model.constant(items[i]));
  }

  private dict(entries: readonly [PyValue, PyValue][], flag: number): void {
    this.out.byte(TYPE.DICT | flag);
    for (let i = 0; i < entries.length; i++) {
      const [k, x] = entries[i];
      this.value(k, this.model.constant(k));
      this.value(x, this.model.constant(x));
    }
    this.out.byte(TYPE.NULL);
  }

  /** Items sorted by their standalone marshal bytes (3.11's reproducible-pyc rule), each flagged. */
  private set(v: PyFrozenSet | MarshalSet, flag: number): void {
    const m = this.model;
    this.out.byte((v instanceof PyFrozenSet ? TYPE.FROZENSET : TYPE.SET) | flag);
    this.size(v.items.length);
    const keyed = v.items.map((x) => ({ x, key: standalone(m, x) }));
    keyed.sort((a, b) => compareBytes(a.key, b.key));
    for (let i = 0; i < keyed.length; i++) this.value(keyed[i].x, m.constant(keyed[i].x), true);
  }

  private size(n: number): void {
    if (n > INT32_MAX) throw new UnmarshallableError('unmarshallable object: too large');
    this.out.int32(n);
  }

  private tuple(items: readonly PyValue[], flag: number): void {
    this.tupleHeader(items.length, flag);
    for (let i = 0; i < items.length; i++) this.value(items[i], this.model.constant(items[i]));
  }

  private tupleHeader(n: number, flag: number): void {
    if (n < 256) {
      this.out.byte(TYPE.SMALL_TUPLE | flag);
      this.out.byte(n);
    } else {
      this.out.byte(TYPE.TUPLE | flag);
      this.size(n);
    }
  }

  /** A bytes-valued code object field (no PyBytes wrapper needed). */
  private bytesField(b: Uint8Array, ident: Ident | null): void {
    const flag = this.ref(ident);
    if (flag !== true) this.bytes(b, flag);
  }

  private bytes(b: Uint8Array, flag: number): void {
    this.out.byte(TYPE.STRING | flag);
    this.size(b.length);
    this.out.bytes(b);
  }

  private str(s: string, interned: boolean, flag: number): void {
    const out = this.out;
    if (isAscii(s)) {
      if (s.length < 256) {
        out.byte((interned ? TYPE.SHORT_ASCII_INTERNED : TYPE.SHORT_ASCII) | flag);
        out.byte(s.length);
      } else {
        out.byte((interned ? TYPE.ASCII_INTERNED : TYPE.ASCII) | flag);
        this.size(s.length);
      }
      out.ascii(s);
    } else {
      const utf8 = encodeUtf8(s);
      out.byte((interned ? TYPE.INTERNED : TYPE.UNICODE) | flag);
      this.size(utf8.length);
      out.bytes(utf8);
    }
  }

  /** w_PyLong: signed count of 15-bit digits, then the digits, least significant first. */
  private long(v: bigint, flag: number): void {
    const neg = v < 0n;
    let mag = neg ? -v : v;
    const digits: number[] = [];
    while (mag > 0n) {
      digits.push(Number(mag & 0x7fffn));
      mag >>= 15n;
    }
    this.out.byte(TYPE.LONG | flag);
    this.out.int32(neg ? -digits.length : digits.length);
    for (const d of digits) this.out.uint16(d);
  }

  private nameTuple(names: readonly string[]): void {
    const m = this.model;
    const flag = this.ref(m.nameTuple(names));
    if (flag === true) return;
    this.tupleHeader(names.length, flag);
    for (const n of names) this.value(n, m.nameStr(n));
  }

  private code(code: CodeObject, flag: number, top: boolean): void {
    const out = this.out;
    const m = this.model;
    out.byte(TYPE.CODE | flag);
    out.int32(code.co_argcount);
    out.int32(code.co_posonlyargcount);
    out.int32(code.co_kwonlyargcount);
    out.int32(code.co_stacksize);
    out.int32(code.co_flags);
    // co_code: a fresh bytes that the code object caches, so its count is always 2.
    this.slots++;
    this.bytes(code.co_code, FLAG_REF);
    const constsFlag = this.ref(m.constTuple(code.co_consts));
    if (constsFlag !== true) {
      this.tupleHeader(code.co_consts.length, constsFlag);
      for (const x of code.co_consts) this.value(x, m.codeConstant(x, code));
    }
    this.nameTuple(code.co_names);
    this.nameTuple(code.co_localsplusnames);
    this.bytesField(code.co_localspluskinds, m.kinds(code.co_localspluskinds));
    this.value(code.co_filename, m.filename(code.co_filename));
    this.value(code.co_name, m.codeName(code));
    this.value(code.co_qualname, m.qualname(code, top));
    out.int32(code.co_firstlineno);
    this.bytesField(code.co_linetable, m.bytes(code.co_linetable, false));
    this.bytesField(code.co_exceptiontable, m.bytes(code.co_exceptiontable, false));
  }
}

/** The standalone marshal bytes of a set item: its sort key (a fresh reference table). */
function standalone(model: RefModel, v: PyValue): Uint8Array {
  let bytes = model.standaloneCache.get(v);
  if (bytes === undefined) {
    const w = new Writer(model);
    w.value(v, model.constant(v));
    bytes = w.result();
    model.standaloneCache.set(v, bytes);
  }
  return bytes;
}

/**
 * `marshal.dumps(value)` (version 4), modelling the value as py_compile sees it: held by its
 * caller, with CPython's compile-time constant merging. For a code object from compile() this is
 * byte for byte the body of the .pyc py_compile writes.
 */
export function dumps(value: PyValue): Uint8Array {
  try {
    const model = new RefModel();
    model.analyze(value);
    const w = new Writer(model);
    w.value(value, model.constant(value), false, true);
    return w.result();
  } catch (e) {
    // Nesting within marshal's limit can still exhaust the host's stack (nested frozensets).
    if (e instanceof RangeError) throw new UnmarshallableError('object too deeply nested to marshal');
    throw e;
  }
}
