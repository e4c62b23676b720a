import { CO, CodeObject } from '../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from '../objects/values.js';
import { MarshalDict, MarshalList, MarshalSet, StopIteration } from './containers.js';
import { UnmarshallableError } from './errors.js';
import { MAX_MARSHAL_STACK_DEPTH } from './type-codes.js';

/**
 * The static FLAG_REF model: which objects CPython's marshal flags and back-references when
 * py_compile writes the code object that compile() made.
 *
 * CPython decides per object at write time: an object whose reference count is 1 (and that is not
 * an interned str) is written plainly; any other gets a reference slot the first time (FLAG_REF on
 * its type byte) and is written as `r INDEX` afterwards. Our values carry no CPython identity or
 * reference counts, so this module rebuilds both from values alone:
 *
 * - **Identity.** compile() merges equal constants through one cache per compilation
 *   (`merge_const_one`, keyed by `_PyCode_ConstantKey`: `1`, `1.0`, `True`, `0.0`, `-0.0` all
 *   differ; tuples by their items' keys; frozensets by their item-key sets). The cache also merges
 *   every co_consts, co_names and co_localsplusnames tuple, every co_linetable and
 *   co_exceptiontable. So ints, floats, complexes, bytes, tuples and frozensets are one object per
 *   constant key. A str's identity depends on how it was made: interned strings (all names, and
 *   constants made only of `[A-Za-z0-9_]`) are one object per text; other constants are one object
 *   per text *among constants*; `''` and 1-character Latin-1 strings are process-wide singletons;
 *   `<module>`, `<lambda>`, `<listcomp>`... are static objects; co_filename is the caller's one
 *   object; a dotted co_qualname is a fresh string of its own. co_code is a fresh bytes per code
 *   object (cached on it, so its count is 2) and co_localspluskinds a fresh bytes (b'' if empty).
 * - **Reference counts.** An identity's holders are the slots that point to it, counting each
 *   container identity's slots once (a tuple shared by two code objects holds its items once).
 *   Singletons, small ints (-5..256), interned strings, static names, co_code, co_filename and the
 *   top-level object (held by the caller) always count as shared. Set and frozenset items are
 *   always flagged in the stream, because marshal holds them in its sort list while writing them.
 *
 * Known gaps (need CPython object history, not values): a frozenset constant used by two code
 * objects whose interning replaced one of its strings is two objects in CPython; a constant tuple
 * equal to a co_names tuple of non-identifier strings; a string constant equal to a nested class's
 * qualname that was registered before the class. See core/notes/pyc.md.
 * CPython: Python/marshal.c (w_ref), Python/compile.c (merge_consts_recursive, merge_const_one,
 * compiler_set_qualname), Objects/codeobject.c (_PyCode_ConstantKey, intern_strings,
 * intern_string_constants, _PyCode_GetCode).
 */

/** One CPython object as the model sees it. */
export class Ident {
  /** Slots pointing at this object (each distinct container counted once). */
  holders = 0;
  /** Shared regardless of holders: singletons, interned, static, or held outside the stream. */
  always = false;
  /** Written with an interned type code (`Z`, `A`, `t`). Strings only. */
  interned = false;
  /** Children already counted. */
  expanded = false;

  /** Whether CPython's refcount is above 1 when marshal reaches it. */
  get shared(): boolean {
    return this.always || this.holders > 1;
  }
}

/** How a str object came to be; see {@link RefModel}. */
type StrKind = 'S' | 'I' | 'C' | 'N' | 'F';

/** Names of the statically allocated code names; never interned, always shared. */
const STATIC_NAMES: ReadonlySet<string> = new Set(['<module>', '<lambda>', '<listcomp>', '<setcomp>', '<dictcomp>', '<genexpr>']);

