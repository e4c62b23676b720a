import type { arg, arguments as Arguments, expr } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, makeArguments, type NameDefaultPair, type SlashWithDefault, type StarEtc } from '../actions.js';
import type { Parser } from '../parser.js';
import { expression, star_expression } from './expressions.js';
import {
  invalid_default,
  invalid_kwds,
  invalid_lambda_kwds,
  invalid_lambda_parameters,
  invalid_lambda_star_etc,
  invalid_parameters,
  invalid_star_etc,
} from './invalid-params.js';

/**
 * Parameter lists of `def` and of `lambda`. The two grammars are parallel (lambda parameters have
 * no annotations or type comments, and end at ':' instead of ')'), so each rule is written once
 * with a `lam` flag; the rule names in comments are the `def` ones, the lambda ones add `lambda_`.
 * CPython: Grammar/python.gram (Function parameters, Lambda functions).
 */

/** params: invalid_parameters | parameters */
export function params(p: Parser): Arguments | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_parameters(p);
    p.mark = mark;
  }
  return parameters(p, false);
}

/** lambda_params: invalid_lambda_parameters | lambda_parameters */
export function lambda_params(p: Parser): Arguments | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_lambda_parameters(p);
    p.mark = mark;
  }
  return parameters(p, true);
}

/** The token that may follow the last parameter: ')' for def, ':' for lambda. */
const closer = (lam: boolean): number => (lam ? Tok.COLON : Tok.RPAR);

/**
 * parameters:
 *     | slash_no_default param_no_default* param_with_default* [star_etc]
 *     | slash_with_default param_with_default* [star_etc]
 *     | param_no_default+ param_with_default* [star_etc]
 *     | param_with_default+ [star_etc]
 *     | star_etc
 */
export function parameters(p: Parser, lam: boolean): Arguments | null {
  const mark = p.mark;
  const a1 = slash_no_default(p, lam);
  if (a1 !== null) {
    const b = repeat(p, lam, param_no_default);
    const c = repeat(p, lam, param_with_default);
    const d = star_etc(p, lam);
    return makeArguments(a1, null, b, c, d);
  }
  p.mark = mark;
  const a2 = slash_with_default(p, lam);
  if (a2 !== null) {
    const b = repeat(p, lam, param_with_default);
    const c = star_etc(p, lam);
    return makeArguments(null, a2, null, b, c);
  }
  p.mark = mark;
  const a3 = repeat(p, lam, param_no_default);
  if (a3.length > 0) {
    const b = repeat(p, lam, param_with_default);
    const c = star_etc(p, lam);
    return makeArguments(null, null, a3, b, c);
  }
  p.mark = mark;
  const a4 = repeat(p, lam, param_with_default);
  if (a4.length > 0) {
    const b = star_etc(p, lam);
    return makeArguments(null, null, null, a4, b);
  }
  p.mark = mark;
  const a5 = star_etc(p, lam);
  if (a5 !== null) return makeArguments(null, null, null, null, a5);
  p.mark = mark;
  return null;
}

/** `item*` as a (possibly empty) list. */
export function repeat<T>(p: Parser, lam: boolean, item: (p: Parser, lam: boolean) => T | null): T[] {
  const out: T[] = [];
  for (;;) {
    const x = item(p, lam);
    if (x === null) return out;
    out.push(x);
  }
}

/** '/' followed by ',' or by the closer (not consumed). */
function slashEnd(p: Parser, lam: boolean): boolean {
  const m = p.mark;
  if (!p.expect(Tok.SLASH)) return false;
  if (p.expect(Tok.COMMA)) return true;
  if (p.at(closer(lam))) return true;
  p.mark = m;
  return false;
}

/** slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')' */
export function slash_no_default(p: Parser, lam: boolean): arg[] | null {
  const mark = p.mark;
  const a = repeat(p, lam, param_no_default);
  if (a.length > 0 && slashEnd(p, lam)) return a;
  p.mark = mark;
  return null;
}

/** slash_with_default: param_no_default* param_with_default+ '/' ',' | ... '/' &')' */
export function slash_with_default(p: Parser, lam: boolean): SlashWithDefault | null {
  const mark = p.mark;
  const a = repeat(p, lam, param_no_default);
  const b = repeat(p, lam, param_with_default);
  if (b.length > 0 && slashEnd(p, lam)) return { plainNames: a, namesWithDefaults: b };
  p.mark = mark;
  return null;
}

/**
 * star_etc: invalid_star_etc
 *     | '*' param_no_default param_maybe_default* [kwds]
 *     | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only)
 *     | '*' ',' param_maybe_default+ [kwds]
 *     | kwds
 */
