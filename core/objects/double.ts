/**
 * Exact decomposition of a finite double: |x| = mant * 2**exp with an integer mant (53 bits at most).
 * The base of exact float arithmetic elsewhere: hashing a float as the rational it equals, and
 * formatting with correct rounding. CPython: Objects/floatobject.c (frexp-based float_hash).
 */
export function decomposeDouble(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return { mant, exp };
}
