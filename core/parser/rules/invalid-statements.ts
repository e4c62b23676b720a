import type { expr } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { getExprName, invalidTargetError } from '../actions.js';
import type { Parser } from '../parser.js';
import type { Token } from '../token.js';
import { arguments_ } from './calls.js';
import { except_block, except_star_block } from './compound.js';
import { list, tuple } from './displays.js';
import { expression, expressions, named_expression, star_expressions, star_named_expression, star_named_expressions, yield_expr } from './expressions.js';
import { params } from './params.js';
import { augassign, block } from './statements.js';
import { import_from_as_names } from './imports.js';
import { star_target, star_targets } from './targets.js';

/**
 * The second pass's rules for statements: bad assignment targets and annotations, missing ':'
 * after a compound statement header, missing indented blocks ("expected an indented block after
 * 'if' statement on line N"), try without except/finally, mixed except and except*, and so on.
 * Each returns null (no match) or throws the SyntaxError or IndentationError.
 * CPython: Grammar/python.gram (invalid_* rules for statements).
 */

/** NEWLINE !INDENT: the line ends and no indented block follows. */
function newlineNoIndent(p: Parser): boolean {
  return p.expect(Tok.NEWLINE) !== null && !p.at(Tok.INDENT);
}

function indentError(p: Parser, what: string, lineno: number): never {
  throw p.error('IndentationError', `expected an indented block after ${what} on line ${lineno}`);
}

/**
 * invalid_assignment:
 *     | invalid_ann_assign_target ':' expression
 *     | star_named_expression ',' star_named_expressions* ':' expression
 *     | expression ':' expression
 *     | (star_targets '=')* star_expressions '='
 *     | (star_targets '=')* yield_expr '='
 *     | star_expressions augassign (yield_expr | star_expressions)
 */
export function invalid_assignment(p: Parser): null {
  const mark = p.mark;
  {
    const a = invalid_ann_assign_target(p);
    if (a !== null && p.expect(Tok.COLON) && expression(p) !== null) {
      throw p.errorKnownLocation('SyntaxError', a, `only single target (not ${getExprName(a)}) can be annotated`);
    }
    p.mark = mark;
  }
  {
    const a = star_named_expression(p);
    if (a !== null && p.expect(Tok.COMMA)) {
      while (star_named_expressions(p) !== null) {
        // star_named_expressions*
      }
      if (p.expect(Tok.COLON) && expression(p) !== null) {
        throw p.errorKnownLocation('SyntaxError', a, 'only single target (not tuple) can be annotated');
      }
    }
    p.mark = mark;
  }
  {
    const a = expression(p);
    if (a !== null && p.expect(Tok.COLON) && expression(p) !== null) throw p.errorKnownLocation('SyntaxError', a, 'illegal target for annotation');
    p.mark = mark;
  }
  {
    starTargetsEquals(p);
    const a = star_expressions(p);
    if (a !== null && p.expect(Tok.EQUAL)) return invalidTargetError(p, 'star', a);
    p.mark = mark;
  }
  {
    starTargetsEquals(p);
    const a = yield_expr(p);
    if (a !== null && p.expect(Tok.EQUAL)) throw p.errorKnownLocation('SyntaxError', a, 'assignment to yield expression not possible');
    p.mark = mark;
  }
  {
    const a = star_expressions(p);
    if (a !== null && augassign(p) !== null && (yield_expr(p) ?? star_expressions(p)) !== null) {
      throw p.errorKnownLocation('SyntaxError', a, `'${getExprName(a)}' is an illegal expression for augmented assignment`);
    }
    p.mark = mark;
  }
  return null;
}

/** (star_targets '=')* */
function starTargetsEquals(p: Parser): void {
  for (;;) {
    const m = p.mark;
    if (star_targets(p) !== null && p.expect(Tok.EQUAL)) continue;
    p.mark = m;
    return;
  }
}

/** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
export function invalid_ann_assign_target(p: Parser): expr | null {
  const mark = p.mark;
  const l = list(p) ?? tuple(p);
  if (l !== null) return l;
  if (p.expect(Tok.LPAR)) {
    const a = invalid_ann_assign_target(p);
    if (a !== null && p.expect(Tok.RPAR)) return a;
  }
  p.mark = mark;
  return null;
}

/** invalid_del_stmt: 'del' star_expressions */
export function invalid_del_stmt(p: Parser): null {
  const mark = p.mark;
  let a: expr | null;
  if (p.expect(Tok.KW_DEL) && (a = star_expressions(p)) !== null) return invalidTargetError(p, 'del', a);
  p.mark = mark;
  return null;
}

/** invalid_block: NEWLINE !INDENT */
export function invalid_block(p: Parser): null {
  const mark = p.mark;
  if (newlineNoIndent(p)) throw p.error('IndentationError', 'expected an indented block');
  p.mark = mark;
  return null;
}

/** invalid_import_from_targets: import_from_as_names ',' NEWLINE */
export function invalid_import_from_targets(p: Parser): null {
  const mark = p.mark;
  if (import_from_as_names(p) !== null && p.expect(Tok.COMMA) && p.expect(Tok.NEWLINE)) {
    throw p.error('SyntaxError', 'trailing comma not allowed without surrounding parentheses');
  }
  p.mark = mark;
  return null;
}

/** ','.(expression ['as' star_target])+ (or with `expressions` inside parentheses). */
function withItemsLoose(p: Parser, item: (p: Parser) => expr | null): boolean {
  const one = (): boolean => {
    if (item(p) === null) return false;
    const m = p.mark;
    if (!(p.expect(Tok.KW_AS) && star_target(p) !== null)) p.mark = m;
    return true;
  };
  if (!one()) return false;
  for (;;) {
    const m = p.mark;
    if (p.expect(Tok.COMMA) && one()) continue;
    p.mark = m;
    return true;
  }
}

/**
 * invalid_with_stmt:
 *     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
 *     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
 */
export function invalid_with_stmt(p: Parser): null {
  const mark = p.mark;
  p.expect(Tok.ASYNC);
  const afterAsync = p.mark;
  if (p.expect(Tok.KW_WITH) && withItemsLoose(p, expression) && p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  p.mark = afterAsync;
  if (p.expect(Tok.KW_WITH) && p.expect(Tok.LPAR) && withItemsLoose(p, expressions)) {
    p.expect(Tok.COMMA);
    if (p.expect(Tok.RPAR) && p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  }
  p.mark = mark;
  return null;
}

/**
 * invalid_with_stmt_indent:
 *     | [ASYNC] 'with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
 *     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
 */
export function invalid_with_stmt_indent(p: Parser): null {
  const mark = p.mark;
  p.expect(Tok.ASYNC);
  const afterAsync = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_WITH)) !== null && withItemsLoose(p, expression) && p.expect(Tok.COLON) && newlineNoIndent(p)) {
    indentError(p, "'with' statement", a.lineno);
  }
  p.mark = afterAsync;
  if ((a = p.expect(Tok.KW_WITH)) !== null && p.expect(Tok.LPAR) && withItemsLoose(p, expressions)) {
    p.expect(Tok.COMMA);
    if (p.expect(Tok.RPAR) && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'with' statement", a.lineno);
  }
  p.mark = mark;
  return null;
}

/** invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
export function invalid_with_item(p: Parser): null {
  const mark = p.mark;
  let a: expr | null;
  if (expression(p) !== null && p.expect(Tok.KW_AS) && (a = expression(p)) !== null) {
    const t = p.peek().type;
    if (t === Tok.COMMA || t === Tok.RPAR || t === Tok.COLON) return invalidTargetError(p, 'star', a);
  }
  p.mark = mark;
  return null;
}

/** ['as' NAME] */
function optAsName(p: Parser): void {
  const m = p.mark;
  if (!(p.expect(Tok.KW_AS) && p.expect(Tok.NAME))) p.mark = m;
}

/**
 * invalid_try_stmt:
 *     | 'try' ':' NEWLINE !INDENT
 *     | 'try' ':' block !('except' | 'finally')
 *     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
 *     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
 */
