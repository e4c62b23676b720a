import type { Call, Starred, expr, keyword } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { DUMMY_NAME, collectCallSeqs, deleteStarredExprs, extra, extractStarredExprs, span, type KeywordOrStarred } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { assignment_expression, expression } from './expressions.js';
import { invalid_arguments, invalid_kwarg } from './invalid-expressions.js';

/**
 * Call arguments: positional items, `*args`, keyword arguments and `**kwargs`, collected into a
 * placeholder Call whose args and keywords the caller takes over.
 * CPython: Grammar/python.gram (FUNCTION CALL ARGUMENTS).
 */

/** arguments (memo): args [','] &')' | invalid_arguments */
export function arguments_(p: Parser): Call | null {
  const memo = p.memoGet(Memo.arguments);
  if (memo !== NOT_MEMOIZED) return memo as Call | null;
  const mark = p.mark;
  let res: Call | null = args(p);
  if (res !== null) {
    p.expect(Tok.COMMA);
    if (!p.at(Tok.RPAR)) res = null;
  }
  if (res === null) {
    p.mark = mark;
    if (p.callInvalidRules) {
      invalid_arguments(p);
      p.mark = mark;
    }
  }
  p.memoSet(mark, Memo.arguments, res);
  return res;
}

/** One positional item: starred_expression | (assignment_expression | expression !':=') !'=' */
function positionalItem(p: Parser): expr | null {
  const mark = p.mark;
  const s = starred_expression(p);
  if (s !== null) return s;
  let a = assignment_expression(p);
  if (a === null) {
    a = expression(p);
    if (a !== null && p.at(Tok.COLONEQUAL)) a = null;
  }
  if (a !== null && !p.at(Tok.EQUAL)) return a;
  p.mark = mark;
  return null;
}

/** The positional items of `args`, as a list (the gather `','.item+`). */
export function positionalItems(p: Parser): expr[] | null {
  const first = positionalItem(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: expr | null;
    if (p.expect(Tok.COMMA) && (c = positionalItem(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/**
 * args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
 *     | kwargs
 */
export function args(p: Parser): Call | null {
  const mark = p.mark;
  const a = positionalItems(p);
  if (a !== null) {
    let b: KeywordOrStarred[] | null = null;
    const m = p.mark;
    if (!(p.expect(Tok.COMMA) && (b = kwargs(p)) !== null)) {
      p.mark = m;
      b = null;
    }
    return collectCallSeqs(a, b, p.tokens[mark], p.lastNonWhitespaceToken());
  }
  const k = kwargs(p);
  if (k !== null) {
    return extra<Call>(p, mark, { _type: 'Call', func: DUMMY_NAME, args: extractStarredExprs(k), keywords: deleteStarredExprs(k) });
  }
  p.mark = mark;
  return null;
}

function gather(p: Parser, item: (p: Parser) => KeywordOrStarred | null): KeywordOrStarred[] | null {
  const first = item(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: KeywordOrStarred | null;
    if (p.expect(Tok.COMMA) && (c = item(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/**
 * kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *       | ','.kwarg_or_starred+
 *       | ','.kwarg_or_double_starred+
 */
export function kwargs(p: Parser): KeywordOrStarred[] | null {
  const mark = p.mark;
  const a = gather(p, kwarg_or_starred);
  if (a !== null) {
    const m = p.mark;
    let b: KeywordOrStarred[] | null;
    if (p.expect(Tok.COMMA) && (b = gather(p, kwarg_or_double_starred)) !== null) return [...a, ...b];
    p.mark = m;
    return a;
  }
  p.mark = mark;
  return gather(p, kwarg_or_double_starred);
}

/**
 * starred_expression: '*' expression
 * (3.11.9 added a `'*'` alternative raising "Invalid star expression"; 3.11.7 has none.)
 */
export function starred_expression(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.STAR)) return null;
  const a = expression(p);
  if (a !== null) return extra<Starred>(p, mark, { _type: 'Starred', value: a, ctx: 'Load' });
  p.mark = mark;
  return null;
}

function keywordArg(p: Parser, mark: number): KeywordOrStarred | null {
  const a = p.name();
  let b: expr | null;
  if (a !== null && p.expect(Tok.EQUAL) && (b = expression(p)) !== null) {
    return { element: span<keyword>({ _type: 'keyword', arg: a.id, value: b }, p.tokens[mark], p.lastNonWhitespaceToken()), isKeyword: true };
  }
  p.mark = mark;
  return null;
}

/** kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
export function kwarg_or_starred(p: Parser): KeywordOrStarred | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_kwarg(p);
    p.mark = mark;
  }
  const k = keywordArg(p, mark);
  if (k !== null) return k;
  const s = starred_expression(p);
  if (s !== null) return { element: s, isKeyword: false };
  p.mark = mark;
  return null;
}

/** kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
export function kwarg_or_double_starred(p: Parser): KeywordOrStarred | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_kwarg(p);
    p.mark = mark;
  }
  const k = keywordArg(p, mark);
  if (k !== null) return k;
  let a: expr | null;
  if (p.expect(Tok.DOUBLESTAR) && (a = expression(p)) !== null) {
    return { element: extra<keyword>(p, mark, { _type: 'keyword', arg: null, value: a }), isKeyword: true };
  }
  p.mark = mark;
  return null;
}
