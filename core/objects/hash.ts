import { normInt, type PyInt } from './values.js';
import { decomposeDouble as decompose } from './double.js';

/**
 * CPython's hash functions for the builtin immutable types, bit for bit as a 64-bit build computes
 * them with PYTHONHASHSEED=0: ints and floats reduce modulo the Mersenne prime 2**61 - 1 (so equal
 * numbers of any type hash alike), str hashes SipHash-1-3 of its canonical buffer with a zero key,
 * and tuples combine item hashes with xxHash's primes. A result of -1 becomes -2 (-1 is C's error
 * value). They matter for `hash()` and, later, for set iteration order.
 * CPython: Python/pyhash.c, Objects/longobject.c (long_hash), Objects/floatobject.c (_Py_HashDouble),
 * Objects/tupleobject.c (tuplehash).
 */

const MASK64 = (1n << 64n) - 1n;
/** _PyHASH_MODULUS: 2**61 - 1. */
export const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61n;
export const HASH_INF = 314159;

function toSigned64(x: bigint): bigint {
  return x >= 1n << 63n ? x - (1n << 64n) : x;
}

function fixMinusOne(h: bigint): PyInt {
  return normInt(h === -1n ? -2n : h);
}

/** hash(int). */
export function hashInt(v: PyInt): PyInt {
  if (typeof v === 'number') {
    // Safe integers are below 2**53 < modulus: the hash is the value itself.
    return v === -1 ? -2 : v;
  }
  const neg = v < 0n;
  const r = (neg ? -v : v) % HASH_MODULUS;
  return fixMinusOne(neg ? -r : r);
}

/** hash(float), for a finite or infinite value (nan hashes by identity, handled by the caller). */
export function hashFloat(x: number): PyInt {
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return x === -1 ? -2 : x;
  const { mant, exp } = decompose(x);
  // 2**61 = 1 (mod P), so multiplying by 2**exp is a rotation by exp mod 61 bits.
  let e = BigInt(exp) % HASH_BITS;
  if (e < 0n) e += HASH_BITS;
  let h = ((mant % HASH_MODULUS) << e) % HASH_MODULUS;
  if (x < 0) h = -h;
  return fixMinusOne(h);
}

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK64;
}

/** SipHash-1-3 with a zero key (PYTHONHASHSEED=0). CPython: Python/pyhash.c (siphash13). */
export function siphash13(bytes: Uint8Array, k0 = 0n, k1 = 0n): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64;
    v2 = (v2 + v3) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & MASK64;
    v0 = (v0 + v3) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const n = bytes.length;
  const full = n - (n % 8);
  for (let i = 0; i < full; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(bytes[i + j]);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let last = BigInt(n & 0xff) << 56n;
  for (let j = n - full - 1; j >= 0; j--) last |= BigInt(bytes[full + j]) << BigInt(8 * j);
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}

/**
 * The bytes CPython hashes for a str: its compact representation, 1, 2 or 4 bytes per code point
 * (little-endian) depending on the largest code point.
 */
function canonicalBuffer(s: string): Uint8Array {
  const cps: number[] = [];
  let max = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    cps.push(cp);
    if (cp > max) max = cp;
  }
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    for (let b = 0; b < width; b++) out[i * width + b] = (cp >>> (8 * b)) & 0xff;
  }
  return out;
}

const strHashCache = new Map<string, PyInt>();

/** hash(str) under PYTHONHASHSEED=0 (`hash('') == 0`). */
export function hashStr(s: string): PyInt {
  if (s.length === 0) return 0;
  const cached = strHashCache.get(s);
  if (cached !== undefined) return cached;
  const h = fixMinusOne(toSigned64(siphash13(canonicalBuffer(s))));
  if (strHashCache.size > 4096) strHashCache.clear();
  strHashCache.set(s, h);
  return h;
}

/** hash(bytes): SipHash-1-3 of the bytes themselves. */
export function hashBytes(b: Uint8Array): PyInt {
  if (b.length === 0) return 0;
  return fixMinusOne(toSigned64(siphash13(b)));
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** Combines item hashes as tuplehash does. */
export function hashTupleOf(itemHashes: readonly PyInt[]): PyInt {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    const lane = BigInt(h) & MASK64;
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = rotl(acc, 31n);
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796;
  return normInt(toSigned64(acc));
}