export function star_etc(p: Parser, lam: boolean): StarEtc | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    if (lam) invalid_lambda_star_etc(p);
    else invalid_star_etc(p);
    p.mark = mark;
  }
  if (p.expect(Tok.STAR)) {
    const afterStar = p.mark;
    let a = param_no_default(p, lam);
    if (a === null && !lam) {
      p.mark = afterStar;
      a = param_no_default_star_annotation(p);
    }
    if (a !== null) {
      const b = repeat(p, lam, param_maybe_default);
      const c = kwds(p, lam);
      return { vararg: a, kwonlyargs: b, kwarg: c };
    }
    p.mark = afterStar;
    if (p.expect(Tok.COMMA)) {
      const b = repeat(p, lam, param_maybe_default);
      if (b.length > 0) {
        const c = kwds(p, lam);
        return { vararg: null, kwonlyargs: b, kwarg: c };
      }
    }
  }
  p.mark = mark;
  const k = kwds(p, lam);
  if (k !== null) return { vararg: null, kwonlyargs: null, kwarg: k };
  p.mark = mark;
  return null;
}

/** kwds: invalid_kwds | '**' param_no_default */
export function kwds(p: Parser, lam: boolean): arg | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    if (lam) invalid_lambda_kwds(p);
    else invalid_kwds(p);
    p.mark = mark;
  }
  let a: arg | null;
  if (p.expect(Tok.DOUBLESTAR) && (a = param_no_default(p, lam)) !== null) return a;
  p.mark = mark;
  return null;
}

/** After a parameter: ',' [TYPE_COMMENT] | [TYPE_COMMENT] &')'. */
function paramEnd(p: Parser, lam: boolean): boolean {
  if (p.expect(Tok.COMMA)) {
    if (!lam) p.expect(Tok.TYPE_COMMENT);
    return true;
  }
  if (!lam) p.expect(Tok.TYPE_COMMENT);
  return p.at(closer(lam));
}

/** param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')' */
export function param_no_default(p: Parser, lam: boolean): arg | null {
  const mark = p.mark;
  const a = param(p, lam);
  if (a !== null && paramEnd(p, lam)) return a;
  p.mark = mark;
  return null;
}

/** param_no_default_star_annotation: param_star_annotation ',' TYPE_COMMENT? | param_star_annotation TYPE_COMMENT? &')' */
export function param_no_default_star_annotation(p: Parser): arg | null {
  const mark = p.mark;
  const a = param_star_annotation(p);
  if (a !== null && paramEnd(p, false)) return a;
  p.mark = mark;
  return null;
}

/** param_with_default: param default ',' TYPE_COMMENT? | param default TYPE_COMMENT? &')' */
export function param_with_default(p: Parser, lam: boolean): NameDefaultPair | null {
  const mark = p.mark;
  const a = param(p, lam);
  let c: expr | null;
  if (a !== null && (c = default_(p)) !== null && paramEnd(p, lam)) return { arg: a, value: c };
  p.mark = mark;
  return null;
}

/** param_maybe_default: param default? ',' TYPE_COMMENT? | param default? TYPE_COMMENT? &')' */
export function param_maybe_default(p: Parser, lam: boolean): NameDefaultPair | null {
  const mark = p.mark;
  const a = param(p, lam);
  if (a !== null) {
    const c = default_(p);
    if (paramEnd(p, lam)) return { arg: a, value: c };
  }
  p.mark = mark;
  return null;
}

/** param: NAME annotation? (lambda_param: NAME) */
export function param(p: Parser, lam: boolean): arg | null {
  const mark = p.mark;
  const a = p.name();
  if (a === null) return null;
  let b: expr | null = null;
  if (!lam) {
    const m = p.mark;
    if (!(p.expect(Tok.COLON) && (b = expression(p)) !== null)) {
      p.mark = m;
      b = null;
    }
  }
  return extra<arg>(p, mark, { _type: 'arg', arg: a.id, annotation: b, type_comment: null });
}

/** param_star_annotation: NAME star_annotation (star_annotation: ':' star_expression) */
export function param_star_annotation(p: Parser): arg | null {
  const mark = p.mark;
  const a = p.name();
  let b: expr | null;
  if (a !== null && p.expect(Tok.COLON) && (b = star_expression(p)) !== null) {
    return extra<arg>(p, mark, { _type: 'arg', arg: a.id, annotation: b, type_comment: null });
  }
  p.mark = mark;
  return null;
}

/** default: '=' expression | invalid_default */
export function default_(p: Parser): expr | null {
  const mark = p.mark;
  let a: expr | null;
  if (p.expect(Tok.EQUAL) && (a = expression(p)) !== null) return a;
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_default(p);
    p.mark = mark;
  }
  return null;
}
