import { CodeObject } from '../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, normInt, type PyValue } from '../objects/values.js';
import { MarshalDict, MarshalList, MarshalSet, StopIteration } from './containers.js';
import { MarshalError } from './errors.js';
import { FLAG_REF, MAX_MARSHAL_STACK_DEPTH, TYPE } from './type-codes.js';
import { decodeUtf8 } from './utf8.js';

/**
 * The marshal reader: `marshal.loads` for every type code of format version 4, legacy codes
 * included. Strings decode into JS strings, bytes into PyBytes, ints through normInt, code
 * objects into {@link CodeObject} (3.11 field order).
 *
 * Every failure is a {@link MarshalError} naming the byte offset: truncated data, unknown type
 * codes, bad references, malformed ints and strings, code objects CPython would reject. Lengths are
 * checked against the bytes left before anything is allocated, nesting is bounded, and a reference
 * to an object still being read (a cycle) is refused: CPython accepts cyclic lists and tuples, but
 * no compiler emits them and they would make every later consumer (repr, dis) loop.
 * CPython: Python/marshal.c (r_object, r_ref_reserve, r_ref_insert), Objects/codeobject.c
 * (_PyCode_Validate).
 */

/**
 * Every frozenset and set this reader built. Their item order is marshal's stream order, which
 * CPython inserts one by one; dis needs to know that to print them in CPython's iteration order.
 */
export const setsReadByMarshal: WeakSet<object> = new WeakSet();

/** A reference slot reserved for an object that is still being read. */
const PENDING: unique symbol = Symbol('pending');

/** The stream position and the reference table of one `loads` call. */
class Reader {
  pos: number;
  private readonly view: DataView;
  private readonly refs: (PyValue | typeof PENDING)[] = [];
  private depth = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private fail(reason: string, offset = this.pos): never {
    throw new MarshalError(reason, offset);
  }

  private need(n: number, what: string): void {
    if (n > this.data.length - this.pos) {
      this.fail(`EOF read where ${what} expected (need ${n} bytes, ${this.data.length - this.pos} left)`);
    }
  }

  private byte(): number {
    this.need(1, 'byte');
    return this.data[this.pos++];
  }

