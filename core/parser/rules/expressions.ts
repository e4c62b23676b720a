import type { BinOp, BoolOp, Compare, IfExp, NamedExpr, Starred, Tuple, UnaryOp, Yield, YieldFrom, cmpop, expr, operator } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, setExprContext, type CmpopExprPair } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { invalid_expression, invalid_legacy_expression, invalid_named_expression } from './invalid-expressions.js';
import { factor, lambdef } from './primary.js';

/**
 * Expression rules from `expression` down to the binary operators: conditional expressions,
 * yield, starred and named expressions, boolean operators, comparisons, and the binary operator
 * levels. The left-recursive rules (bitwise_or ... term) are written as loops, which give the same
 * trees as CPython's seed-growing left recursion; their results are memoized at the same positions
 * as CPython's (see Parser.memoMask). The tighter-binding rules are in primary.ts.
 * CPython: Grammar/python.gram (EXPRESSIONS, Comparison operators, Bitwise operators, Arithmetic operators).
 */

/** expressions: expression (',' expression)+ [','] | expression ',' | expression */
export function expressions(p: Parser): expr | null {
  const mark = p.mark;
  const a = expression(p);
  if (a === null) return null;
  let elts: expr[] | null = null;
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = expression(p)) !== null) (elts ??= [a]).push(c);
    else {
      p.mark = m;
      break;
    }
  }
  if (elts !== null) {
    p.expect(Tok.COMMA);
    return extra<Tuple>(p, mark, { _type: 'Tuple', elts, ctx: 'Load' });
  }
  if (p.expect(Tok.COMMA)) return extra<Tuple>(p, mark, { _type: 'Tuple', elts: [a], ctx: 'Load' });
  return a;
}

/** expression (memo): invalid_expression | invalid_legacy_expression | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
export function expression(p: Parser): expr | null {
  const memo = p.memoGet(Memo.expression);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  p.enter();
  const res = expressionRaw(p, mark);
  p.level--;
  p.memoSet(mark, Memo.expression, res);
  return res;
}

function expressionRaw(p: Parser, mark: number): expr | null {
  if (p.callInvalidRules) {
    invalid_expression(p);
    p.mark = mark;
    invalid_legacy_expression(p);
    p.mark = mark;
  }
  const a = disjunction(p);
  if (a !== null) {
    const afterA = p.mark;
    let b: expr | null;
    let c: expr | null;
    if (p.expect(Tok.KW_IF) && (b = disjunction(p)) !== null && p.expect(Tok.KW_ELSE) && (c = expression(p)) !== null) {
      return extra<IfExp>(p, mark, { _type: 'IfExp', test: b, body: a, orelse: c });
    }
    p.mark = afterA;
    return a;
  }
  p.mark = mark;
  return lambdef(p);
}

/** The same as `expression` but never calling the invalid rules. CPython: expression_without_invalid. */
export function expression_without_invalid(p: Parser): expr | null {
  const saved = p.callInvalidRules;
  p.callInvalidRules = false;
  try {
    const mark = p.mark;
    const a = disjunction(p);
    if (a !== null) {
      const afterA = p.mark;
      let b: expr | null;
      let c: expr | null;
      if (p.expect(Tok.KW_IF) && (b = disjunction(p)) !== null && p.expect(Tok.KW_ELSE) && (c = expression(p)) !== null) {
        return extra<IfExp>(p, mark, { _type: 'IfExp', test: b, body: a, orelse: c });
      }
      p.mark = afterA;
      return a;
    }
    p.mark = mark;
    return lambdef(p);
  } finally {
    p.callInvalidRules = saved;
  }
}

/** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
export function yield_expr(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_YIELD)) return null;
  const afterYield = p.mark;
  let a: expr | null;
  if (p.expect(Tok.KW_FROM) && (a = expression(p)) !== null) return extra<YieldFrom>(p, mark, { _type: 'YieldFrom', value: a });
  p.mark = afterYield;
  const v = star_expressions(p);
  return extra<Yield>(p, mark, { _type: 'Yield', value: v });
}

/** star_expressions: star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression */
export function star_expressions(p: Parser): expr | null {
  const mark = p.mark;
  const a = star_expression(p);
  if (a === null) return null;
  let elts: expr[] | null = null;
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = star_expression(p)) !== null) (elts ??= [a]).push(c);
    else {
      p.mark = m;
      break;
    }
  }
  if (elts !== null) {
    p.expect(Tok.COMMA);
    return extra<Tuple>(p, mark, { _type: 'Tuple', elts, ctx: 'Load' });
  }
  if (p.expect(Tok.COMMA)) return extra<Tuple>(p, mark, { _type: 'Tuple', elts: [a], ctx: 'Load' });
  return a;
}

