import type { PyValue } from '../objects/values.js';

/**
 * The value of an `ast.Constant` (or `MatchSingleton`): None, True, False, Ellipsis, int, float,
 * complex, str, bytes, and after constant folding also tuple and frozenset.
 */
export type PyConstant = PyValue;
