import { NotSupportedError } from '../source/errors.js';
import { eq, hash } from './abstract.js';
import { frozensetType } from './types.js';
import type { PyFrozenSet } from './values.js';

/**
 * frozenset, as far as constants need it: `x in {1, 2, 3}` compiles to a frozenset constant.
 * Membership and len are exact; iteration and repr would expose CPython's hash-table order,
 * which is not modelled yet, so they are reported as not supported rather than guessed.
 * CPython: Objects/setobject.c.
 */
frozensetType.sq_contains = (container, item) => {
  hash(item); // unhashable items raise TypeError, as set_contains does
  for (const x of (container as PyFrozenSet).items) if (eq(x, item)) return true;
  return false;
};
frozensetType.sq_length = (v) => (v as PyFrozenSet).items.length;
frozensetType.tp_iter = () => {
  throw new NotSupportedError('iterating a frozenset', 0);
};
frozensetType.tp_repr = () => {
  throw new NotSupportedError('repr of a frozenset', 0);
};
