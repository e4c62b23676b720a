import { PyFrozenSet, PyTuple, type PyValue } from '../objects/values.js';
import { constRepr } from '../objects/repr.js';
import { MarshalDict, MarshalList, MarshalSet, PyStopIterationClass } from '../marshal/containers.js';
import { setsReadByMarshal } from '../marshal/reader.js';
import { setIterationOrder } from './set-order.js';

/**
 * `repr()` of a LOAD_CONST operand as dis prints it. Scalars and code objects go through
 * constRepr; containers recurse here so that every frozenset (also inside a tuple) lists its items
 * in CPython's iteration order: for a set read from a .pyc, the order of inserting marshal's items
 * one by one; for one made by the compiler, the order of compile()'s source-order build and rebuild.
 * marshal's lists, dicts and sets (never in compiled code, possible in a hand-made .pyc) print as
 * Python would.
 * CPython: Objects/setobject.c (set_repr), Objects/tupleobject.c (tuplerepr).
 */
export function argRepr(v: PyValue): string {
  if (v instanceof PyTuple) {
    if (v.items.length === 1) return `(${argRepr(v.items[0])},)`;
    return `(${v.items.map(argRepr).join(', ')})`;
  }
  if (v instanceof PyFrozenSet) {
    if (v.items.length === 0) return 'frozenset()';
    return `frozenset({${orderOf(v).map(argRepr).join(', ')}})`;
  }
  if (v instanceof MarshalSet) {
    if (v.items.length === 0) return 'set()';
    return `{${orderOf(v).map(argRepr).join(', ')}}`;
  }
  if (v instanceof MarshalList) return `[${v.items.map(argRepr).join(', ')}]`;
  if (v instanceof MarshalDict) return `{${v.entries.map(([k, x]) => `${argRepr(k)}: ${argRepr(x)}`).join(', ')}}`;
  if (v instanceof PyStopIterationClass) return "<class 'StopIteration'>";
  return constRepr(v);
}

function orderOf(v: PyFrozenSet | MarshalSet): PyValue[] {
  return setIterationOrder(v.items, setsReadByMarshal.has(v) ? 'inserted' : 'compiled');
}