/** star_expression (memo): '*' bitwise_or | expression */
export function star_expression(p: Parser): expr | null {
  const memo = p.memoGet(Memo.star_expression);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = null;
  let a: expr | null;
  if (p.expect(Tok.STAR) && (a = bitwise_or(p)) !== null) res = extra<Starred>(p, mark, { _type: 'Starred', value: a, ctx: 'Load' });
  else {
    p.mark = mark;
    res = expression(p);
  }
  p.memoSet(mark, Memo.star_expression, res);
  return res;
}

/** star_named_expressions: ','.star_named_expression+ [','] */
export function star_named_expressions(p: Parser): expr[] | null {
  const first = star_named_expression(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = star_named_expression(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return out;
}

/** star_named_expression: '*' bitwise_or | named_expression */
export function star_named_expression(p: Parser): expr | null {
  const mark = p.mark;
  let a: expr | null;
  if (p.expect(Tok.STAR) && (a = bitwise_or(p)) !== null) return extra<Starred>(p, mark, { _type: 'Starred', value: a, ctx: 'Load' });
  p.mark = mark;
  return named_expression(p);
}

/** assignment_expression: NAME ':=' ~ expression */
export function assignment_expression(p: Parser): expr | null {
  const mark = p.mark;
  const a = p.name();
  if (a === null) return null;
  if (!p.expect(Tok.COLONEQUAL)) {
    p.mark = mark;
    return null;
  }
  const b = expression(p);
  if (b === null) {
    p.mark = mark;
    return null; // cut: no other alternative
  }
  return extra<NamedExpr>(p, mark, { _type: 'NamedExpr', target: setExprContext(a, 'Store'), value: b });
}

/** named_expression: assignment_expression | invalid_named_expression | expression !':=' */
export function named_expression(p: Parser): expr | null {
  const mark = p.mark;
  const a = assignment_expression(p);
  if (a !== null) return a;
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_named_expression(p);
    p.mark = mark;
  }
  const e = expression(p);
  if (e !== null && !p.at(Tok.COLONEQUAL)) return e;
  p.mark = mark;
  return null;
}

/** disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
export function disjunction(p: Parser): expr | null {
  const memo = p.memoGet(Memo.disjunction);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = conjunction(p);
  if (res !== null) {
    let values: expr[] | null = null;
    for (;;) {
      const m = p.mark;
      let c: expr | null;
      if (p.expect(Tok.KW_OR) && (c = conjunction(p)) !== null) (values ??= [res]).push(c);
      else {
        p.mark = m;
        break;
      }
    }
    if (values !== null) res = extra<BoolOp>(p, mark, { _type: 'BoolOp', op: 'Or', values });
  }
  p.memoSet(mark, Memo.disjunction, res);
  return res;
}

/** conjunction (memo): inversion ('and' inversion)+ | inversion */
export function conjunction(p: Parser): expr | null {
  const memo = p.memoGet(Memo.conjunction);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = inversion(p);
  if (res !== null) {
    let values: expr[] | null = null;
    for (;;) {
      const m = p.mark;
      let c: expr | null;
      if (p.expect(Tok.KW_AND) && (c = inversion(p)) !== null) (values ??= [res]).push(c);
      else {
        p.mark = m;
        break;
      }
    }
    if (values !== null) res = extra<BoolOp>(p, mark, { _type: 'BoolOp', op: 'And', values });
  }
  p.memoSet(mark, Memo.conjunction, res);
  return res;
}

/** inversion (memo): 'not' inversion | comparison */
export function inversion(p: Parser): expr | null {
  const memo = p.memoGet(Memo.inversion);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  p.enter();
  let res: expr | null = null;
  let a: expr | null;
  if (p.expect(Tok.KW_NOT) && (a = inversion(p)) !== null) res = extra<UnaryOp>(p, mark, { _type: 'UnaryOp', op: 'Not', operand: a });
  else {
    p.mark = mark;
    res = comparison(p);
  }
  p.level--;
  p.memoSet(mark, Memo.inversion, res);
  return res;
}

/** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
export function comparison(p: Parser): expr | null {
  const mark = p.mark;
  const a = bitwise_or(p);
  if (a === null) return null;
  let pairs: CmpopExprPair[] | null = null;
  for (;;) {
    const m = p.mark;
    const pair = compare_op_bitwise_or_pair(p);
    if (pair === null) {
      p.mark = m;
      break;
    }
    (pairs ??= []).push(pair);
  }
  if (pairs === null) return a;
  return extra<Compare>(p, mark, {
    _type: 'Compare',
    left: a,
    ops: pairs.map((x) => x.cmpop),
    comparators: pairs.map((x) => x.expr),
  });
}

function pairAfter(p: Parser, mark: number, op: cmpop): CmpopExprPair | null {
  const a = bitwise_or(p);
  if (a === null) {
    p.mark = mark;
    return null;
  }
  return { cmpop: op, expr: a };
}

/** compare_op_bitwise_or_pair: one comparison operator and its right operand. */
export function compare_op_bitwise_or_pair(p: Parser): CmpopExprPair | null {
  const mark = p.mark;
  const t = p.peek();
  switch (t.type) {
    case Tok.EQEQUAL:
      p.mark++;
      return pairAfter(p, mark, 'Eq');
    case Tok.NOTEQUAL:
      // '<>' only with `from __future__ import barry_as_FLUFL`. CPython: _PyPegen_check_barry_as_flufl.
      if (t.string !== '!=') return null;
      p.mark++;
      return pairAfter(p, mark, 'NotEq');
    case Tok.LESSEQUAL:
      p.mark++;
      return pairAfter(p, mark, 'LtE');
    case Tok.LESS:
      p.mark++;
      return pairAfter(p, mark, 'Lt');
    case Tok.GREATEREQUAL:
      p.mark++;
      return pairAfter(p, mark, 'GtE');
    case Tok.GREATER:
      p.mark++;
      return pairAfter(p, mark, 'Gt');
    case Tok.KW_NOT:
      p.mark++;
      if (!p.expect(Tok.KW_IN)) {
        p.mark = mark;
        return null;
      }
      return pairAfter(p, mark, 'NotIn');
    case Tok.KW_IN:
      p.mark++;
      return pairAfter(p, mark, 'In');
    case Tok.KW_IS: {
      p.mark++;
      const afterIs = p.mark;
      if (p.expect(Tok.KW_NOT)) {
        const r = pairAfter(p, mark, 'IsNot');
        if (r !== null) return r;
        p.mark = afterIs;
      }
      return pairAfter(p, mark, 'Is');
    }
    default:
      return null;
  }
}

/** A left-associative binary operator level, written as a loop over `operand`. */
function binaryLevel(
  p: Parser,
  id: Memo,
  operand: (p: Parser) => expr | null,
  opOf: (type: number) => operator | null,
): expr | null {
  const memo = p.memoGet(id);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res = operand(p);
  if (res !== null) {
    for (;;) {
      const m = p.mark;
      const op = opOf(p.peek().type);
      if (op === null) break;
      p.mark++;
      const b = operand(p);
      if (b === null) {
        p.mark = m;
        break;
      }
      res = extra<BinOp>(p, mark, { _type: 'BinOp', left: res, op, right: b });
    }
  }
  p.memoSet(mark, id, res);
  return res;
}

const bitOrOp = (t: number): operator | null => (t === Tok.VBAR ? 'BitOr' : null);
const bitXorOp = (t: number): operator | null => (t === Tok.CIRCUMFLEX ? 'BitXor' : null);
const bitAndOp = (t: number): operator | null => (t === Tok.AMPER ? 'BitAnd' : null);
const shiftOp = (t: number): operator | null => (t === Tok.LEFTSHIFT ? 'LShift' : t === Tok.RIGHTSHIFT ? 'RShift' : null);
const sumOp = (t: number): operator | null => (t === Tok.PLUS ? 'Add' : t === Tok.MINUS ? 'Sub' : null);
function termOp(t: number): operator | null {
  switch (t) {
    case Tok.STAR:
      return 'Mult';
    case Tok.SLASH:
      return 'Div';
    case Tok.DOUBLESLASH:
      return 'FloorDiv';
    case Tok.PERCENT:
      return 'Mod';
    case Tok.AT:
      return 'MatMult';
    default:
      return null;
  }
}

/** bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor */
export function bitwise_or(p: Parser): expr | null {
  return binaryLevel(p, Memo.bitwise_or, bitwise_xor, bitOrOp);
}
/** bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and */
export function bitwise_xor(p: Parser): expr | null {
  return binaryLevel(p, Memo.bitwise_xor, bitwise_and, bitXorOp);
}
/** bitwise_and: bitwise_and '&' shift_expr | shift_expr */
export function bitwise_and(p: Parser): expr | null {
  return binaryLevel(p, Memo.bitwise_and, shift_expr, bitAndOp);
}
/** shift_expr: shift_expr ('<<' | '>>') sum | sum */
export function shift_expr(p: Parser): expr | null {
  return binaryLevel(p, Memo.shift_expr, sum, shiftOp);
}
/** sum: sum ('+' | '-') term | term */
export function sum(p: Parser): expr | null {
  return binaryLevel(p, Memo.sum, term, sumOp);
}
/** term: term ('*' | '/' | '//' | '%' | '@') factor | factor */
export function term(p: Parser): expr | null {
  return binaryLevel(p, Memo.term, factor, termOp);
}
