import type { Attribute, Await, BinOp, Call, Constant, Lambda, Slice, Subscript, Tuple, UnaryOp, expr } from '../../ast/nodes.generated.js';
import { Ellipsis, None } from '../../objects/values.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { emptyArguments, extra } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { arguments_, starred_expression } from './calls.js';
import { dict, dictcomp, genexp, list, listcomp, set, setcomp, strings, tuple } from './displays.js';
import { expression, named_expression, yield_expr } from './expressions.js';
import { invalid_group } from './invalid-expressions.js';
import { lambda_params } from './params.js';

/**
 * The tightest-binding expression rules: unary operators and `**`, `await`, primaries (attribute,
 * call, subscript trailers, written as a loop over CPython's left-recursive `primary`), slices,
 * atoms, parenthesised groups and lambdas.
 * CPython: Grammar/python.gram (Arithmetic operators: factor, power; Primary elements; atom, group,
 * Lambda functions).
 */

/** factor (memo): '+' factor | '-' factor | '~' factor | power */
export function factor(p: Parser): expr | null {
  const memo = p.memoGet(Memo.factor);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  p.enter();
  let res: expr | null = null;
  const t = p.peek().type;
  const op = t === Tok.PLUS ? 'UAdd' : t === Tok.MINUS ? 'USub' : t === Tok.TILDE ? 'Invert' : null;
  if (op !== null) {
    p.mark++;
    const a = factor(p);
    if (a !== null) res = extra<UnaryOp>(p, mark, { _type: 'UnaryOp', op, operand: a });
    else p.mark = mark;
  }
  if (res === null) res = power(p);
  p.level--;
  p.memoSet(mark, Memo.factor, res);
  return res;
}

/** power: await_primary '**' factor | await_primary */
export function power(p: Parser): expr | null {
  const mark = p.mark;
  const a = await_primary(p);
  if (a === null) return null;
  const afterA = p.mark;
  let b: expr | null;
  if (p.expect(Tok.DOUBLESTAR) && (b = factor(p)) !== null) return extra<BinOp>(p, mark, { _type: 'BinOp', left: a, op: 'Pow', right: b });
  p.mark = afterA;
  return a;
}

/** await_primary (memo): AWAIT primary | primary */
export function await_primary(p: Parser): expr | null {
  const memo = p.memoGet(Memo.await_primary);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = null;
  let a: expr | null;
  if (p.expect(Tok.AWAIT) && (a = primary(p)) !== null) res = extra<Await>(p, mark, { _type: 'Await', value: a });
  else {
    p.mark = mark;
    res = primary(p);
  }
  p.memoSet(mark, Memo.await_primary, res);
  return res;
}

/**
 * primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
 * (left-recursive: an atom followed by trailers, each tried in CPython's order).
 */
export function primary(p: Parser): expr | null {
  const memo = p.memoGet(Memo.primary);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res = atom(p);
  if (res !== null) {
    for (;;) {
      const m = p.mark;
      const t = p.peek().type;
      let next: expr | null = null;
      if (t === Tok.DOT) {
        p.mark++;
        const b = p.name();
        if (b !== null) next = extra<Attribute>(p, mark, { _type: 'Attribute', value: res, attr: b.id, ctx: 'Load' });
      } else if (t === Tok.LPAR) {
        const g = genexp(p);
        if (g !== null) next = extra<Call>(p, mark, { _type: 'Call', func: res, args: [g], keywords: [] });
        else {
          p.mark = m;
          p.mark++;
          const b = arguments_(p);
          if (p.expect(Tok.RPAR)) {
            next = extra<Call>(p, mark, {
              _type: 'Call',
              func: res,
              args: b !== null ? b.args : [],
              keywords: b !== null ? b.keywords : [],
            });
          }
        }
      } else if (t === Tok.LSQB || t === Tok.LBRACE) {
        // `primary genexp` comes before `primary '[' slices ']'`: genexp fails at '[' or '{', but in
        // the second pass its invalid_comprehension alternative examines them first.
        if (p.callInvalidRules) {
          genexp(p);
          p.mark = m;
        }
        if (t === Tok.LSQB) {
          p.mark++;
          const b = slices(p);
          if (b !== null && p.expect(Tok.RSQB)) next = extra<Subscript>(p, mark, { _type: 'Subscript', value: res, slice: b, ctx: 'Load' });
        }
      }
      if (next === null) {
        p.mark = m;
        break;
      }
      res = next;
    }
  }
  p.memoSet(mark, Memo.primary, res);
  return res;
}

/** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
export function slices(p: Parser): expr | null {
  const mark = p.mark;
  const a = slice(p);
  if (a !== null && !p.at(Tok.COMMA)) return a;
  p.mark = mark;
  const first = slice(p) ?? starred_expression(p);
  if (first === null) {
    p.mark = mark;
    return null;
  }
  const elts = [first];
  for (;;) {
    const m = p.mark;
    if (!p.expect(Tok.COMMA)) break;
    const c = slice(p) ?? starred_expression(p);
    if (c === null) {
      p.mark = m;
      break;
    }
    elts.push(c);
  }
  p.expect(Tok.COMMA);
  return extra<Tuple>(p, mark, { _type: 'Tuple', elts, ctx: 'Load' });
}

/** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
export function slice(p: Parser): expr | null {
  const mark = p.mark;
  const a = expression(p);
  if (p.expect(Tok.COLON)) {
    const b = expression(p);
    let c: expr | null = null;
    const m = p.mark;
    if (p.expect(Tok.COLON)) c = expression(p);
    else p.mark = m;
    return extra<Slice>(p, mark, { _type: 'Slice', lower: a, upper: b, step: c });
  }
  p.mark = mark;
  return named_expression(p);
}

function constant(p: Parser, mark: number, value: Constant['value']): Constant {
  return extra<Constant>(p, mark, { _type: 'Constant', value, kind: null });
}

/** atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple/group/genexp | list/listcomp | dict/set/dictcomp/setcomp | '...' */
export function atom(p: Parser): expr | null {
  const mark = p.mark;
  const t = p.peek();
  switch (t.type) {
    case Tok.NAME:
      return p.name();
    case Tok.KW_TRUE:
      p.mark++;
      return constant(p, mark, true);
    case Tok.KW_FALSE:
      p.mark++;
      return constant(p, mark, false);
    case Tok.KW_NONE:
      p.mark++;
      return constant(p, mark, None);
    case Tok.STRING:
      return strings(p);
    case Tok.NUMBER:
      return p.number();
    case Tok.LPAR: {
      const r = tuple(p) ?? group(p) ?? genexp(p);
      if (r === null) p.mark = mark;
      return r;
    }
    case Tok.LSQB: {
      const r = list(p) ?? listcomp(p);
      if (r === null) p.mark = mark;
      return r;
    }
    case Tok.LBRACE: {
      const r = dict(p) ?? set(p) ?? dictcomp(p) ?? setcomp(p);
      if (r === null) p.mark = mark;
      return r;
    }
    case Tok.ELLIPSIS:
      p.mark++;
      return constant(p, mark, Ellipsis);
    default:
      return null;
  }
}

/** group: '(' (yield_expr | named_expression) ')' | invalid_group */
export function group(p: Parser): expr | null {
  const mark = p.mark;
  if (p.expect(Tok.LPAR)) {
    const a = yield_expr(p) ?? named_expression(p);
    if (a !== null && p.expect(Tok.RPAR)) return a;
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_group(p);
    p.mark = mark;
  }
  return null;
}

/** lambdef: 'lambda' [lambda_params] ':' expression */
export function lambdef(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_LAMBDA)) return null;
  const a = lambda_params(p);
  let b: expr | null;
  if (p.expect(Tok.COLON) && (b = expression(p)) !== null) {
    return extra<Lambda>(p, mark, { _type: 'Lambda', args: a ?? emptyArguments(), body: b });
  }
  p.mark = mark;
  return null;
}
