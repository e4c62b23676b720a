import { Tok } from '../../tokenizer/token-kind.js';
import type { Parser } from '../parser.js';
import type { Token } from '../token.js';
import { param, param_maybe_default, param_no_default, param_with_default, repeat, slash_no_default, slash_with_default } from './params.js';

/**
 * The second pass's rules for parameter lists of `def` (`lam` false) and `lambda` (`lam` true):
 * defaults before non-defaults, parenthesised parameters, misplaced `/` and `*`, bare `*`,
 * defaults on `*args`/`**kwargs`, parameters after `**kwargs`.
 * CPython: Grammar/python.gram (invalid_parameters, invalid_lambda_parameters, invalid_star_etc,
 * invalid_lambda_star_etc, invalid_kwds, invalid_lambda_kwds, invalid_default).
 */

/** invalid_parameters_helper: slash_with_default | param_with_default+ */
function parametersHelper(p: Parser, lam: boolean): boolean {
  if (slash_with_default(p, lam) !== null) return true;
  return repeat(p, lam, param_with_default).length > 0;
}

/** (slash_no_default | slash_with_default) */
function anySlash(p: Parser, lam: boolean): boolean {
  return slash_no_default(p, lam) !== null || slash_with_default(p, lam) !== null;
}

function invalidParams(p: Parser, lam: boolean): null {
  const mark = p.mark;
  // param_no_default* invalid_parameters_helper param_no_default
  repeat(p, lam, param_no_default);
  if (parametersHelper(p, lam)) {
    const a = param_no_default(p, lam);
    if (a !== null) throw p.errorKnownLocation('SyntaxError', a, 'non-default argument follows default argument');
  }
  p.mark = mark;
  // param_no_default* '(' param_no_default+ ','? ')'      (lambda: ','.lambda_param+)
  repeat(p, lam, param_no_default);
  let a: Token | null;
  if ((a = p.expect(Tok.LPAR)) !== null) {
    let ok: boolean;
    if (lam) {
      ok = param(p, true) !== null;
      if (ok) {
        for (;;) {
          const m = p.mark;
          if (p.expect(Tok.COMMA) && param(p, true) !== null) continue;
          p.mark = m;
          break;
        }
      }
    } else ok = repeat(p, lam, param_no_default).length > 0;
    if (ok) {
      p.expect(Tok.COMMA);
      const b = p.expect(Tok.RPAR);
      if (b !== null) {
        throw p.errorRange(
          'SyntaxError',
          a,
          b,
          lam ? 'Lambda expression parameters cannot be parenthesized' : 'Function parameters cannot be parenthesized',
        );
      }
    }
  }
  p.mark = mark;
  // "/" ','
  if ((a = p.expect(Tok.SLASH)) !== null && p.expect(Tok.COMMA)) {
    throw p.errorKnownLocation('SyntaxError', a, 'at least one argument must precede /');
  }
  p.mark = mark;
  // (slash_no_default | slash_with_default) param_maybe_default* '/'
  if (anySlash(p, lam)) {
    repeat(p, lam, param_maybe_default);
    if ((a = p.expect(Tok.SLASH)) !== null) throw p.errorKnownLocation('SyntaxError', a, '/ may appear only once');
  }
  p.mark = mark;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* '/'
  {
    if (!anySlash(p, lam)) p.mark = mark;
    repeat(p, lam, param_maybe_default);
    if (p.expect(Tok.STAR) && (p.expect(Tok.COMMA) !== null || param_no_default(p, lam) !== null)) {
      repeat(p, lam, param_maybe_default);
      if ((a = p.expect(Tok.SLASH)) !== null) throw p.errorKnownLocation('SyntaxError', a, '/ must be ahead of *');
    }
    p.mark = mark;
  }
  // param_maybe_default+ '/' '*'
  if (repeat(p, lam, param_maybe_default).length > 0 && p.expect(Tok.SLASH) && (a = p.expect(Tok.STAR)) !== null) {
    throw p.errorKnownLocation('SyntaxError', a, 'expected comma between / and *');
  }
  p.mark = mark;
  return null;
}

/** invalid_parameters (see invalidParams). */
export function invalid_parameters(p: Parser): null {
  return invalidParams(p, false);
}

