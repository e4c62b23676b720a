import type { Dict, DictComp, GeneratorExp, List, ListComp, Set, SetComp, Tuple, comprehension, expr } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { DUMMY_NAME, extra, type KeyValuePair } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { concatenateStrings } from '../strings.js';
import type { Token } from '../token.js';
import { assignment_expression, disjunction, expression, named_expression, star_named_expression, star_named_expressions, bitwise_or } from './expressions.js';
import { invalid_comprehension, invalid_dict_comprehension, invalid_double_starred_kvpairs, invalid_for_target } from './invalid-expressions.js';
import { star_targets } from './targets.js';

/**
 * Literals and displays: implicitly concatenated strings, lists, tuples, sets, dicts, and the four
 * comprehension forms with their `for ... in ... if ...` clauses.
 * CPython: Grammar/python.gram (LITERALS, Dicts, Comprehensions & Generators).
 */

/** strings (memo): STRING+ */
export function strings(p: Parser): expr | null {
  const memo = p.memoGet(Memo.strings);
  if (memo !== NOT_MEMOIZED) return memo as expr | null;
  const mark = p.mark;
  const toks: Token[] = [];
  for (;;) {
    const t = p.expect(Tok.STRING);
    if (t === null) break;
    toks.push(t);
  }
  const res = toks.length === 0 ? null : concatenateStrings(p, toks);
  p.memoSet(mark, Memo.strings, res);
  return res;
}

/** list: '[' [star_named_expressions] ']' */
export function list(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.LSQB)) return null;
  const a = star_named_expressions(p);
  if (p.expect(Tok.RSQB)) return extra<List>(p, mark, { _type: 'List', elts: a ?? [], ctx: 'Load' });
  p.mark = mark;
  return null;
}

/** tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
export function tuple(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.LPAR)) return null;
  let elts: expr[] = [];
  const m = p.mark;
  const y = star_named_expression(p);
  if (y !== null && p.expect(Tok.COMMA)) {
    const z = star_named_expressions(p);
    elts = z !== null ? [y, ...z] : [y];
  } else p.mark = m;
  if (p.expect(Tok.RPAR)) return extra<Tuple>(p, mark, { _type: 'Tuple', elts, ctx: 'Load' });
  p.mark = mark;
  return null;
}

/** set: '{' star_named_expressions '}' */
export function set(p: Parser): expr | null {
  const mark = p.mark;
  let a: expr[] | null;
  if (p.expect(Tok.LBRACE) && (a = star_named_expressions(p)) !== null && p.expect(Tok.RBRACE)) {
    return extra<Set>(p, mark, { _type: 'Set', elts: a });
  }
  p.mark = mark;
  return null;
}

/** dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
export function dict(p: Parser): expr | null {
  const mark = p.mark;
  if (!p.expect(Tok.LBRACE)) return null;
  const a = double_starred_kvpairs(p);
  if (p.expect(Tok.RBRACE)) {
    const pairs = a ?? [];
    return extra<Dict>(p, mark, { _type: 'Dict', keys: pairs.map((x) => x.key), values: pairs.map((x) => x.value) });
  }
  p.mark = mark;
  // Not guarded by callInvalidRules: CPython guards only alternatives made of a lone invalid_ rule,
  // so this one (and the invalid_kvpair inside it) runs in the first pass too.
  if (p.expect(Tok.LBRACE) && invalid_double_starred_kvpairs(p) !== null && p.expect(Tok.RBRACE)) return DUMMY_NAME;
  p.mark = mark;
  return null;
}

/** double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
export function double_starred_kvpairs(p: Parser): KeyValuePair[] | null {
  const first = double_starred_kvpair(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: KeyValuePair | null;
    if (p.expect(Tok.COMMA) && (c = double_starred_kvpair(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.COMMA);
  return out;
}

/** double_starred_kvpair: '**' bitwise_or | kvpair */
export function double_starred_kvpair(p: Parser): KeyValuePair | null {
  const mark = p.mark;
  let a: expr | null;
  if (p.expect(Tok.DOUBLESTAR) && (a = bitwise_or(p)) !== null) return { key: null, value: a };
  p.mark = mark;
  return kvpair(p);
}

