import type { pattern } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import type { Parser } from '../parser.js';
import { expression } from './expressions.js';
import { guard, keyword_patterns, name_or_attr, or_pattern, patterns, positional_patterns, subject_expr } from './patterns.js';

/**
 * The second pass's rules for `match`: missing ':' or indented block after `match`/`case`, bad
 * `as` targets, positional patterns after keyword patterns.
 * CPython: Grammar/python.gram (invalid_match_stmt, invalid_case_block, invalid_as_pattern,
 * invalid_class_pattern, invalid_class_argument_pattern).
 */

/** invalid_match_stmt: "match" subject_expr NEWLINE | "match" subject_expr ':' NEWLINE !INDENT */
export function invalid_match_stmt(p: Parser): null {
  const mark = p.mark;
  if (p.softKeyword('match') && subject_expr(p) !== null && p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  p.mark = mark;
  const a = p.softKeyword('match');
  if (a !== null && subject_expr(p) !== null && p.expect(Tok.COLON) && p.expect(Tok.NEWLINE) && !p.at(Tok.INDENT)) {
    throw p.error('IndentationError', `expected an indented block after 'match' statement on line ${a.lineno}`);
  }
  p.mark = mark;
  return null;
}

/** invalid_case_block: "case" patterns guard? NEWLINE | "case" patterns guard? ':' NEWLINE !INDENT */
export function invalid_case_block(p: Parser): null {
  const mark = p.mark;
  if (p.softKeyword('case') && patterns(p) !== null) {
    guard(p);
    if (p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  }
  p.mark = mark;
  const a = p.softKeyword('case');
  if (a !== null && patterns(p) !== null) {
    guard(p);
    if (p.expect(Tok.COLON) && p.expect(Tok.NEWLINE) && !p.at(Tok.INDENT)) {
      throw p.error('IndentationError', `expected an indented block after 'case' statement on line ${a.lineno}`);
    }
  }
  p.mark = mark;
  return null;
}

/** invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression */
export function invalid_as_pattern(p: Parser): null {
  const mark = p.mark;
  if (or_pattern(p) !== null && p.expect(Tok.KW_AS)) {
    const afterAs = p.mark;
    const a = p.softKeyword('_');
    if (a !== null) throw p.errorKnownLocation('SyntaxError', a, "cannot use '_' as a target");
    p.mark = afterAs;
    if (!p.at(Tok.NAME)) {
      const e = expression(p);
      if (e !== null) throw p.errorKnownLocation('SyntaxError', e, 'invalid pattern target');
    }
  }
  p.mark = mark;
  return null;
}

/** invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern */
export function invalid_class_pattern(p: Parser): null {
  const mark = p.mark;
  let a: pattern[] | null;
  if (name_or_attr(p) !== null && p.expect(Tok.LPAR) && (a = invalid_class_argument_pattern(p)) !== null) {
    throw p.errorRange('SyntaxError', a[0], a[a.length - 1], 'positional patterns follow keyword patterns');
  }
  p.mark = mark;
  return null;
}

/** invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns */
function invalid_class_argument_pattern(p: Parser): pattern[] | null {
  const mark = p.mark;
  const m = p.mark;
  if (!(positional_patterns(p) !== null && p.expect(Tok.COMMA))) p.mark = m;
  let a: pattern[] | null;
  if (keyword_patterns(p) !== null && p.expect(Tok.COMMA) && (a = positional_patterns(p)) !== null) return a;
  p.mark = mark;
  return null;
}
