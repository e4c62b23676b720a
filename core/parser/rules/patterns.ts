import type {
  Attribute,
  BinOp,
  Constant,
  Match,
  MatchAs,
  MatchClass,
  MatchMapping,
  MatchOr,
  MatchSequence,
  MatchSingleton,
  MatchStar,
  MatchValue,
  Name,
  Tuple,
  UnaryOp,
  expr,
  match_case,
  pattern,
  stmt,
} from '../../ast/nodes.generated.js';
import { None, PyComplex } from '../../objects/values.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, setExprContext, type KeyPatternPair } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { strings } from './displays.js';
import { named_expression, star_named_expression, star_named_expressions } from './expressions.js';
import { invalid_as_pattern, invalid_case_block, invalid_class_pattern, invalid_match_stmt } from './invalid-patterns.js';
import { block } from './statements.js';

/**
 * The match statement (PEP 634): subjects, case blocks, guards and every pattern kind (literal,
 * capture, wildcard, value, group, sequence, mapping, class, star, as, or).
 * CPython: Grammar/python.gram (Match statement).
 */

/** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
export function match_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  let subject: expr | null;
  if (p.softKeyword('match') && (subject = subject_expr(p)) !== null && p.expect(Tok.COLON) && p.expect(Tok.NEWLINE) && p.expect(Tok.INDENT)) {
    const cases: match_case[] = [];
    for (;;) {
      const c = case_block(p);
      if (c === null) break;
      cases.push(c);
    }
    if (cases.length > 0 && p.expect(Tok.DEDENT)) return extra<Match>(p, mark, { _type: 'Match', subject, cases });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_match_stmt(p);
    p.mark = mark;
  }
  return null;
}

/** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
export function subject_expr(p: Parser): expr | null {
  const mark = p.mark;
  const value = star_named_expression(p);
  if (value !== null && p.expect(Tok.COMMA)) {
    const values = star_named_expressions(p);
    return extra<Tuple>(p, mark, { _type: 'Tuple', elts: values !== null ? [value, ...values] : [value], ctx: 'Load' });
  }
  p.mark = mark;
  return named_expression(p);
}

/** case_block: invalid_case_block | "case" patterns guard? ':' block */
export function case_block(p: Parser): match_case | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_case_block(p);
    p.mark = mark;
  }
  let pat: pattern | null;
  if (p.softKeyword('case') && (pat = patterns(p)) !== null) {
    const g = guard(p);
    let body: stmt[] | null;
    if (p.expect(Tok.COLON) && (body = block(p)) !== null) return { _type: 'match_case', pattern: pat, guard: g, body };
  }
  p.mark = mark;
  return null;
}

/** guard: 'if' named_expression */
export function guard(p: Parser): expr | null {
  const mark = p.mark;
  let g: expr | null;
  if (p.expect(Tok.KW_IF) && (g = named_expression(p)) !== null) return g;
  p.mark = mark;
  return null;
}

/** patterns: open_sequence_pattern | pattern */
export function patterns(p: Parser): pattern | null {
  const mark = p.mark;
  const seq = open_sequence_pattern(p);
  if (seq !== null) return extra<MatchSequence>(p, mark, { _type: 'MatchSequence', patterns: seq });
  return pattern_(p);
}

/** pattern: as_pattern | or_pattern */
export function pattern_(p: Parser): pattern | null {
  return as_pattern(p) ?? or_pattern(p);
}

/** as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
export function as_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const pat = or_pattern(p);
  let target: Name | null;
  if (pat !== null && p.expect(Tok.KW_AS) && (target = pattern_capture_target(p)) !== null) {
    return extra<MatchAs>(p, mark, { _type: 'MatchAs', pattern: pat, name: target.id });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_as_pattern(p);
    p.mark = mark;
  }
  return null;
}

/** or_pattern: '|'.closed_pattern+ */
export function or_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const first = closed_pattern(p);
  if (first === null) return null;
  const pats = [first];
  for (;;) {
    const m = p.mark;
    let c: pattern | null;
    if (p.expect(Tok.VBAR) && (c = closed_pattern(p)) !== null) pats.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  if (pats.length === 1) return first;
  return extra<MatchOr>(p, mark, { _type: 'MatchOr', patterns: pats });
}

/** closed_pattern (memo): literal | capture | wildcard | value | group | sequence | mapping | class */
export function closed_pattern(p: Parser): pattern | null {
  const memo = p.memoGet(Memo.closed_pattern);
  if (memo !== NOT_MEMOIZED) return memo as pattern | null;
  const mark = p.mark;
  const res =
    literal_pattern(p) ??
    capture_pattern(p) ??
    wildcard_pattern(p) ??
    value_pattern(p) ??
    group_pattern(p) ??
    sequence_pattern(p) ??
    mapping_pattern(p) ??
    class_pattern(p);
  if (res === null) p.mark = mark;
  p.memoSet(mark, Memo.closed_pattern, res);
  return res;
}

