import { CodeObject, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from '../../../core/index.js';
import { MarshalDict, MarshalList, MarshalSet } from '../../../core/marshal/index.js';

/**
 * A value as plain data for deepEqual: keeps what marshal preserves (type, payload, order) and
 * drops what it does not (object serials). Floats keep their sign of zero and NaN-ness.
 */
export function plain(v: PyValue): unknown {
  if (typeof v !== 'object') return typeof v === 'bigint' ? { bigint: v.toString() } : v;
  if (v instanceof PyFloat) return { float: Object.is(v.value, -0) ? '-0' : String(v.value) };
  if (v instanceof PyComplex) return { complex: [plain(new PyFloat(v.real)), plain(new PyFloat(v.imag))] };
  if (v instanceof PyBytes) return { bytes: Array.from(v.bytes) };
  if (v instanceof PyTuple) return { tuple: v.items.map(plain) };
  if (v instanceof PyFrozenSet) return { frozenset: v.items.map(plain) };
  if (v instanceof MarshalList) return { list: v.items.map(plain) };
  if (v instanceof MarshalSet) return { set: v.items.map(plain) };
  if (v instanceof MarshalDict) return { dict: v.entries.map(([k, x]) => [plain(k), plain(x)]) };
  if (v instanceof CodeObject) return { code: v.co_qualname };
  return { object: v.constructor.name };
}