  /** r_long: a signed 32-bit little-endian int. */
  int32(): number {
    this.need(4, 'int');
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A 4-byte length: negative values are bad data (CPython: "bad marshal data (... size out of range)"). */
  private size(what: string): number {
    const at = this.pos;
    const n = this.int32();
    if (n < 0) this.fail(`bad marshal data (${what} size out of range)`, at);
    return n;
  }

  private rawBytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  private latin1(n: number): string {
    this.need(n, 'string data');
    let s = '';
    const end = this.pos + n;
    if (n <= 64) {
      // Short strings (nearly all names) are cheaper char by char than through a spread.
      for (let i = this.pos; i < end; i++) s += String.fromCharCode(this.data[i]);
      this.pos = end;
      return s;
    }
    // Chunks keep the argument list of fromCharCode short.
    for (let i = this.pos; i < end; i += 4096) {
      s += String.fromCharCode(...this.data.subarray(i, Math.min(end, i + 4096)));
    }
    this.pos = end;
    return s;
  }

  private utf8(n: number): string {
    this.need(n, 'string data');
    const start = this.pos;
    const r = decodeUtf8(this.data, start, start + n);
    if (typeof r !== 'string') this.fail("bad marshal data (invalid UTF-8 in str: 'utf-8' codec can't decode)", start + r.badOffset);
    this.pos += n;
    return r;
  }

  private binaryFloat(): number {
    this.need(8, 'float');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Legacy `f`/`x` payload: a 1-byte length and the float's repr in ASCII. */
  private textFloat(): number {
    const at = this.pos;
    const n = this.byte();
    const text = this.latin1(n);
    const t = text.trim().toLowerCase();
    if (/^[+-]?nan$/.test(t)) return NaN;
    if (/^[+-]?inf(inity)?$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) this.fail(`bad marshal data (invalid float literal ${JSON.stringify(text)})`, at);
    return Number(t);
  }

  /** TYPE_LONG payload: signed digit count, then 15-bit digits, least significant first. */
  private long(): PyValue {
    const at = this.pos;
    const n = this.int32();
    if (n < -0x7fffffff || n > 0x7fffffff) this.fail('bad marshal data (long size out of range)', at);
    const count = Math.abs(n);
    this.need(count * 2, 'long digits');
    if (count === 0) return 0;
    let value = 0n;
    let small = 0;
    const useNumber = count <= 3; // 45 bits fit a double exactly
    for (let i = 0; i < count; i++) {
      const d = this.view.getUint16(this.pos, true);
      if (d >= 0x8000) this.fail('bad marshal data (digit out of range in long)', this.pos);
      if (i === count - 1 && d === 0) this.fail('bad marshal data (unnormalized long data)', this.pos);
      this.pos += 2;
      if (useNumber) small += d * 2 ** (15 * i);
      else value |= BigInt(d) << BigInt(15 * i);
    }
    if (useNumber) return n < 0 ? -small : small;
    return normInt(n < 0 ? -value : value);
  }

  private reserve(flag: boolean): number {
    if (!flag) return -1;
    this.refs.push(PENDING);
    return this.refs.length - 1;
  }

  private fill<T extends PyValue>(slot: number, v: T): T {
    if (slot >= 0) this.refs[slot] = v;
    return v;
  }

  /** r_object: one object, its type byte at the current position. */
  object(context: string): PyValue {
    const at = this.pos;
    if (this.pos >= this.data.length) this.fail('EOF read where object expected');
    if (++this.depth > MAX_MARSHAL_STACK_DEPTH) this.fail('bad marshal data (recursion limit exceeded)', at);
    const code = this.data[this.pos++];
    const flag = (code & FLAG_REF) !== 0;
    const type = code & ~FLAG_REF;
    let v: PyValue;
    switch (type) {
      case TYPE.NULL:
        this.fail(`NULL object in marshal data for ${context}`, at);
      case TYPE.NONE:
        v = None;
        break;
      case TYPE.FALSE:
        v = false;
        break;
      case TYPE.TRUE:
        v = true;
        break;
      case TYPE.STOPITER:
        v = StopIteration;
        break;
      case TYPE.ELLIPSIS:
        v = Ellipsis;
        break;
      case TYPE.INT:
        v = this.fill(this.reserve(flag), this.int32());
        break;
      case TYPE.INT64: {
        this.need(8, 'int64');
        const big = this.view.getBigInt64(this.pos, true);
        this.pos += 8;
        v = this.fill(this.reserve(flag), normInt(big));
        break;
      }
      case TYPE.LONG: {
        const slot = this.reserve(flag);
        v = this.fill(slot, this.long());
        break;
      }
      case TYPE.FLOAT: {
        const slot = this.reserve(flag);
        v = this.fill(slot, new PyFloat(this.textFloat()));
        break;
      }
      case TYPE.BINARY_FLOAT: {
        const slot = this.reserve(flag);
        v = this.fill(slot, new PyFloat(this.binaryFloat()));
        break;
      }
      case TYPE.COMPLEX: {
        const slot = this.reserve(flag);
        const re = this.textFloat();
        v = this.fill(slot, new PyComplex(re, this.textFloat()));
        break;
      }
      case TYPE.BINARY_COMPLEX: {
        const slot = this.reserve(flag);
        const re = this.binaryFloat();
        v = this.fill(slot, new PyComplex(re, this.binaryFloat()));
        break;
      }
      case TYPE.STRING: {
        const slot = this.reserve(flag);
        v = this.fill(slot, new PyBytes(this.rawBytes(this.size('bytes object'), 'bytes data')));
        break;
      }
      case TYPE.UNICODE:
      case TYPE.INTERNED: {
        const slot = this.reserve(flag);
        v = this.fill(slot, this.utf8(this.size('string')));
        break;
      }
      case TYPE.ASCII:
      case TYPE.ASCII_INTERNED: {
        const slot = this.reserve(flag);
        v = this.fill(slot, this.latin1(this.size('string')));
        break;
      }
      case TYPE.SHORT_ASCII:
      case TYPE.SHORT_ASCII_INTERNED: {
        const slot = this.reserve(flag);
        v = this.fill(slot, this.latin1(this.byte()));
        break;
      }
      case TYPE.SMALL_TUPLE:
      case TYPE.TUPLE: {
        const n = type === TYPE.SMALL_TUPLE ? this.byte() : this.size('tuple');
        this.need(n, 'tuple items');
        const slot = this.reserve(flag);
        const items: PyValue[] = new Array<PyValue>(n);
        for (let i = 0; i < n; i++) items[i] = this.object('tuple');
        v = this.fill(slot, new PyTuple(items));
        break;
      }
      case TYPE.LIST: {
        const n = this.size('list');
        this.need(n, 'list items');
        const slot = this.reserve(flag);
        const items: PyValue[] = new Array<PyValue>(n);
        for (let i = 0; i < n; i++) items[i] = this.object('list');
        v = this.fill(slot, new MarshalList(items));
        break;
      }
      case TYPE.DICT: {
        const slot = this.reserve(flag);
        const entries: [PyValue, PyValue][] = [];
        // Pairs until a NULL key; as in CPython, a NULL value also ends the dict.
        for (;;) {
          if (this.peekNull()) break;
          const key = this.object('dict key');
          if (this.peekNull()) break;
          entries.push([key, this.object('dict value')]);
        }
        v = this.fill(slot, new MarshalDict(entries));
        break;
      }
      case TYPE.SET:
      case TYPE.FROZENSET: {
        const n = this.size('set');
        this.need(n, 'set items');
        const slot = this.reserve(flag);
        const items: PyValue[] = new Array<PyValue>(n);
        for (let i = 0; i < n; i++) items[i] = this.object('set');
        const set = type === TYPE.SET ? new MarshalSet(items) : new PyFrozenSet(items);
        setsReadByMarshal.add(set);
        v = this.fill(slot, set);
        break;
      }
      case TYPE.CODE: {
        const slot = this.reserve(flag);
        v = this.fill(slot, this.code(at));
        break;
      }
      case TYPE.REF: {
        const n = this.int32();
        const ref = n >= 0 && n < this.refs.length ? this.refs[n] : undefined;
        if (ref === undefined) this.fail(`bad marshal data (invalid reference ${n}; ${this.refs.length} objects so far)`, at);
        if (ref === PENDING) this.fail(`bad marshal data (reference ${n} to an object still being read)`, at);
        v = ref;
        break;
      }
      default:
        this.fail(`bad marshal data (unknown type code 0x${code.toString(16).padStart(2, '0')})`, at);
    }
    this.depth--;
    return v;
  }

  /** Consumes a NULL (dict terminator) if one is next. */
  private peekNull(): boolean {
    if (this.pos < this.data.length && (this.data[this.pos] & ~FLAG_REF) === TYPE.NULL) {
      this.pos++;
      return true;
    }
    return false;
  }

  private typed<T extends PyValue>(what: string, check: (v: PyValue) => v is T): T {
    const at = this.pos;
    const v = this.object('object');
    if (!check(v)) this.fail(`bad marshal data (code object: ${what} has the wrong type)`, at);
    return v;
  }

  /** A 3.11 code object, validated as _PyCode_Validate does before it is built. */
  private code(at: number): CodeObject {
    const argcount = this.int32();
    const posonly = this.int32();
    const kwonly = this.int32();
    const stacksize = this.int32();
    const flags = this.int32();
    const code = this.typed('co_code', isBytes);
    const consts = this.typed('co_consts', isTuple);
    const names = this.typed('co_names', isTuple);
    const namesAt = this.pos;
    const lpNames = this.typed('co_localsplusnames', isTuple);
    const lpKinds = this.typed('co_localspluskinds', isBytes);
    const filename = this.typed('co_filename', isStr);
    const name = this.typed('co_name', isStr);
    const qualname = this.typed('co_qualname', isStr);
    const firstlineno = this.int32();
    const linetable = this.typed('co_linetable', isBytes);
    const exceptiontable = this.typed('co_exceptiontable', isBytes);
    const bad = (why: string): never => this.fail(`bad marshal data (code object: ${why})`, at);
    if (argcount < posonly || posonly < 0 || kwonly < 0) bad('invalid argument count');
    if (stacksize < 0) bad('invalid stack size');
    if (code.bytes.length % 2 !== 0) bad('co_code is malformed');
    if (!names.items.every(isStr)) this.fail('bad marshal data (code object: non-string found in co_names)', namesAt);
    if (!lpNames.items.every(isStr)) bad('non-string found in co_localsplusnames');
    if (lpKinds.bytes.length !== lpNames.items.length) bad('co_localsplusnames and co_localspluskinds differ in length');
    let nlocals = 0;
    for (const k of lpKinds.bytes) if (k & 0x20) nlocals++;
    const nargs = argcount + kwonly + (flags & 0x4 ? 1 : 0) + (flags & 0x8 ? 1 : 0);
    if (nargs > nlocals) bad('co_varnames is too small');
    return new CodeObject({
      co_argcount: argcount,
      co_posonlyargcount: posonly,
      co_kwonlyargcount: kwonly,
      co_stacksize: stacksize,
      co_flags: flags,
      co_code: code.bytes,
      co_consts: consts.items,
      co_names: names.items as readonly string[],
      co_localsplusnames: lpNames.items as readonly string[],
      co_localspluskinds: lpKinds.bytes,
      co_filename: filename,
      co_name: name,
      co_qualname: qualname,
      co_firstlineno: firstlineno,
      co_linetable: linetable.bytes,
      co_exceptiontable: exceptiontable.bytes,
    });
  }
}

function isBytes(v: PyValue): v is PyBytes {
  return v instanceof PyBytes;
}
function isTuple(v: PyValue): v is PyTuple {
  return v instanceof PyTuple;
}
function isStr(v: PyValue): v is string {
  return typeof v === 'string';
}

/**
 * `marshal.loads(data[start:])`: the first object of the stream (trailing bytes are ignored, as
 * CPython does). Offsets in errors count from the start of `data`.
 */
export function loads(data: Uint8Array, start = 0): PyValue {
  return loadsWithEnd(data, start).value;
}

/** Like {@link loads}, also returning the offset just past the object. */
export function loadsWithEnd(data: Uint8Array, start = 0): { value: PyValue; end: number } {
  const r = new Reader(data, start);
  try {
    const value = r.object('object');
    return { value, end: r.pos };
  } catch (e) {
    // Nesting within marshal's limit can still exhaust the host's stack.
    if (e instanceof RangeError) throw new MarshalError('bad marshal data (recursion limit exceeded)', r.pos);
    throw e;
  }
}
