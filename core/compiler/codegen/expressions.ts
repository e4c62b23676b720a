import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None, PyFrozenSet, PyTuple, type PyValue } from '../../objects/values.js';
import { distinct as distinctSet } from '../ast-opt/const-ops.js';
import { InternalError, assertNever } from '../../source/errors.js';
import { PseudoOp } from '../ir.js';
import { compilerCall, updateStartLocationToMatchAttr } from './calls.js';
import { compilerComprehension } from './comprehensions.js';
import { compilerLambda, compilerAwait, compilerYield, compilerYieldFrom } from './functions.js';
import { compilerJumpIf } from './jumps.js';
import { checkCompare, checkIndex, checkSubscripter } from './checks.js';
import { checkForbiddenName, nameop } from './scopes.js';
import {
  addop,
  addopI,
  addopJ,
  addopJNoline,
  addopName,
  compilerError,
  loadConst,
  newBlockIn,
  setLoc,
  useNextBlock,
  type Compiler,
} from './unit.js';

/**
 * Code generation for expressions: operators, comparisons, boolean operators, displays,
 * subscripts and slices, attributes, names, conditional and assignment expressions.
 * Every expression's instructions carry its own location, restored afterwards.
 * CPython: Python/compile.c (compiler_visit_expr, compiler_visit_expr1, compiler_boolop,
 * starunpack_helper, compiler_dict, compiler_compare, compiler_subscript, compiler_slice, ...).
 */

/** STACK_USE_GUIDELINE: above this many stack items, displays and calls are built incrementally. */
export const STACK_USE_GUIDELINE = 30;

export function visitExpr(c: Compiler, e: ast.expr): void {
  // Save and restore the location without allocating: this runs for every expression.
  const u = c.u;
  const lineno = u.lineno;
  const end_lineno = u.end_lineno;
  const col_offset = u.col_offset;
  const end_col_offset = u.end_col_offset;
  setLoc(c, e);
  visitExpr1(c, e);
  u.lineno = lineno;
  u.end_lineno = end_lineno;
  u.col_offset = col_offset;
  u.end_col_offset = end_col_offset;
}

export function visitExprs(c: Compiler, exprs: ast.expr[]): void {
  for (const e of exprs) visitExpr(c, e);
}

const BINARY_OPARG: Readonly<Record<ast.operator, number>> = {
  Add: 0,
  BitAnd: 1,
  FloorDiv: 2,
  LShift: 3,
  MatMult: 4,
  Mult: 5,
  Mod: 6,
  BitOr: 7,
  Pow: 8,
  RShift: 9,
  Sub: 10,
  Div: 11,
  BitXor: 12,
};

/** BINARY_OP with the NB_* argument; in-place forms are 13 higher. */
export function addopBinary(c: Compiler, op: ast.operator, inplace: boolean): void {
  addopI(c, Opcode.BINARY_OP, BINARY_OPARG[op] + (inplace ? 13 : 0));
}

function unaryOpcode(op: ast.unaryop): number {
  switch (op) {
    case 'Invert':
      return Opcode.UNARY_INVERT;
    case 'Not':
      return Opcode.UNARY_NOT;
    case 'UAdd':
      return Opcode.UNARY_POSITIVE;
    case 'USub':
      return Opcode.UNARY_NEGATIVE;
    default:
      return assertNever(op, 'unary operator');
  }
}

/** COMPARE_OP, IS_OP or CONTAINS_OP for one comparison operator. */
export function addCompare(c: Compiler, op: ast.cmpop): void {
  switch (op) {
    case 'Lt':
      return addopI(c, Opcode.COMPARE_OP, 0);
    case 'LtE':
      return addopI(c, Opcode.COMPARE_OP, 1);
    case 'Eq':
      return addopI(c, Opcode.COMPARE_OP, 2);
    case 'NotEq':
      return addopI(c, Opcode.COMPARE_OP, 3);
    case 'Gt':
      return addopI(c, Opcode.COMPARE_OP, 4);
    case 'GtE':
      return addopI(c, Opcode.COMPARE_OP, 5);
    case 'Is':
      return addopI(c, Opcode.IS_OP, 0);
    case 'IsNot':
      return addopI(c, Opcode.IS_OP, 1);
    case 'In':
      return addopI(c, Opcode.CONTAINS_OP, 0);
    case 'NotIn':
      return addopI(c, Opcode.CONTAINS_OP, 1);
    default:
      return assertNever(op, 'comparison operator');
  }
}

