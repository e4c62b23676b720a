import { NotSupportedError } from '../source/errors.js';
import { bytesRepr, complexRepr } from './repr.js';
import { hashBytes } from './hash.js';
import { CMP, NB_COUNT, NotImplemented, bytesType, complexType, type PyType } from './types.js';
import { PyBytes, PyComplex } from './values.js';

/**
 * complex and bytes exist as constants (`1j`, `b'ab'`) but their arithmetic and methods are not
 * implemented yet. Every operation CPython supports on them raises NotSupportedError, so a
 * program gets "not supported yet" instead of a TypeError CPython would not raise; repr, len,
 * hashing and equality, which constants need, are real.
 * CPython: Objects/complexobject.c, Objects/bytesobject.c.
 */

function unsupported(type: PyType): void {
  const fail = (): never => {
    throw new NotSupportedError(`${type.name} operations`, 0);
  };
  for (let i = 0; i < NB_COUNT; i++) type.nb[i] = fail;
  type.nb_negative = type.nb_positive = type.nb_absolute = fail;
  type.tp_iter = fail;
  type.mp_subscript = fail;
}

unsupported(complexType);
complexType.nb_invert = null;
complexType.tp_repr = (v) => complexRepr((v as PyComplex).real, (v as PyComplex).imag);
complexType.nb_bool = (v) => (v as PyComplex).real !== 0 || (v as PyComplex).imag !== 0;
complexType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyComplex) || (op !== CMP.EQ && op !== CMP.NE)) {
    throw new NotSupportedError('complex comparisons', 0);
  }
  const x = a as PyComplex;
  const same = x.real === b.real && x.imag === b.imag;
  return op === CMP.EQ ? same : !same;
};

unsupported(bytesType);
bytesType.nb_absolute = bytesType.nb_negative = bytesType.nb_positive = null;
const bytesFail = (): never => {
  throw new NotSupportedError('bytes operations', 0);
};
bytesType.sq_concat = bytesFail;
bytesType.sq_repeat = bytesFail;
bytesType.sq_contains = bytesFail;
bytesType.tp_repr = (v) => bytesRepr((v as PyBytes).bytes);
bytesType.sq_length = (v) => (v as PyBytes).bytes.length;
bytesType.tp_hash = (v) => hashBytes((v as PyBytes).bytes);
bytesType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyBytes)) return NotImplemented;
  if (op !== CMP.EQ && op !== CMP.NE) throw new NotSupportedError('bytes comparisons', 0);
  const x = (a as PyBytes).bytes;
  const y = b.bytes;
  const same = x.length === y.length && x.every((c, i) => c === y[i]);
  return op === CMP.EQ ? same : !same;
};
