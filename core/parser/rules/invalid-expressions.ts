import type { expr } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import {
  argumentsParsingError,
  checkLegacyStmt,
  getExprName,
  invalidTargetError,
  lastComprehensionItem,
  nonparenGenexpInCall,
  type KeyValuePair,
} from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { args, kwargs, positionalItems, starred_expression } from './calls.js';
import { double_starred_kvpair, for_if_clauses, genexp, list, tuple } from './displays.js';
import {
  bitwise_or,
  disjunction,
  expression,
  expression_without_invalid,
  star_expressions,
  star_named_expression,
  star_named_expressions,
} from './expressions.js';

/**
 * The second pass's rules for expressions, which recognise common mistakes and raise CPython's
 * specialised messages ("Perhaps you forgot a comma?", "Generator expression must be
 * parenthesized", "cannot assign to ...", ...). Each returns null (no match, or a match whose
 * action declines) or throws the SyntaxError. Where CPython's action returns NULL without an
 * error, the rule stops there without trying its later alternatives, as the generated parser does.
 * CPython: Grammar/python.gram (invalid_* rules for expressions, calls, comprehensions, dicts).
 */

/**
 * invalid_arguments:
 *     | ((','.(positional item)+ ',' kwargs) | kwargs) ',' '*'
 *     | expression for_if_clauses ',' [args | expression for_if_clauses]
 *     | NAME '=' expression for_if_clauses
 *     | args for_if_clauses
 *     | args ',' expression for_if_clauses
 *     | args ',' args
 */