const notPlusMinus = (p: Parser): boolean => {
  const t = p.peek().type;
  return t !== Tok.PLUS && t !== Tok.MINUS;
};

/** literal_pattern: signed_number !('+'|'-') | complex_number | strings | 'None' | 'True' | 'False' */
export function literal_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const t = p.peek().type;
  if (t === Tok.KW_NONE || t === Tok.KW_TRUE || t === Tok.KW_FALSE) {
    p.mark++;
    const value = t === Tok.KW_NONE ? None : t === Tok.KW_TRUE;
    return extra<MatchSingleton>(p, mark, { _type: 'MatchSingleton', value });
  }
  const v = literalValue(p);
  if (v === null) return null;
  return extra<MatchValue>(p, mark, { _type: 'MatchValue', value: v });
}

/** The number/complex/strings part shared by literal_pattern and literal_expr. */
function literalValue(p: Parser): expr | null {
  const mark = p.mark;
  const n = signed_number(p);
  if (n !== null && notPlusMinus(p)) return n;
  p.mark = mark;
  const c = complex_number(p);
  if (c !== null) return c;
  p.mark = mark;
  if (p.at(Tok.STRING)) {
    const s = strings(p);
    if (s !== null) return s;
  }
  p.mark = mark;
  return null;
}

/** literal_expr: signed_number !('+'|'-') | complex_number | strings | 'None' | 'True' | 'False' */
export function literal_expr(p: Parser): expr | null {
  const mark = p.mark;
  const t = p.peek().type;
  if (t === Tok.KW_NONE || t === Tok.KW_TRUE || t === Tok.KW_FALSE) {
    p.mark++;
    const value = t === Tok.KW_NONE ? None : t === Tok.KW_TRUE;
    return extra<Constant>(p, mark, { _type: 'Constant', value, kind: null });
  }
  return literalValue(p);
}

/** complex_number: signed_real_number ('+' | '-') imaginary_number */
export function complex_number(p: Parser): expr | null {
  const mark = p.mark;
  const real = signed_real_number(p);
  if (real === null) return null;
  const t = p.peek().type;
  if (t === Tok.PLUS || t === Tok.MINUS) {
    p.mark++;
    const imag = imaginary_number(p);
    if (imag !== null) return extra<BinOp>(p, mark, { _type: 'BinOp', left: real, op: t === Tok.PLUS ? 'Add' : 'Sub', right: imag });
  }
  p.mark = mark;
  return null;
}

/** signed_number: NUMBER | '-' NUMBER */
export function signed_number(p: Parser): expr | null {
  const mark = p.mark;
  const n = p.number();
  if (n !== null) return n;
  let num: expr | null;
  if (p.expect(Tok.MINUS) && (num = p.number()) !== null) return extra<UnaryOp>(p, mark, { _type: 'UnaryOp', op: 'USub', operand: num });
  p.mark = mark;
  return null;
}

/** signed_real_number: real_number | '-' real_number */
export function signed_real_number(p: Parser): expr | null {
  const mark = p.mark;
  const n = real_number(p);
  if (n !== null) return n;
  let r: expr | null;
  if (p.expect(Tok.MINUS) && (r = real_number(p)) !== null) return extra<UnaryOp>(p, mark, { _type: 'UnaryOp', op: 'USub', operand: r });
  p.mark = mark;
  return null;
}

/** real_number: NUMBER (which must not be imaginary). CPython: _PyPegen_ensure_real. */
export function real_number(p: Parser): expr | null {
  const n = p.number();
  if (n === null) return null;
  if (n.value instanceof PyComplex) throw p.errorKnownLocation('SyntaxError', n, 'real number required in complex literal');
  return n;
}

/** imaginary_number: NUMBER (which must be imaginary). CPython: _PyPegen_ensure_imaginary. */
export function imaginary_number(p: Parser): expr | null {
  const n = p.number();
  if (n === null) return null;
  if (!(n.value instanceof PyComplex)) throw p.errorKnownLocation('SyntaxError', n, 'imaginary number required in complex literal');
  return n;
}

/** capture_pattern: pattern_capture_target */
export function capture_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const target = pattern_capture_target(p);
  if (target === null) return null;
  return extra<MatchAs>(p, mark, { _type: 'MatchAs', pattern: null, name: target.id });
}

/** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
export function pattern_capture_target(p: Parser): Name | null {
  const mark = p.mark;
  const t = p.peek();
  if (t.type !== Tok.NAME || t.string === '_') return null;
  const name = p.name()!;
  const n = p.peek().type;
  if (n === Tok.DOT || n === Tok.LPAR || n === Tok.EQUAL) {
    p.mark = mark;
    return null;
  }
  return setExprContext(name, 'Store') as Name;
}

/** wildcard_pattern: "_" */
export function wildcard_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  if (!p.softKeyword('_')) return null;
  return extra<MatchAs>(p, mark, { _type: 'MatchAs', pattern: null, name: null });
}

/** value_pattern: attr !('.' | '(' | '=') */
export function value_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const a = attr(p);
  if (a === null) return null;
  const n = p.peek().type;
  if (n === Tok.DOT || n === Tok.LPAR || n === Tok.EQUAL) {
    p.mark = mark;
    return null;
  }
  return extra<MatchValue>(p, mark, { _type: 'MatchValue', value: a });
}

/** attr (left-recursive, memo): name_or_attr '.' NAME */
export function attr(p: Parser): expr | null {
  const memo = p.memoGet(Memo.attr);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  let res: expr | null = null;
  const first = p.name();
  if (first !== null) {
    let cur: expr = first;
    for (;;) {
      const m = p.mark;
      let b: Name | null;
      if (p.expect(Tok.DOT) && (b = p.name()) !== null) {
        cur = extra<Attribute>(p, mark, { _type: 'Attribute', value: cur, attr: b.id, ctx: 'Load' });
        res = cur;
      } else {
        p.mark = m;
        break;
      }
    }
  }
  if (res === null) p.mark = mark;
  p.memoSet(mark, Memo.attr, res);
  return res;
}

/** name_or_attr: attr | NAME */
export function name_or_attr(p: Parser): expr | null {
  return attr(p) ?? p.name();
}

/** group_pattern: '(' pattern ')' */
export function group_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  let pat: pattern | null;
  if (p.expect(Tok.LPAR) && (pat = pattern_(p)) !== null && p.expect(Tok.RPAR)) return pat;
  p.mark = mark;
  return null;
}

/** sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
export function sequence_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  if (p.expect(Tok.LSQB)) {
    const pats = maybe_sequence_pattern(p);
    if (p.expect(Tok.RSQB)) return extra<MatchSequence>(p, mark, { _type: 'MatchSequence', patterns: pats ?? [] });
    p.mark = mark;
  }
  if (p.expect(Tok.LPAR)) {
    const pats = open_sequence_pattern(p);
    if (p.expect(Tok.RPAR)) return extra<MatchSequence>(p, mark, { _type: 'MatchSequence', patterns: pats ?? [] });
    p.mark = mark;
  }
  return null;
}

/** open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
export function open_sequence_pattern(p: Parser): pattern[] | null {
  const mark = p.mark;
  const first = maybe_star_pattern(p);
  if (first !== null && p.expect(Tok.COMMA)) {
    const rest = maybe_sequence_pattern(p);
    return rest !== null ? [first, ...rest] : [first];
  }
  p.mark = mark;
  return null;
}

/** maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
export function maybe_sequence_pattern(p: Parser): pattern[] | null {
  const first = maybe_star_pattern(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: pattern | null;
    if (p.expect(Tok.COMMA) && (c = maybe_star_pattern(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return out;
}

/** maybe_star_pattern: star_pattern | pattern */
export function maybe_star_pattern(p: Parser): pattern | null {
  return star_pattern(p) ?? pattern_(p);
}

/** star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
export function star_pattern(p: Parser): pattern | null {
  const memo = p.memoGet(Memo.star_pattern);
  if (memo !== NOT_MEMOIZED) return memo as pattern | null;
  const mark = p.mark;
  let res: pattern | null = null;
  if (p.expect(Tok.STAR)) {
    const target = pattern_capture_target(p);
    if (target !== null) res = extra<MatchStar>(p, mark, { _type: 'MatchStar', name: target.id });
    else if (wildcard_pattern(p) !== null) res = extra<MatchStar>(p, mark, { _type: 'MatchStar', name: null });
  }
  if (res === null) p.mark = mark;
  p.memoSet(mark, Memo.star_pattern, res);
  return res;
}

/**
 * mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
 *     | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'
 */