/** invalid_lambda_parameters (see invalidParams). */
export function invalid_lambda_parameters(p: Parser): null {
  return invalidParams(p, true);
}

/** invalid_default: '=' &(')'|',') */
export function invalid_default(p: Parser): null {
  const mark = p.mark;
  const a = p.expect(Tok.EQUAL);
  if (a !== null) {
    const t = p.peek().type;
    if (t === Tok.RPAR || t === Tok.COMMA) throw p.errorKnownLocation('SyntaxError', a, 'expected default value expression');
  }
  p.mark = mark;
  return null;
}

/** (param_no_default | ',') */
function paramOrComma(p: Parser, lam: boolean): boolean {
  return param_no_default(p, lam) !== null || p.expect(Tok.COMMA) !== null;
}

/**
 * invalid_star_etc:
 *     | '*' (')' | ',' (')' | '**'))
 *     | '*' ',' TYPE_COMMENT
 *     | '*' param '='
 *     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
 * (lambda: '*' (':' | ',' (':' | '**')) raises at the last token; no type-comment alternative.)
 */
function invalidStarEtc(p: Parser, lam: boolean): null {
  const mark = p.mark;
  const a = p.expect(Tok.STAR);
  if (a === null) return null;
  const afterStar = p.mark;
  const closer = lam ? Tok.COLON : Tok.RPAR;
  if (p.expect(closer) || (p.expect(Tok.COMMA) && (p.expect(closer) || p.expect(Tok.DOUBLESTAR)))) {
    if (lam) throw p.error('SyntaxError', 'named arguments must follow bare *');
    throw p.errorKnownLocation('SyntaxError', a, 'named arguments must follow bare *');
  }
  p.mark = afterStar;
  if (!lam) {
    if (p.expect(Tok.COMMA) && p.expect(Tok.TYPE_COMMENT)) throw p.error('SyntaxError', 'bare * has associated type comment');
    p.mark = afterStar;
  }
  let b: Token | null;
  if (param(p, lam) !== null && (b = p.expect(Tok.EQUAL)) !== null) {
    throw p.errorKnownLocation('SyntaxError', b, 'var-positional argument cannot have default value');
  }
  p.mark = afterStar;
  if (paramOrComma(p, lam)) {
    repeat(p, lam, param_maybe_default);
    if ((b = p.expect(Tok.STAR)) !== null && paramOrComma(p, lam)) {
      throw p.errorKnownLocation('SyntaxError', b, '* argument may appear only once');
    }
  }
  p.mark = mark;
  return null;
}

/** invalid_star_etc (see invalidStarEtc). */
export function invalid_star_etc(p: Parser): null {
  return invalidStarEtc(p, false);
}

/** invalid_lambda_star_etc (see invalidStarEtc). */
export function invalid_lambda_star_etc(p: Parser): null {
  return invalidStarEtc(p, true);
}

/**
 * invalid_kwds: '**' param '=' | '**' param ',' param | '**' param ',' ('*'|'**'|'/')
 */
function invalidKwds(p: Parser, lam: boolean): null {
  const mark = p.mark;
  if (!p.expect(Tok.DOUBLESTAR) || param(p, lam) === null) {
    p.mark = mark;
    return null;
  }
  const afterParam = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.EQUAL)) !== null) throw p.errorKnownLocation('SyntaxError', a, 'var-keyword argument cannot have default value');
  p.mark = afterParam;
  if (p.expect(Tok.COMMA)) {
    const afterComma = p.mark;
    const b = param(p, lam);
    if (b !== null) throw p.errorKnownLocation('SyntaxError', b, 'arguments cannot follow var-keyword argument');
    p.mark = afterComma;
    const t = p.peek();
    if (t.type === Tok.STAR || t.type === Tok.DOUBLESTAR || t.type === Tok.SLASH) {
      throw p.errorKnownLocation('SyntaxError', t, 'arguments cannot follow var-keyword argument');
    }
  }
  p.mark = mark;
  return null;
}

/** invalid_kwds (see invalidKwds). */
export function invalid_kwds(p: Parser): null {
  return invalidKwds(p, false);
}

/** invalid_lambda_kwds (see invalidKwds). */
export function invalid_lambda_kwds(p: Parser): null {
  return invalidKwds(p, true);
}