function visitExpr1(c: Compiler, e: ast.expr): void {
  switch (e._type) {
    case 'NamedExpr':
      visitExpr(c, e.value);
      addopI(c, Opcode.COPY, 1);
      visitExpr(c, e.target);
      return;
    case 'BoolOp':
      return compilerBoolop(c, e);
    case 'BinOp':
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      addopBinary(c, e.op, false);
      return;
    case 'UnaryOp':
      visitExpr(c, e.operand);
      addop(c, unaryOpcode(e.op));
      return;
    case 'Lambda':
      return compilerLambda(c, e);
    case 'IfExp':
      return compilerIfexp(c, e);
    case 'Dict':
      return compilerDict(c, e);
    case 'Set':
      return starunpackHelper(c, e.elts, 0, Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE, false);
    case 'GeneratorExp':
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      return compilerComprehension(c, e);
    case 'Yield':
      return compilerYield(c, e);
    case 'YieldFrom':
      return compilerYieldFrom(c, e);
    case 'Await':
      return compilerAwait(c, e);
    case 'Compare':
      return compilerCompare(c, e);
    case 'Call':
      return compilerCall(c, e);
    case 'Constant':
      loadConst(c, e.value);
      return;
    case 'JoinedStr':
      return compilerJoinedStr(c, e);
    case 'FormattedValue':
      return compilerFormattedValue(c, e);
    case 'Attribute':
      visitExpr(c, e.value);
      updateStartLocationToMatchAttr(c, e);
      switch (e.ctx) {
        case 'Load':
          addopName(c, Opcode.LOAD_ATTR, e.attr);
          return;
        case 'Store':
          checkForbiddenName(c, e.attr, e.ctx);
          addopName(c, Opcode.STORE_ATTR, e.attr);
          return;
        case 'Del':
          addopName(c, Opcode.DELETE_ATTR, e.attr);
          return;
        default:
          return assertNever(e.ctx, 'context');
      }
    case 'Subscript':
      return compilerSubscript(c, e);
    case 'Starred':
      if (e.ctx === 'Store') return compilerError(c, 'starred assignment target must be in a list or tuple');
      return compilerError(c, "can't use starred expression here");
    case 'Slice':
      return compilerSlice(c, e);
    case 'Name':
      return nameop(c, e.id, e.ctx);
    case 'List':
      if (e.ctx === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'Load') return starunpackHelper(c, e.elts, 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, false);
      return visitExprs(c, e.elts);
    case 'Tuple':
      if (e.ctx === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'Load') return starunpackHelper(c, e.elts, 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
      return visitExprs(c, e.elts);
    default:
      return assertNever(e, 'expression');
  }
}

function compilerBoolop(c: Compiler, e: ast.BoolOp): void {
  const jumpi = e.op === 'And' ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
  const end = newBlockIn(c);
  const n = e.values.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.values[i]);
    addopJ(c, jumpi, end);
    useNextBlock(c, newBlockIn(c));
  }
  visitExpr(c, e.values[n]);
  useNextBlock(c, end);
}

function compilerIfexp(c: Compiler, e: ast.IfExp): void {
  const end = newBlockIn(c);
  const next = newBlockIn(c);
  compilerJumpIf(c, e.test, next, false);
  visitExpr(c, e.body);
  addopJNoline(c, PseudoOp.JUMP, end);
  useNextBlock(c, next);
  visitExpr(c, e.orelse);
  useNextBlock(c, end);
}

function allConstant(seq: (ast.expr | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) {
    const e = seq[i];
    if (e === null || e._type !== 'Constant') return false;
  }
  return true;
}

/**
 * Builds a list, tuple or set (or a call's positional tuple) from items, some perhaps starred:
 * constant-only displays of 3+ items load one constant, big ones grow one item at a time.
 */