export function mapping_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  if (!p.expect(Tok.LBRACE)) return null;
  const afterBrace = p.mark;
  if (p.expect(Tok.RBRACE)) return extra<MatchMapping>(p, mark, { _type: 'MatchMapping', keys: [], patterns: [], rest: null });
  const rest = double_star_pattern(p);
  if (rest !== null) {
    p.expect(Tok.COMMA);
    if (p.expect(Tok.RBRACE)) return extra<MatchMapping>(p, mark, { _type: 'MatchMapping', keys: [], patterns: [], rest: rest.id });
  }
  p.mark = afterBrace;
  const items = items_pattern(p);
  if (items !== null) {
    const afterItems = p.mark;
    let r: Name | null;
    if (p.expect(Tok.COMMA) && (r = double_star_pattern(p)) !== null) {
      p.expect(Tok.COMMA);
      if (p.expect(Tok.RBRACE)) {
        return extra<MatchMapping>(p, mark, {
          _type: 'MatchMapping',
          keys: items.map((x) => x.key),
          patterns: items.map((x) => x.pattern),
          rest: r.id,
        });
      }
    }
    p.mark = afterItems;
    p.expect(Tok.COMMA);
    if (p.expect(Tok.RBRACE)) {
      return extra<MatchMapping>(p, mark, {
        _type: 'MatchMapping',
        keys: items.map((x) => x.key),
        patterns: items.map((x) => x.pattern),
        rest: null,
      });
    }
  }
  p.mark = mark;
  return null;
}

/** items_pattern: ','.key_value_pattern+ */
export function items_pattern(p: Parser): KeyPatternPair[] | null {
  const first = key_value_pattern(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: KeyPatternPair | null;
    if (p.expect(Tok.COMMA) && (c = key_value_pattern(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** key_value_pattern: (literal_expr | attr) ':' pattern */
export function key_value_pattern(p: Parser): KeyPatternPair | null {
  const mark = p.mark;
  const key = literal_expr(p) ?? attr(p);
  let pat: pattern | null;
  if (key !== null && p.expect(Tok.COLON) && (pat = pattern_(p)) !== null) return { key, pattern: pat };
  p.mark = mark;
  return null;
}

/** double_star_pattern: '**' pattern_capture_target */
export function double_star_pattern(p: Parser): Name | null {
  const mark = p.mark;
  let t: Name | null;
  if (p.expect(Tok.DOUBLESTAR) && (t = pattern_capture_target(p)) !== null) return t;
  p.mark = mark;
  return null;
}

/**
 * class_pattern: name_or_attr '(' ')' | name_or_attr '(' positional_patterns ','? ')'
 *     | name_or_attr '(' keyword_patterns ','? ')'
 *     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')' | invalid_class_pattern
 */
export function class_pattern(p: Parser): pattern | null {
  const mark = p.mark;
  const cls = name_or_attr(p);
  if (cls !== null && p.expect(Tok.LPAR)) {
    const afterParen = p.mark;
    const make = (pats: pattern[], kws: KeyPatternPair[]): pattern =>
      extra<MatchClass>(p, mark, {
        _type: 'MatchClass',
        cls,
        patterns: pats,
        kwd_attrs: kws.map((k) => (k.key as Name).id),
        kwd_patterns: kws.map((k) => k.pattern),
      });
    if (p.expect(Tok.RPAR)) return make([], []);
    const pos = positional_patterns(p);
    const afterPos = p.mark;
    if (pos !== null) {
      p.expect(Tok.COMMA);
      if (p.expect(Tok.RPAR)) return make(pos, []);
    }
    p.mark = afterParen;
    const kws = keyword_patterns(p);
    if (kws !== null) {
      p.expect(Tok.COMMA);
      if (p.expect(Tok.RPAR)) return make([], kws);
    }
    if (pos !== null) {
      p.mark = afterPos;
      let k: KeyPatternPair[] | null;
      if (p.expect(Tok.COMMA) && (k = keyword_patterns(p)) !== null) {
        p.expect(Tok.COMMA);
        if (p.expect(Tok.RPAR)) return make(pos, k);
      }
    }
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_class_pattern(p);
    p.mark = mark;
  }
  return null;
}

/** positional_patterns: ','.pattern+ */
export function positional_patterns(p: Parser): pattern[] | null {
  const first = pattern_(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: pattern | null;
    if (p.expect(Tok.COMMA) && (c = pattern_(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** keyword_patterns: ','.keyword_pattern+ */
export function keyword_patterns(p: Parser): KeyPatternPair[] | null {
  const first = keyword_pattern(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: KeyPatternPair | null;
    if (p.expect(Tok.COMMA) && (c = keyword_pattern(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** keyword_pattern: NAME '=' pattern */
export function keyword_pattern(p: Parser): KeyPatternPair | null {
  const mark = p.mark;
  const a = p.name();
  let v: pattern | null;
  if (a !== null && p.expect(Tok.EQUAL) && (v = pattern_(p)) !== null) return { key: a, pattern: v };
  p.mark = mark;
  return null;
}
