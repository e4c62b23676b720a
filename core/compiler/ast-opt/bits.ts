/** The folder's marker for "we cannot reproduce CPython's result bit for bit here". */
export const UNSUPPORTED = Symbol('unsupported');
export type Unsupported = typeof UNSUPPORTED;

/** Bit length of |v| (_PyLong_NumBits). */
export function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  if (v === 0n) return 0;
  return v.toString(2).length;
}