export function starunpackHelper(c: Compiler, elts: ast.expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
  const n = elts.length;
  if (n > 2 && allConstant(elts, 0, n)) {
    const values = elts.map((e) => (e as ast.Constant).value);
    if (tuple && !pushed) {
      loadConst(c, new PyTuple(values));
    } else {
      const folded: PyValue = add === Opcode.SET_ADD ? new PyFrozenSet(distinctSet(values)) : new PyTuple(values);
      addopI(c, build, pushed);
      loadConst(c, folded);
      addopI(c, extend, 1);
      if (tuple) addop(c, Opcode.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((e) => e._type === 'Starred');
  if (!seenStar && !big) {
    for (const elt of elts) visitExpr(c, elt);
    addopI(c, tuple ? Opcode.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let sequenceBuilt = false;
  if (big) {
    addopI(c, build, pushed);
    sequenceBuilt = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'Starred') {
      if (!sequenceBuilt) {
        addopI(c, build, i + pushed);
        sequenceBuilt = true;
      }
      visitExpr(c, elt.value);
      addopI(c, extend, 1);
    } else {
      visitExpr(c, elt);
      if (sequenceBuilt) addopI(c, add, 1);
    }
  }
  if (tuple) addop(c, Opcode.LIST_TO_TUPLE);
}

function unpackHelper(c: Compiler, elts: ast.expr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'Starred' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) compilerError(c, 'too many expressions in star-unpacking assignment');
      addopI(c, Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._type === 'Starred') {
      compilerError(c, 'multiple starred expressions in assignment');
    }
  }
  if (!seenStar) addopI(c, Opcode.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: Compiler, elts: ast.expr[]): void {
  unpackHelper(c, elts);
  for (const elt of elts) visitExpr(c, elt._type === 'Starred' ? elt.value : elt);
}

function compilerSubdict(c: Compiler, e: ast.Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && allConstant(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    const keys: PyValue[] = [];
    for (let i = begin; i < end; i++) keys.push((e.keys[i] as ast.Constant).value);
    loadConst(c, new PyTuple(keys));
    addopI(c, Opcode.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) addopI(c, Opcode.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i] as ast.expr);
    visitExpr(c, e.values[i]);
    if (big) addopI(c, Opcode.MAP_ADD, 1);
  }
  if (!big) addopI(c, Opcode.BUILD_MAP, n);
}

function compilerDict(c: Compiler, e: ast.Dict): void {
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      // `**mapping`
      if (elements) {
        compilerSubdict(c, e, i - elements, i);
        if (haveDict) addopI(c, Opcode.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        addopI(c, Opcode.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      addopI(c, Opcode.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      compilerSubdict(c, e, i - elements, i + 1);
      if (haveDict) addopI(c, Opcode.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    compilerSubdict(c, e, n - elements, n);
    if (haveDict) addopI(c, Opcode.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) addopI(c, Opcode.BUILD_MAP, 0);
}

function compilerCompare(c: Compiler, e: ast.Compare): void {
  checkCompare(c, e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = newBlockIn(c);
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    addopI(c, Opcode.SWAP, 2);
    addopI(c, Opcode.COPY, 2);
    addCompare(c, e.ops[i]);
    addopJ(c, Opcode.JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = newBlockIn(c);
  addopJNoline(c, PseudoOp.JUMP, end);
  useNextBlock(c, cleanup);
  addopI(c, Opcode.SWAP, 2);
  addop(c, Opcode.POP_TOP);
  useNextBlock(c, end);
}

function compilerSubscript(c: Compiler, e: ast.Subscript): void {
  if (e.ctx === 'Load') {
    checkSubscripter(c, e.value);
    checkIndex(c, e.value, e.slice);
  }
  const op = e.ctx === 'Load' ? Opcode.BINARY_SUBSCR : e.ctx === 'Store' ? Opcode.STORE_SUBSCR : Opcode.DELETE_SUBSCR;
  visitExpr(c, e.value);
  visitExpr(c, e.slice);
  addop(c, op);
}

function compilerSlice(c: Compiler, s: ast.Slice): void {
  let n = 2;
  if (s.lower) visitExpr(c, s.lower);
  else loadConst(c, None);
  if (s.upper) visitExpr(c, s.upper);
  else loadConst(c, None);
  if (s.step) {
    n++;
    visitExpr(c, s.step);
  }
  addopI(c, Opcode.BUILD_SLICE, n);
}

function compilerJoinedStr(c: Compiler, e: ast.JoinedStr): void {
  const count = e.values.length;
  if (count > STACK_USE_GUIDELINE) {
    loadConst(c, '');
    addopName(c, Opcode.LOAD_METHOD, 'join');
    addopI(c, Opcode.BUILD_LIST, 0);
    for (const v of e.values) {
      visitExpr(c, v);
      addopI(c, Opcode.LIST_APPEND, 1);
    }
    addopI(c, Opcode.PRECALL, 1);
    addopI(c, Opcode.CALL, 1);
    return;
  }
  visitExprs(c, e.values);
  if (count !== 1) addopI(c, Opcode.BUILD_STRING, count);
}

function compilerFormattedValue(c: Compiler, e: ast.FormattedValue): void {
  visitExpr(c, e.value);
  let oparg: number;
  switch (e.conversion) {
    case 115: // 's'
      oparg = 1;
      break;
    case 114: // 'r'
      oparg = 2;
      break;
    case 97: // 'a'
      oparg = 3;
      break;
    case -1:
      oparg = 0;
      break;
    default:
      throw new InternalError(`Unrecognized conversion character ${e.conversion}`);
  }
  if (e.format_spec) {
    visitExpr(c, e.format_spec);
    oparg |= 4;
  }
  addopI(c, Opcode.FORMAT_VALUE, oparg);
}