export function invalid_try_stmt(p: Parser): null {
  const mark = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_TRY)) !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'try' statement", a.lineno);
  p.mark = mark;
  if (p.expect(Tok.KW_TRY) && p.expect(Tok.COLON) && block(p) !== null) {
    const t = p.peek().type;
    if (t !== Tok.KW_EXCEPT && t !== Tok.KW_FINALLY) throw p.error('SyntaxError', "expected 'except' or 'finally' block");
  }
  p.mark = mark;
  if (p.expect(Tok.KW_TRY) && p.expect(Tok.COLON)) {
    while (block(p) !== null) {
      // block*
    }
    const afterBlocks = p.mark;
    let n = 0;
    while (except_block(p) !== null) n++;
    let b: Token | null;
    if (n > 0 && (a = p.expect(Tok.KW_EXCEPT)) !== null && (b = p.expect(Tok.STAR)) !== null && expression(p) !== null) {
      optAsName(p);
      if (p.expect(Tok.COLON)) throw p.errorRange('SyntaxError', a, b, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    p.mark = afterBlocks;
    n = 0;
    while (except_star_block(p) !== null) n++;
    if (n > 0 && (a = p.expect(Tok.KW_EXCEPT)) !== null) {
      const m = p.mark;
      if (expression(p) !== null) optAsName(p);
      else p.mark = m;
      if (p.expect(Tok.COLON)) throw p.errorKnownLocation('SyntaxError', a, "cannot have both 'except' and 'except*' on the same 'try'");
    }
  }
  p.mark = mark;
  return null;
}

/**
 * invalid_except_stmt:
 *     | 'except' '*'? expression ',' expressions ['as' NAME] ':'
 *     | 'except' '*'? expression ['as' NAME] NEWLINE
 *     | 'except' NEWLINE
 *     | 'except' '*' (NEWLINE | ':')
 */
export function invalid_except_stmt(p: Parser): null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_EXCEPT)) return null;
  const afterExcept = p.mark;
  {
    p.expect(Tok.STAR);
    const a = expression(p);
    if (a !== null && p.expect(Tok.COMMA) && expressions(p) !== null) {
      optAsName(p);
      if (p.expect(Tok.COLON)) throw p.errorStartingFrom(a, 'multiple exception types must be parenthesized');
    }
    p.mark = afterExcept;
  }
  {
    p.expect(Tok.STAR);
    if (expression(p) !== null) {
      optAsName(p);
      if (p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
    }
    p.mark = afterExcept;
  }
  if (p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  p.mark = afterExcept;
  if (p.expect(Tok.STAR) && (p.expect(Tok.NEWLINE) || p.expect(Tok.COLON))) throw p.error('SyntaxError', 'expected one or more exception types');
  p.mark = mark;
  return null;
}

/** invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT */
export function invalid_finally_stmt(p: Parser): null {
  const mark = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_FINALLY)) !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'finally' statement", a.lineno);
  p.mark = mark;
  return null;
}

/** invalid_except_stmt_indent: 'except' expression ['as' NAME] ':' NEWLINE !INDENT | 'except' ':' NEWLINE !INDENT */
export function invalid_except_stmt_indent(p: Parser): null {
  const mark = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_EXCEPT)) !== null && expression(p) !== null) {
    optAsName(p);
    if (p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'except' statement", a.lineno);
  }
  p.mark = mark;
  if ((a = p.expect(Tok.KW_EXCEPT)) !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'except' statement", a.lineno);
  p.mark = mark;
  return null;
}

/** invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME] ':' NEWLINE !INDENT */
export function invalid_except_star_stmt_indent(p: Parser): null {
  const mark = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_EXCEPT)) !== null && p.expect(Tok.STAR) && expression(p) !== null) {
    optAsName(p);
    if (p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'except*' statement", a.lineno);
  }
  p.mark = mark;
  return null;
}

/**
 * The invalid rules of if/elif/while: `KW named_expression NEWLINE` ("expected ':'") and
 * `KW named_expression ':' NEWLINE !INDENT` (the indentation error names the expression's line:
 * CPython's `a='if' a=named_expression` rebinds `a`).
 */