/** all_name_chars: non-empty ASCII made only of letters, digits and underscore. */
export function isNameChars(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether an identifier-like string constant was probably interned as another object before its
 * code object was created (an identifier of the module, or one of the many names the runtime
 * interns at startup, single letters included). Strings starting with a digit are interned by
 * code objects too but are seldom names. A heuristic: the truth depends on the process.
 */
export function isLikelyPreinterned(v: PyValue): boolean {
  if (typeof v !== 'string' || !isNameChars(v)) return false;
  const c = v.charCodeAt(0);
  return c < 0x30 || c > 0x39;
}

/** `''` and 1-character Latin-1 strings are CPython singletons. */
function isSingletonStr(s: string): boolean {
  return s.length === 0 || (s.length === 1 && s.charCodeAt(0) < 256);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function floatBits(x: number): string {
  f64[0] = x;
  return u32[0].toString(36) + '.' + u32[1].toString(36);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** FNV-1a over the bytes: buckets equal contents without building a string per bytes object. */
function bytesHash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

/**
 * Identities and holder counts for one `dumps` call. {@link analyze} the root first, then ask for
 * each occurrence's identity with the same functions while writing.
 */
export class RefModel {
  /**
   * Constant keys -> small ints (so tuple keys stay short). Keys start with a letter per type:
   * s str, i int, !0/!1 bool, N None, E Ellipsis, S StopIteration, f float, c complex, y bytes
   * (content hash and bucket position), T tuple, Z frozenset, o object identity, @ a frozenset
   * rebuilt for one code object.
   */
  private readonly keyIds = new Map<string, number>();
  /** Objects with identity semantics (code objects, lists, dicts, sets) -> key id. */
  private readonly objectIds = new Map<object, number>();
  /** Tuples, frozensets and code-object arrays -> their key id, computed once. */
  private readonly containerIds = new Map<object, number>();
  /** bytes contents by hash, with their key ids. */
  private readonly bytesBuckets = new Map<number, [Uint8Array, number][]>();
  /** Non-str identities by key id. */
  private readonly valueIdents = new Map<number, Ident>();
  /**
   * str identities, one table per way of making a str: S singletons, I interned, C other
   * constants, N static code names, F co_filename.
   */
  private readonly strIdents: Readonly<Record<StrKind, Map<string, Ident>>> = {
    S: new Map(),
    I: new Map(),
    C: new Map(),
    N: new Map(),
    F: new Map(),
  };
  /** Identity of a str by role, once classified (constStr, nameStr). */
  private readonly constStrs = new Map<string, Ident>();
  private readonly nameStrs = new Map<string, Ident>();
  /** str and int constant keys (kept apart from keyIds to avoid building prefixed strings). */
  private readonly strKeyIds = new Map<string, number>();
  private readonly intKeyIds = new Map<number | bigint, number>();
  /** Identity of each object met in a constant position, once computed. */
  private readonly objectIdents = new Map<object, Ident>();
  /** Per code object: its fresh qualname. */
  private readonly freshQualnames = new Map<CodeObject, Ident>();
  private readonly codeIdents = new Map<CodeObject, Ident>();
  /** Standalone marshal bytes of set items (their sort keys), computed once per value. */
  readonly standaloneCache = new Map<PyValue, Uint8Array>();
  /** Nested class qualname -> the first class body (in compile order) that has it. */
  private readonly classQualnameOwners = new Map<string, CodeObject>();

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }

  private objectId(o: object): number {
    let id = this.objectIds.get(o);
    if (id === undefined) {
      id = this.keyId(`o${this.objectIds.size}`);
      this.objectIds.set(o, id);
    }
    return id;
  }

  /** Nesting of keyOf calls, bounded like marshal's own depth. */
  private keyDepth = 0;

  /** The `_PyCode_ConstantKey` class of a value, as a small int. */
  keyOf(v: PyValue): number {
    // A throw abandons the whole model, so the counter needs no unwinding.
    if (++this.keyDepth > MAX_MARSHAL_STACK_DEPTH) throw new UnmarshallableError('object too deeply nested to marshal');
    const key = this.keyOfValue(v);
    this.keyDepth--;
    return key;
  }

  private keyOfValue(v: PyValue): number {
    switch (typeof v) {
      case 'string': {
        let id = this.strKeyIds.get(v);
        if (id === undefined) {
          id = this.keyId(`s${this.strKeyIds.size}`);
          this.strKeyIds.set(v, id);
        }
        return id;
      }
      case 'number':
      case 'bigint': {
        let id = this.intKeyIds.get(v);
        if (id === undefined) {
          id = this.keyId('i' + v.toString());
          this.intKeyIds.set(v, id);
        }
        return id;
      }
      case 'boolean':
        return this.keyId(v ? '!1' : '!0');
      default:
        break;
    }
    if (v === None) return this.keyId('N');
    if (v === Ellipsis) return this.keyId('E');
    if (v === StopIteration) return this.keyId('S');
    // A NaN never equals another object, so the constant cache never merges two of them.
    if (v instanceof PyFloat) return Number.isNaN(v.value) ? this.objectId(v) : this.keyId('f' + floatBits(v.value));
    if (v instanceof PyComplex) {
      if (Number.isNaN(v.real) || Number.isNaN(v.imag)) return this.objectId(v);
      return this.keyId('c' + floatBits(v.real) + ',' + floatBits(v.imag));
    }
    if (v instanceof PyBytes) return this.bytesKey(v.bytes);
    if (v instanceof PyTuple) return this.tupleKey(v.items, v);
    if (v instanceof PyFrozenSet) {
      let id = this.containerIds.get(v);
      if (id === undefined) {
        const ids: number[] = [];
        for (let i = 0; i < v.items.length; i++) ids.push(this.keyOf(v.items[i]));
        ids.sort((a, b) => a - b);
        id = this.keyId('Z' + ids.join(','));
        this.containerIds.set(v, id);
      }
      return id;
    }
    return this.objectId(v);
  }

  /** Key of a bytes value: equal contents share one key (looked up by content hash, then compared). */
  private bytesKey(b: Uint8Array): number {
    let id = this.containerIds.get(b);
    if (id !== undefined) return id;
    const h = bytesHash(b);
    let bucket = this.bytesBuckets.get(h);
    if (bucket === undefined) {
      bucket = [];
      this.bytesBuckets.set(h, bucket);
    }
    for (const [other, otherId] of bucket) {
      if (sameBytes(other, b)) {
        id = otherId;
        break;
      }
    }
    if (id === undefined) {
      id = this.keyId(`y${h}.${bucket.length}`);
      bucket.push([b, id]);
    }
    this.containerIds.set(b, id);
    return id;
  }

  /** Key of a tuple given as its items (co_consts, co_names... are plain arrays on CodeObject). */
  tupleKey(items: readonly PyValue[], cacheAs: object = items): number {
    let id = this.containerIds.get(cacheAs);
    if (id === undefined) {
      let key = 'T';
      for (let i = 0; i < items.length; i++) key += (i ? ',' : '') + this.keyOf(items[i]);
      id = this.keyId(key);
      this.containerIds.set(cacheAs, id);
    }
    return id;
  }

  private valueIdent(key: number): Ident {
    let ident = this.valueIdents.get(key);
    if (ident === undefined) {
      ident = new Ident();
      this.valueIdents.set(key, ident);
    }
    return ident;
  }

  private strIdent(kind: StrKind, text: string): Ident {
    const table = this.strIdents[kind];
    let ident = table.get(text);
    if (ident === undefined) {
      ident = new Ident();
      table.set(text, ident);
    }
    return ident;
  }

  /** A str made by the parser or the optimizer and stored as a constant. */
  constStr(s: string): Ident {
    let ident = this.constStrs.get(s);
    if (ident === undefined) {
      ident = this.classifyConstStr(s);
      this.constStrs.set(s, ident);
    }
    return ident;
  }

  private classifyConstStr(s: string): Ident {
    if (isSingletonStr(s)) {
      const ident = this.strIdent('S', s);
      ident.always = true;
      // '*' is interned by the parser for `from m import *` (which os.py runs at startup).
      if (s.length === 0 || s === '*' || isNameChars(s)) ident.interned = true;
      return ident;
    }
    if (isNameChars(s)) return this.internedStr(s);
    return this.strIdent('C', s);
  }

  /** A str in co_names or co_localsplusnames, or a def/class name: always interned. */
  nameStr(s: string): Ident {
    let ident = this.nameStrs.get(s);
    if (ident === undefined) {
      ident = this.classifyNameStr(s);
      this.nameStrs.set(s, ident);
    }
    return ident;
  }

  private classifyNameStr(s: string): Ident {
    if (isSingletonStr(s)) {
      const ident = this.strIdent('S', s);
      ident.always = true;
      ident.interned = true;
      return ident;
    }
    return this.internedStr(s);
  }

  private internedStr(s: string): Ident {
    const ident = this.strIdent('I', s);
    ident.always = true;
    ident.interned = true;
    return ident;
  }

  /** co_name: a static name (`<module>`, `<lambda>`...) or an identifier. */
  codeName(code: CodeObject): Ident {
    if (STATIC_NAMES.has(code.co_name)) {
      const ident = this.strIdent('N', code.co_name);
      ident.always = true;
      return ident;
    }
    return this.nameStr(code.co_name);
  }

  /**
   * co_qualname: the co_name object itself for top-level and `global` definitions; for a nested
   * class, the qualname string its body stores as `__qualname__` (its first constant); otherwise a
   * fresh dotted string.
   */
  qualname(code: CodeObject, top: boolean): Ident {
    if (code.co_qualname === code.co_name) return this.codeName(code);
    if (!top && !(code.co_flags & CO.OPTIMIZED) && code.co_consts[0] === code.co_qualname) {
      // Only the first class body with this qualname registers its own string in the constant
      // cache; a later one (same class defined twice) gets the first one's string as its constant.
      const owner = this.classQualnameOwners.get(code.co_qualname);
      if (owner === undefined || owner === code) {
        this.classQualnameOwners.set(code.co_qualname, code);
        return this.constStr(code.co_qualname);
      }
    }
    let ident = this.freshQualnames.get(code);
    if (ident === undefined) {
      ident = new Ident();
      this.freshQualnames.set(code, ident);
    }
    return ident;
  }

  /** co_filename: the caller's one object, shared by every code object of the compilation. */
  filename(s: string): Ident {
    const ident = this.strIdent('F', s);
    ident.always = true;
    return ident;
  }

  code(code: CodeObject): Ident {
    let ident = this.codeIdents.get(code);
    if (ident === undefined) {
      ident = new Ident();
      this.codeIdents.set(code, ident);
    }
    return ident;
  }

  /** A bytes object in a constant, linetable or exception-table slot (merged by value). */
  bytes(b: Uint8Array, isConst: boolean): Ident {
    const ident = this.valueIdent(this.bytesKey(b));
    // b'' is a singleton; PyBytes_FromStringAndSize hands out cached 1-byte objects for constants.
    if (b.length === 0 || (isConst && b.length === 1)) ident.always = true;
    return ident;
  }

  /** co_localspluskinds: fresh per code object, except that an empty one is the b'' singleton. */
  kinds(b: Uint8Array): Ident | null {
    return b.length === 0 ? this.bytes(b, false) : null;
  }

  /** A tuple of names (co_names, co_localsplusnames), merged by value like any constant tuple. */
  nameTuple(items: readonly string[]): Ident {
    const ident = this.valueIdent(this.tupleKey(items));
    if (items.length === 0) ident.always = true;
    return ident;
  }

  /** co_consts, merged by value like any constant tuple. */
  constTuple(items: readonly PyValue[]): Ident {
    const ident = this.valueIdent(this.tupleKey(items));
    if (items.length === 0) ident.always = true;
    return ident;
  }

  /** Identity of a value in a constant position; null for the singletons marshal never references. */
  constant(v: PyValue): Ident | null {
    switch (typeof v) {
      case 'string':
        return this.constStr(v);
      case 'boolean':
        return null;
      case 'number':
      case 'bigint': {
        const ident = this.valueIdent(this.keyOf(v));
        if (v >= -5 && v <= 256) ident.always = true;
        return ident;
      }
      default:
        break;
    }
    if (v === None || v === Ellipsis || v === StopIteration) return null;
    let ident = this.objectIdents.get(v);
    if (ident !== undefined) return ident;
    if (v instanceof PyBytes) ident = this.bytes(v.bytes, true);
    else if (v instanceof CodeObject) ident = this.code(v);
    else {
      ident = this.valueIdent(this.keyOf(v));
      if (v instanceof PyTuple && v.items.length === 0) ident.always = true;
    }
    this.objectIdents.set(v, ident);
    return ident;
  }

  /**
   * Identity of an item of `owner.co_consts`. A frozenset holding an identifier-like string is
   * rebuilt per code object when the code is created (intern_string_constants replaces a string
   * that is already interned elsewhere, and common words always are), so such a frozenset is
   * never shared between code objects.
   */
  codeConstant(v: PyValue, owner: CodeObject): Ident | null {
    if (v instanceof PyFrozenSet && v.items.some(isLikelyPreinterned)) {
      return this.valueIdent(this.keyId(`@${this.objectId(owner)},${this.keyOf(v)}`));
    }
    return this.constant(v);
  }

  /** Counts the holders of everything reachable from `root`, which the caller itself holds. */
  analyze(root: PyValue): void {
    const ident = this.constant(root);
    if (ident === null) return;
    ident.always = true;
    this.holdValue(root);
  }

  private holdDepth = 0;

  private holdValue(v: PyValue, owner?: CodeObject): void {
    if (++this.holdDepth > MAX_MARSHAL_STACK_DEPTH) throw new UnmarshallableError('object too deeply nested to marshal');
    this.holdOne(v, owner);
    this.holdDepth--;
  }

  private holdOne(v: PyValue, owner?: CodeObject): void {
    const ident = owner === undefined ? this.constant(v) : this.codeConstant(v, owner);
    if (ident === null) return;
    ident.holders++;
    if (ident.expanded) return;
    ident.expanded = true;
    if (v instanceof PyTuple || v instanceof PyFrozenSet || v instanceof MarshalList || v instanceof MarshalSet) {
      for (const x of v.items) this.holdValue(x);
    } else if (v instanceof MarshalDict) {
      for (const [k, x] of v.entries) {
        this.holdValue(k);
        this.holdValue(x);
      }
    } else if (v instanceof CodeObject) {
      this.holdCode(v, ident.always);
    }
  }

  private hold(ident: Ident | null): void {
    if (ident !== null) ident.holders++;
  }

  private holdCode(code: CodeObject, top: boolean): void {
    const consts = this.constTuple(code.co_consts);
    consts.holders++;
    if (!consts.expanded) {
      consts.expanded = true;
      for (const x of code.co_consts) this.holdValue(x, code);
    }
    for (const names of [code.co_names, code.co_localsplusnames]) {
      const t = this.nameTuple(names);
      t.holders++;
      if (!t.expanded) {
        t.expanded = true;
        for (const n of names) this.nameStr(n).holders++;
      }
    }
    this.hold(this.kinds(code.co_localspluskinds));
    this.hold(this.filename(code.co_filename));
    this.hold(this.codeName(code));
    this.hold(this.qualname(code, top));
    this.hold(this.bytes(code.co_linetable, false));
    this.hold(this.bytes(code.co_exceptiontable, false));
  }
}