/** kvpair: expression ':' expression */
export function kvpair(p: Parser): KeyValuePair | null {
  const mark = p.mark;
  let a: expr | null;
  let b: expr | null;
  if ((a = expression(p)) !== null && p.expect(Tok.COLON) && (b = expression(p)) !== null) return { key: a, value: b };
  p.mark = mark;
  return null;
}

/** for_if_clauses: for_if_clause+ */
export function for_if_clauses(p: Parser): comprehension[] | null {
  let out: comprehension[] | null = null;
  for (;;) {
    const c = for_if_clause(p);
    if (c === null) break;
    (out ??= []).push(c);
  }
  return out;
}

/**
 * for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target
 * The cut: once 'in' has matched, a failure fails the rule (invalid_for_target is not tried).
 */
export function for_if_clause(p: Parser): comprehension | null {
  const mark = p.mark;
  const isAsync = p.at(Tok.ASYNC);
  if (isAsync) p.mark++;
  let a: expr | null;
  if (p.expect(Tok.KW_FOR) && (a = star_targets(p)) !== null && p.expect(Tok.KW_IN)) {
    const b = disjunction(p);
    if (b === null) {
      p.mark = mark;
      return null;
    }
    const ifs: expr[] = [];
    for (;;) {
      const m = p.mark;
      let z: expr | null;
      if (p.expect(Tok.KW_IF) && (z = disjunction(p)) !== null) ifs.push(z);
      else {
        p.mark = m;
        break;
      }
    }
    return { _type: 'comprehension', target: a, iter: b, ifs, is_async: isAsync ? 1 : 0 };
  }
  // (When the async alternative fails before its cut, CPython's plain 'for' one cannot match either.)
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_for_target(p);
    p.mark = mark;
  }
  return null;
}

/** listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
export function listcomp(p: Parser): expr | null {
  const mark = p.mark;
  let a: expr | null;
  let b: comprehension[] | null;
  if (p.expect(Tok.LSQB) && (a = named_expression(p)) !== null && (b = for_if_clauses(p)) !== null && p.expect(Tok.RSQB)) {
    return extra<ListComp>(p, mark, { _type: 'ListComp', elt: a, generators: b });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_comprehension(p);
    p.mark = mark;
  }
  return null;
}

/** setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
export function setcomp(p: Parser): expr | null {
  const mark = p.mark;
  let a: expr | null;
  let b: comprehension[] | null;
  if (p.expect(Tok.LBRACE) && (a = named_expression(p)) !== null && (b = for_if_clauses(p)) !== null && p.expect(Tok.RBRACE)) {
    return extra<SetComp>(p, mark, { _type: 'SetComp', elt: a, generators: b });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_comprehension(p);
    p.mark = mark;
  }
  return null;
}

/** genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension */
export function genexp(p: Parser): expr | null {
  const mark = p.mark;
  if (p.expect(Tok.LPAR)) {
    let a = assignment_expression(p);
    if (a === null) {
      a = expression(p);
      if (a !== null && p.at(Tok.COLONEQUAL)) a = null;
    }
    let b: comprehension[] | null;
    if (a !== null && (b = for_if_clauses(p)) !== null && p.expect(Tok.RPAR)) {
      return extra<GeneratorExp>(p, mark, { _type: 'GeneratorExp', elt: a, generators: b });
    }
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_comprehension(p);
    p.mark = mark;
  }
  return null;
}

/** dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
export function dictcomp(p: Parser): expr | null {
  const mark = p.mark;
  let a: KeyValuePair | null;
  let b: comprehension[] | null;
  if (p.expect(Tok.LBRACE) && (a = kvpair(p)) !== null && (b = for_if_clauses(p)) !== null && p.expect(Tok.RBRACE)) {
    return extra<DictComp>(p, mark, { _type: 'DictComp', key: a.key!, value: a.value, generators: b });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_dict_comprehension(p);
    p.mark = mark;
  }
  return null;
}