function invalidConditional(p: Parser, keyword: number, what: string, lineOfKeyword: boolean): null {
  const mark = p.mark;
  if (p.expect(keyword) && named_expression(p) !== null && p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  p.mark = mark;
  const k = p.expect(keyword);
  let e: expr | null;
  if (k !== null && (e = named_expression(p)) !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) {
    indentError(p, what, lineOfKeyword ? k.lineno : e.lineno);
  }
  p.mark = mark;
  return null;
}

/** invalid_if_stmt: 'if' named_expression NEWLINE | 'if' named_expression ':' NEWLINE !INDENT */
export function invalid_if_stmt(p: Parser): null {
  return invalidConditional(p, Tok.KW_IF, "'if' statement", false);
}

/** invalid_elif_stmt: 'elif' named_expression NEWLINE | 'elif' named_expression ':' NEWLINE !INDENT */
export function invalid_elif_stmt(p: Parser): null {
  return invalidConditional(p, Tok.KW_ELIF, "'elif' statement", true);
}

/** invalid_while_stmt: 'while' named_expression NEWLINE | 'while' named_expression ':' NEWLINE !INDENT */
export function invalid_while_stmt(p: Parser): null {
  return invalidConditional(p, Tok.KW_WHILE, "'while' statement", true);
}

/** invalid_else_stmt: 'else' ':' NEWLINE !INDENT */
export function invalid_else_stmt(p: Parser): null {
  const mark = p.mark;
  let a: Token | null;
  if ((a = p.expect(Tok.KW_ELSE)) !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, "'else' statement", a.lineno);
  p.mark = mark;
  return null;
}

/**
 * invalid_for_stmt:
 *     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
 *     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
 */
export function invalid_for_stmt(p: Parser): null {
  const mark = p.mark;
  p.expect(Tok.ASYNC);
  const afterAsync = p.mark;
  if (p.expect(Tok.KW_FOR) && star_targets(p) !== null && p.expect(Tok.KW_IN) && star_expressions(p) !== null && p.expect(Tok.NEWLINE)) {
    throw p.error('SyntaxError', "expected ':'");
  }
  p.mark = afterAsync;
  let a: Token | null;
  if (
    (a = p.expect(Tok.KW_FOR)) !== null &&
    star_targets(p) !== null &&
    p.expect(Tok.KW_IN) &&
    star_expressions(p) !== null &&
    p.expect(Tok.COLON) &&
    newlineNoIndent(p)
  ) {
    indentError(p, "'for' statement", a.lineno);
  }
  p.mark = mark;
  return null;
}

/** invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT */
export function invalid_def_raw(p: Parser): null {
  const mark = p.mark;
  p.expect(Tok.ASYNC);
  let a: Token | null;
  if ((a = p.expect(Tok.KW_DEF)) !== null && p.expect(Tok.NAME) && p.expect(Tok.LPAR)) {
    params(p);
    if (p.expect(Tok.RPAR)) {
      const m = p.mark;
      if (!(p.expect(Tok.RARROW) && expression(p) !== null)) p.mark = m;
      if (p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, 'function definition', a.lineno);
    }
  }
  p.mark = mark;
  return null;
}

/**
 * invalid_class_def_raw:
 *     | 'class' NAME ['(' [arguments] ')'] NEWLINE
 *     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
 */
export function invalid_class_def_raw(p: Parser): null {
  const mark = p.mark;
  const header = (): Token | null => {
    const a = p.expect(Tok.KW_CLASS);
    if (a === null || !p.expect(Tok.NAME)) return null;
    const m = p.mark;
    if (p.expect(Tok.LPAR)) {
      arguments_(p);
      if (!p.expect(Tok.RPAR)) p.mark = m;
    }
    return a;
  };
  if (header() !== null && p.expect(Tok.NEWLINE)) throw p.error('SyntaxError', "expected ':'");
  p.mark = mark;
  const a = header();
  if (a !== null && p.expect(Tok.COLON) && newlineNoIndent(p)) indentError(p, 'class definition', a.lineno);
  p.mark = mark;
  return null;
}