export function invalid_arguments(p: Parser): null {
  const mark = p.mark;
  // Alternative 1 (3.11.7's form; 3.11.9 changed it to report from the comma, gh-109120).
  {
    let ok = false;
    const items = positionalItems(p);
    if (items !== null && p.expect(Tok.COMMA) && kwargs(p) !== null) ok = true;
    else {
      p.mark = mark;
      ok = kwargs(p) !== null;
    }
    let a;
    if (ok && p.expect(Tok.COMMA) && (a = p.expect(Tok.STAR)) !== null) {
      throw p.errorKnownLocation('SyntaxError', a, 'iterable argument unpacking follows keyword argument unpacking');
    }
    p.mark = mark;
  }
  // Alternative 2.
  {
    const a = expression(p);
    let b;
    if (a !== null && (b = for_if_clauses(p)) !== null && p.expect(Tok.COMMA)) {
      const m = p.mark;
      if (args(p) === null) {
        p.mark = m;
        if (!(expression(p) !== null && for_if_clauses(p) !== null)) p.mark = m;
      }
      throw p.errorRange('SyntaxError', a, lastComprehensionItem(b[b.length - 1]), 'Generator expression must be parenthesized');
    }
    p.mark = mark;
  }
  // Alternative 3.
  {
    const a = p.name();
    let b;
    if (a !== null && (b = p.expect(Tok.EQUAL)) !== null && expression(p) !== null && for_if_clauses(p) !== null) {
      throw p.errorRange('SyntaxError', a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    p.mark = mark;
  }
  // Alternative 4: its action may decline, which ends the rule.
  {
    const a = args(p);
    let b;
    if (a !== null && (b = for_if_clauses(p)) !== null) return nonparenGenexpInCall(p, a, b);
    p.mark = mark;
  }
  // Alternative 5.
  {
    let a: expr | null;
    let b;
    if (args(p) !== null && p.expect(Tok.COMMA) && (a = expression(p)) !== null && (b = for_if_clauses(p)) !== null) {
      throw p.errorRange('SyntaxError', a, lastComprehensionItem(b[b.length - 1]), 'Generator expression must be parenthesized');
    }
    p.mark = mark;
  }
  // Alternative 6.
  {
    const a = args(p);
    if (a !== null && p.expect(Tok.COMMA) && args(p) !== null) argumentsParsingError(p, a);
    p.mark = mark;
  }
  return null;
}

/**
 * invalid_kwarg: ('True'|'False'|'None') '=' | NAME '=' expression for_if_clauses
 *              | !(NAME '=') expression '='
 */
export function invalid_kwarg(p: Parser): null {
  const mark = p.mark;
  const t = p.peek();
  if (t.type === Tok.KW_TRUE || t.type === Tok.KW_FALSE || t.type === Tok.KW_NONE) {
    p.mark++;
    const b = p.expect(Tok.EQUAL);
    if (b !== null) throw p.errorRange('SyntaxError', t, b, `cannot assign to ${t.string}`);
    p.mark = mark;
  }
  {
    const a = p.name();
    let b;
    if (a !== null && (b = p.expect(Tok.EQUAL)) !== null && expression(p) !== null && for_if_clauses(p) !== null) {
      throw p.errorRange('SyntaxError', a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    p.mark = mark;
  }
  {
    const isNameEq = p.name() !== null && p.at(Tok.EQUAL);
    p.mark = mark;
    if (!isNameEq) {
      const a = expression(p);
      let b;
      if (a !== null && (b = p.expect(Tok.EQUAL)) !== null) {
        throw p.errorRange('SyntaxError', a, b, 'expression cannot contain assignment, perhaps you meant "=="?');
      }
    }
    p.mark = mark;
  }
  return null;
}

/** invalid_legacy_expression: NAME !'(' star_expressions */
export function invalid_legacy_expression(p: Parser): null {
  const mark = p.mark;
  const a = p.name();
  let b: expr | null;
  if (a !== null && !p.at(Tok.LPAR) && (b = star_expressions(p)) !== null) {
    if (checkLegacyStmt(a)) {
      throw p.errorRange('SyntaxError', a, b, `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`);
    }
    return null;
  }
  p.mark = mark;
  return null;
}

/**
 * invalid_expression:
 *     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
 *     | disjunction 'if' disjunction !('else'|':')
 */
export function invalid_expression(p: Parser): null {
  const mark = p.mark;
  {
    let blocked = false;
    if (p.name() !== null && p.at(Tok.STRING)) blocked = true;
    p.mark = mark;
    if (!blocked && p.anySoftKeyword() !== null) blocked = true;
    p.mark = mark;
    if (!blocked) {
      const a = disjunction(p);
      let b: expr | null;
      if (a !== null && (b = expression_without_invalid(p)) !== null) {
        if (checkLegacyStmt(a)) return null;
        if (p.tokens[p.mark - 1].level === 0) return null;
        throw p.errorRange('SyntaxError', a, b, 'invalid syntax. Perhaps you forgot a comma?');
      }
      p.mark = mark;
    }
  }
  {
    const a = disjunction(p);
    let b: expr | null;
    if (a !== null && p.expect(Tok.KW_IF) && (b = disjunction(p)) !== null) {
      const t = p.peek().type;
      if (t !== Tok.KW_ELSE && t !== Tok.COLON) throw p.errorRange('SyntaxError', a, b, "expected 'else' after 'if' expression");
    }
    p.mark = mark;
  }
  return null;
}

/**
 * invalid_named_expression (memo):
 *     | expression ':=' expression
 *     | NAME '=' bitwise_or !('='|':=')
 *     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
 */
export function invalid_named_expression(p: Parser): null {
  const memo = p.memoGet(Memo.invalid_named_expression);
  if (memo !== NOT_MEMOIZED) return null;
  const mark = p.mark;
  {
    const a = expression(p);
    if (a !== null && p.expect(Tok.COLONEQUAL) && expression(p) !== null) {
      throw p.errorKnownLocation('SyntaxError', a, `cannot use assignment expressions with ${getExprName(a)}`);
    }
    p.mark = mark;
  }
  {
    const a = p.name();
    let b: expr | null;
    if (a !== null && p.expect(Tok.EQUAL) && (b = bitwise_or(p)) !== null) {
      const t = p.peek().type;
      if (t !== Tok.EQUAL && t !== Tok.COLONEQUAL) {
        throw p.errorRange('SyntaxError', a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
    p.mark = mark;
  }
  {
    let blocked = list(p) !== null;
    p.mark = mark;
    if (!blocked) blocked = tuple(p) !== null;
    p.mark = mark;
    if (!blocked) blocked = genexp(p) !== null;
    p.mark = mark;
    if (!blocked) {
      const t = p.peek().type;
      blocked = t === Tok.KW_TRUE || t === Tok.KW_NONE || t === Tok.KW_FALSE;
    }
    if (!blocked) {
      const a = bitwise_or(p);
      if (a !== null && p.expect(Tok.EQUAL) && bitwise_or(p) !== null) {
        const t = p.peek().type;
        if (t !== Tok.EQUAL && t !== Tok.COLONEQUAL) {
          throw p.errorKnownLocation('SyntaxError', a, `cannot assign to ${getExprName(a)} here. Maybe you meant '==' instead of '='?`);
        }
      }
    }
    p.mark = mark;
  }
  p.memoSet(mark, Memo.invalid_named_expression, null);
  return null;
}

/**
 * invalid_comprehension:
 *     | ('[' | '(' | '{') starred_expression for_if_clauses
 *     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
 *     | ('[' | '{') star_named_expression ',' for_if_clauses
 */
export function invalid_comprehension(p: Parser): null {
  const mark = p.mark;
  const t = p.peek().type;
  if (t !== Tok.LSQB && t !== Tok.LPAR && t !== Tok.LBRACE) return null;
  p.mark++;
  {
    const a = starred_expression(p);
    if (a !== null && for_if_clauses(p) !== null) throw p.errorKnownLocation('SyntaxError', a, 'iterable unpacking cannot be used in comprehension');
    p.mark = mark + 1;
  }
  if (t !== Tok.LPAR) {
    const a = star_named_expression(p);
    if (a !== null && p.expect(Tok.COMMA)) {
      const afterComma = p.mark;
      const b = star_named_expressions(p);
      if (b !== null && for_if_clauses(p) !== null) {
        throw p.errorRange('SyntaxError', a, b[b.length - 1], 'did you forget parentheses around the comprehension target?');
      }
      p.mark = afterComma;
    }
    p.mark = mark + 1;
    const a2 = star_named_expression(p);
    let c;
    if (a2 !== null && (c = p.expect(Tok.COMMA)) !== null && for_if_clauses(p) !== null) {
      throw p.errorRange('SyntaxError', a2, c, 'did you forget parentheses around the comprehension target?');
    }
  }
  p.mark = mark;
  return null;
}

/** invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
export function invalid_dict_comprehension(p: Parser): null {
  const mark = p.mark;
  let a;
  if (p.expect(Tok.LBRACE) && (a = p.expect(Tok.DOUBLESTAR)) !== null && bitwise_or(p) !== null && for_if_clauses(p) !== null && p.expect(Tok.RBRACE)) {
    throw p.errorKnownLocation('SyntaxError', a, 'dict unpacking cannot be used in dict comprehension');
  }
  p.mark = mark;
  return null;
}

/** invalid_for_target: ASYNC? 'for' star_expressions */
export function invalid_for_target(p: Parser): null {
  const mark = p.mark;
  p.expect(Tok.ASYNC);
  let a: expr | null;
  if (p.expect(Tok.KW_FOR) && (a = star_expressions(p)) !== null) return invalidTargetError(p, 'for', a);
  p.mark = mark;
  return null;
}

/** invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
export function invalid_group(p: Parser): null {
  const mark = p.mark;
  if (!p.expect(Tok.LPAR)) return null;
  const a = starred_expression(p);
  if (a !== null && p.expect(Tok.RPAR)) throw p.errorKnownLocation('SyntaxError', a, 'cannot use starred expression here');
  p.mark = mark + 1;
  let b;
  if ((b = p.expect(Tok.DOUBLESTAR)) !== null && expression(p) !== null && p.expect(Tok.RPAR)) {
    throw p.errorKnownLocation('SyntaxError', b, 'cannot use double starred expression here');
  }
  p.mark = mark;
  return null;
}

/**
 * invalid_double_starred_kvpairs:
 *     | ','.double_starred_kvpair+ ',' invalid_kvpair
 *     | expression ':' '*' bitwise_or
 *     | expression ':' &('}'|',')
 */
export function invalid_double_starred_kvpairs(p: Parser): null {
  const mark = p.mark;
  {
    let first: KeyValuePair | null = double_starred_kvpair(p);
    if (first !== null) {
      for (;;) {
        const m = p.mark;
        if (p.expect(Tok.COMMA) && (first = double_starred_kvpair(p)) !== null) continue;
        p.mark = m;
        break;
      }
      if (p.expect(Tok.COMMA)) invalid_kvpair(p);
    }
    p.mark = mark;
  }
  return kvpairValueErrors(p, mark);
}

/** The two alternatives invalid_double_starred_kvpairs and invalid_kvpair share. */
function kvpairValueErrors(p: Parser, mark: number): null {
  {
    let a;
    if (expression(p) !== null && p.expect(Tok.COLON) && (a = p.expect(Tok.STAR)) !== null && bitwise_or(p) !== null) {
      throw p.errorStartingFrom(a, 'cannot use a starred expression in a dictionary value');
    }
    p.mark = mark;
  }
  {
    let a;
    if (expression(p) !== null && (a = p.expect(Tok.COLON)) !== null) {
      const t = p.peek().type;
      if (t === Tok.RBRACE || t === Tok.COMMA) throw p.errorKnownLocation('SyntaxError', a, "expression expected after dictionary key and ':'");
    }
    p.mark = mark;
  }
  return null;
}

/**
 * invalid_kvpair: expression !(':') | expression ':' '*' bitwise_or | expression ':' &('}'|',')
 */
export function invalid_kvpair(p: Parser): null {
  const mark = p.mark;
  const a = expression(p);
  if (a !== null && !p.at(Tok.COLON)) {
    throw p.errorAt('SyntaxError', a.lineno, a.end_col_offset - 1 + 1, a.end_lineno, -1 + 1, "':' expected after dictionary key");
  }
  p.mark = mark;
  return kvpairValueErrors(p, mark);
}
