import type { Attribute, Call, List, Starred, Subscript, Tuple, expr, expr_context } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, setExprContext } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { arguments_ } from './calls.js';
import { genexp } from './displays.js';
import { atom, slices } from './primary.js';

/**
 * Assignment and deletion targets: `star_targets` (with `*rest`), `single_target` (augmented
 * assignment, annotations), `del_targets`, and `t_primary`, the primary-with-trailers that must be
 * followed by another trailer (so the last `.x` or `[i]` is the target itself).
 * CPython: Grammar/python.gram (ASSIGNMENT TARGETS).
 */

const isTLookahead = (t: number): boolean => t === Tok.LPAR || t === Tok.LSQB || t === Tok.DOT;

/** star_targets: star_target !',' | star_target (',' star_target)* [','] */
export function star_targets(p: Parser): expr | null {
  const mark = p.mark;
  const a = star_target(p);
  if (a === null) return null;
  if (!p.at(Tok.COMMA)) return a;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = star_target(p)) !== null) elts.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return extra<Tuple>(p, mark, { _type: 'Tuple', elts, ctx: 'Store' });
}

/** star_targets_list_seq: ','.star_target+ [','] */
export function star_targets_list_seq(p: Parser): expr[] | null {
  const first = star_target(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = star_target(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return out;
}

/** star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ',' */
export function star_targets_tuple_seq(p: Parser): expr[] | null {
  const mark = p.mark;
  const a = star_target(p);
  if (a === null) return null;
  const out = [a];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = star_target(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  if (out.length > 1) {
    p.expect(Tok.COMMA);
    return out;
  }
  if (p.expect(Tok.COMMA)) return out;
  p.mark = mark;
  return null;
}

/** star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
export function star_target(p: Parser): expr | null {
  const memo = p.memoGet(Memo.star_target);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = null;
  if (p.expect(Tok.STAR)) {
    if (!p.at(Tok.STAR)) {
      const a = star_target(p);
      if (a !== null) res = extra<Starred>(p, mark, { _type: 'Starred', value: setExprContext(a, 'Store'), ctx: 'Store' });
    }
  }
  if (res === null) {
    p.mark = mark;
    res = target_with_star_atom(p);
  }
  p.memoSet(mark, Memo.star_target, res);
  return res;
}

/** `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` with the given context. */
function attributeOrSubscriptTarget(p: Parser, ctx: expr_context): expr | null {
  const mark = p.mark;
  const a = t_primary(p);
  if (a === null) return null;
  const afterA = p.mark;
  if (p.expect(Tok.DOT)) {
    const b = p.name();
    if (b !== null && !isTLookahead(p.peek().type)) return extra<Attribute>(p, mark, { _type: 'Attribute', value: a, attr: b.id, ctx });
  }
  p.mark = afterA;
  if (p.expect(Tok.LSQB)) {
    const b = slices(p);
    if (b !== null && p.expect(Tok.RSQB) && !isTLookahead(p.peek().type)) {
      return extra<Subscript>(p, mark, { _type: 'Subscript', value: a, slice: b, ctx });
    }
  }
  p.mark = mark;
  return null;
}

/** target_with_star_atom (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom */
export function target_with_star_atom(p: Parser): expr | null {
  const memo = p.memoGet(Memo.target_with_star_atom);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res = attributeOrSubscriptTarget(p, 'Store');
  if (res === null) res = star_atom(p);
  p.memoSet(mark, Memo.target_with_star_atom, res);
  return res;
}

/**
 * star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']'
 */
export function star_atom(p: Parser): expr | null {
  const mark = p.mark;
  const t = p.peek().type;
  if (t === Tok.NAME) {
    const a = p.name()!;
    return setExprContext(a, 'Store');
  }
  if (t === Tok.LPAR) {
    p.mark++;
    const a = target_with_star_atom(p);
    if (a !== null && p.expect(Tok.RPAR)) return setExprContext(a, 'Store');
    p.mark = mark + 1;
    const b = star_targets_tuple_seq(p);
    if (p.expect(Tok.RPAR)) return extra<Tuple>(p, mark, { _type: 'Tuple', elts: b ?? [], ctx: 'Store' });
    p.mark = mark;
    return null;
  }
  if (t === Tok.LSQB) {
    p.mark++;
    const a = star_targets_list_seq(p);
    if (p.expect(Tok.RSQB)) return extra<List>(p, mark, { _type: 'List', elts: a ?? [], ctx: 'Store' });
    p.mark = mark;
  }
  return null;
}

/** single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
export function single_target(p: Parser): expr | null {
  const mark = p.mark;
  const a = single_subscript_attribute_target(p);
  if (a !== null) return a;
  const n = p.name();
  if (n !== null) return setExprContext(n, 'Store');
  if (p.expect(Tok.LPAR)) {
    const b = single_target(p);
    if (b !== null && p.expect(Tok.RPAR)) return b;
  }
  p.mark = mark;
  return null;
}

/** single_subscript_attribute_target: t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
export function single_subscript_attribute_target(p: Parser): expr | null {
  return attributeOrSubscriptTarget(p, 'Store');
}

/**
 * t_primary (left-recursive): an atom followed by trailers, each of which must itself be followed
 * by a trailer (t_lookahead: '(' '[' '.').
 */
export function t_primary(p: Parser): expr | null {
  const memo = p.memoGet(Memo.t_primary);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res = atom(p);
  if (res !== null && !isTLookahead(p.peek().type)) {
    res = null;
    p.mark = mark;
  }
  if (res !== null) {
    for (;;) {
      const m = p.mark;
      let next: expr | null = null;
      const t = p.peek().type;
      if (t === Tok.DOT) {
        p.mark++;
        const b = p.name();
        if (b !== null && isTLookahead(p.peek().type)) next = extra<Attribute>(p, mark, { _type: 'Attribute', value: res, attr: b.id, ctx: 'Load' });
      } else if (t === Tok.LSQB) {
        p.mark++;
        const b = slices(p);
        if (b !== null && p.expect(Tok.RSQB) && isTLookahead(p.peek().type)) {
          next = extra<Subscript>(p, mark, { _type: 'Subscript', value: res, slice: b, ctx: 'Load' });
        } else if (p.callInvalidRules) {
          // Then `t_primary genexp`: in the second pass genexp's invalid_comprehension looks at '['.
          p.mark = m;
          genexp(p);
        }
      } else if (t === Tok.LBRACE) {
        if (p.callInvalidRules) genexp(p);
      } else if (t === Tok.LPAR) {
        const g = genexp(p);
        if (g !== null && isTLookahead(p.peek().type)) next = extra<Call>(p, mark, { _type: 'Call', func: res, args: [g], keywords: [] });
        else {
          p.mark = m + 1;
          const b = arguments_(p);
          if (p.expect(Tok.RPAR) && isTLookahead(p.peek().type)) {
            next = extra<Call>(p, mark, { _type: 'Call', func: res, args: b !== null ? b.args : [], keywords: b !== null ? b.keywords : [] });
          }
        }
      }
      if (next === null) {
        p.mark = m;
        break;
      }
      res = next;
    }
  }
  p.memoSet(mark, Memo.t_primary, res);
  return res;
}

/** del_targets: ','.del_target+ [','] */
export function del_targets(p: Parser): expr[] | null {
  const first = del_target(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = del_target(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return out;
}

/** del_target (memo): t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom */
export function del_target(p: Parser): expr | null {
  const memo = p.memoGet(Memo.del_target);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res = attributeOrSubscriptTarget(p, 'Del');
  if (res === null) res = del_t_atom(p);
  p.memoSet(mark, Memo.del_target, res);
  return res;
}

/** del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
export function del_t_atom(p: Parser): expr | null {
  const mark = p.mark;
  const t = p.peek().type;
  if (t === Tok.NAME) return setExprContext(p.name()!, 'Del');
  if (t === Tok.LPAR) {
    p.mark++;
    const a = del_target(p);
    if (a !== null && p.expect(Tok.RPAR)) return setExprContext(a, 'Del');
    p.mark = mark + 1;
    const b = del_targets(p);
    if (p.expect(Tok.RPAR)) return extra<Tuple>(p, mark, { _type: 'Tuple', elts: b ?? [], ctx: 'Del' });
    p.mark = mark;
    return null;
  }
  if (t === Tok.LSQB) {
    p.mark++;
    const b = del_targets(p);
    if (p.expect(Tok.RSQB)) return extra<List>(p, mark, { _type: 'List', elts: b ?? [], ctx: 'Del' });
    p.mark = mark;
  }
  return null;
}
