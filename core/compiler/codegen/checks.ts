import type * as ast from '../../ast/nodes.generated.js';
import { CodeObject } from '../../bytecode/code-object.js';
import { Ellipsis, None, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, type PyValue } from '../../objects/values.js';
import { compilerWarn, type Compiler } from './unit.js';

/**
 * The compiler's SyntaxWarnings for code that is valid but almost surely a typo:
 * `x is 1`, `(1, 2)(3)`, `[1, 2][0, 1]`, `1[0]`.
 * CPython: Python/compile.c (check_compare, check_caller, check_subscripter, check_index, infer_type).
 */

function constTypeName(v: PyValue): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (v === None) return 'NoneType';
  if (v === Ellipsis) return 'ellipsis';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyComplex) return 'complex';
  if (v instanceof PyBytes) return 'bytes';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyFrozenSet) return 'frozenset';
  if (v instanceof CodeObject) return 'code';
  return 'object';
}

/** The static type of an expression when it is evident from its form (infer_type). */
function inferType(e: ast.expr): string | null {
  switch (e._type) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Constant':
      return constTypeName(e.value);
    default:
      return null;
  }
}

/** A constant other than the named singletons (check_is_arg is its negation). */
function isLiteral(e: ast.expr): boolean {
  if (e._type !== 'Constant') return false;
  const v = e.value;
  return !(v === None || v === false || v === true || v === Ellipsis);
}

export function checkCompare(c: Compiler, e: ast.Compare): void {
  let left = !isLiteral(e.left);
  for (let i = 0; i < e.ops.length; i++) {
    const op = e.ops[i];
    const right = !isLiteral(e.comparators[i]);
    if ((op === 'Is' || op === 'IsNot') && (!right || !left)) {
      compilerWarn(c, op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
      return;
    }
    left = right;
  }
}

export function checkCaller(c: Compiler, e: ast.expr): void {
  switch (e._type) {
    case 'Constant':
    case 'Tuple':
    case 'List':
    case 'ListComp':
    case 'Dict':
    case 'DictComp':
    case 'Set':
    case 'SetComp':
    case 'GeneratorExp':
    case 'JoinedStr':
    case 'FormattedValue':
      compilerWarn(c, `'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
      return;
    default:
      return;
  }
}

export function checkSubscripter(c: Compiler, e: ast.expr): void {
  switch (e._type) {
    case 'Constant': {
      const v = e.value;
      const t = constTypeName(v);
      if (!(v === None || v === Ellipsis || t === 'int' || t === 'bool' || t === 'float' || t === 'complex' || t === 'frozenset')) return;
      break;
    }
    case 'Set':
    case 'SetComp':
    case 'GeneratorExp':
    case 'Lambda':
      break;
    default:
      return;
  }
  compilerWarn(c, `'${inferType(e)}' object is not subscriptable; perhaps you missed a comma?`);
}

export function checkIndex(c: Compiler, e: ast.expr, s: ast.expr): void {
  const indexType = inferType(s);
  if (indexType === null || indexType === 'int' || indexType === 'bool') return;
  switch (e._type) {
    case 'Constant': {
      const t = constTypeName(e.value);
      if (!(t === 'str' || t === 'bytes' || t === 'tuple')) return;
      break;
    }
    case 'Tuple':
    case 'List':
    case 'ListComp':
    case 'JoinedStr':
    case 'FormattedValue':
      break;
    default:
      return;
  }
  compilerWarn(c, `${inferType(e)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`);
}
