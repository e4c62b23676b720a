import type {
  AsyncFor,
  AsyncFunctionDef,
  AsyncWith,
  ExceptHandler,
  For,
  FunctionDef,
  If,
  Name,
  Try,
  TryStar,
  While,
  With,
  arguments as Arguments,
  excepthandler,
  expr,
  stmt,
  withitem,
} from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { classDef, emptyArguments, extra, withDecorators } from '../actions.js';
import type { Parser } from '../parser.js';
import { arguments_ } from './calls.js';
import { expression, named_expression, star_expressions } from './expressions.js';
import {
  invalid_class_def_raw,
  invalid_def_raw,
  invalid_elif_stmt,
  invalid_else_stmt,
  invalid_except_star_stmt_indent,
  invalid_except_stmt,
  invalid_except_stmt_indent,
  invalid_finally_stmt,
  invalid_for_stmt,
  invalid_if_stmt,
  invalid_try_stmt,
  invalid_while_stmt,
  invalid_with_item,
  invalid_with_stmt,
  invalid_with_stmt_indent,
} from './invalid-statements.js';
import { invalid_for_target } from './invalid-expressions.js';
import { params } from './params.js';
import { match_stmt } from './patterns.js';
import { block, decorators } from './statements.js';
import { star_target, star_targets } from './targets.js';

/**
 * Compound statements: function and class definitions (with decorators), if/elif/else, while,
 * for, with (including parenthesised items), try with except, except* and finally, and the dispatch that
 * picks one by its first token.
 * CPython: Grammar/python.gram (COMPOUND STATEMENTS).
 */

/**
 * compound_stmt: &('def' | '@' | ASYNC) function_def | &'if' if_stmt | &('class' | '@') class_def
 *              | &('with' | ASYNC) with_stmt | &('for' | ASYNC) for_stmt | &'try' try_stmt
 *              | &'while' while_stmt | match_stmt
 */
export function compound_stmt(p: Parser): stmt | null {
  switch (p.peek().type) {
    case Tok.KW_DEF:
      return function_def(p);
    case Tok.AT:
      return function_def(p) ?? class_def(p);
    case Tok.ASYNC:
      return function_def(p) ?? with_stmt(p) ?? for_stmt(p);
    case Tok.KW_IF:
      return if_stmt(p);
    case Tok.KW_CLASS:
      return class_def(p);
    case Tok.KW_WITH:
      return with_stmt(p);
    case Tok.KW_FOR:
      return for_stmt(p);
    case Tok.KW_TRY:
      return try_stmt(p);
    case Tok.KW_WHILE:
      return while_stmt(p);
    default:
      return match_stmt(p);
  }
}

/** function_def: decorators function_def_raw | function_def_raw */
export function function_def(p: Parser): stmt | null {
  const mark = p.mark;
  const d = decorators(p);
  if (d !== null) {
    const f = function_def_raw(p);
    if (f !== null) return withDecorators(d, f);
  }
  p.mark = mark;
  return function_def_raw(p);
}

/** func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | invalid_double_type_comments | TYPE_COMMENT */
function func_type_comment(p: Parser): void {
  // Type comments are only produced with PyCF_TYPE_COMMENTS, which ast.parse does not pass by
  // default: this never matches, but looks at the same tokens CPython looks at.
  const mark = p.mark;
  if (p.expect(Tok.NEWLINE)) p.at(Tok.TYPE_COMMENT);
  p.mark = mark;
  p.at(Tok.TYPE_COMMENT);
}

/**
 * function_def_raw: invalid_def_raw
 *     | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
 */
export function function_def_raw(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_def_raw(p);
    p.mark = mark;
  }
  const isAsync = p.at(Tok.ASYNC);
  if (isAsync) p.mark++;
  let n: Name | null;
  if (p.expect(Tok.KW_DEF) && (n = p.name()) !== null) {
    p.expectForced(Tok.LPAR, '(');
    const ps: Arguments | null = params(p);
    if (p.expect(Tok.RPAR)) {
      let returns: expr | null = null;
      const m = p.mark;
      if (!(p.expect(Tok.RARROW) && (returns = expression(p)) !== null)) {
        p.mark = m;
        returns = null;
      }
      p.expectForced(Tok.COLON, ':');
      func_type_comment(p);
      const b = block(p);
      if (b !== null) {
        const fields = { name: n.id, args: ps ?? emptyArguments(), body: b, decorator_list: [], returns, type_comment: null };
        return isAsync
          ? extra<AsyncFunctionDef>(p, mark, { _type: 'AsyncFunctionDef', ...fields })
          : extra<FunctionDef>(p, mark, { _type: 'FunctionDef', ...fields });
      }
    }
  }
  p.mark = mark;
  return null;
}

/** class_def: decorators class_def_raw | class_def_raw */
export function class_def(p: Parser): stmt | null {
  const mark = p.mark;
  const d = decorators(p);
  if (d !== null) {
    const c = class_def_raw(p);
    if (c !== null) return withDecorators(d, c);
  }
  p.mark = mark;
  return class_def_raw(p);
}

/** class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block */
export function class_def_raw(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_class_def_raw(p);
    p.mark = mark;
  }
  let a: Name | null;
  if (p.expect(Tok.KW_CLASS) && (a = p.name()) !== null) {
    const m = p.mark;
    let call = null;
    if (p.expect(Tok.LPAR)) {
      const z = arguments_(p);
      if (p.expect(Tok.RPAR)) call = z;
      else p.mark = m;
    }
    const b = p.expect(Tok.COLON) ? block(p) : null;
    if (b !== null) return classDef(a.id, call, b, p.tokens[mark], p.lastNonWhitespaceToken());
  }
  p.mark = mark;
  return null;
}

/** if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block] */
export function if_stmt(p: Parser): stmt | null {
  return ifLike(p, Tok.KW_IF, invalid_if_stmt);
}

/** elif_stmt: invalid_elif_stmt | 'elif' named_expression ':' block elif_stmt | 'elif' named_expression ':' block [else_block] */
export function elif_stmt(p: Parser): stmt | null {
  return ifLike(p, Tok.KW_ELIF, invalid_elif_stmt);
}

function ifLike(p: Parser, keyword: number, invalid: (p: Parser) => null): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid(p);
    p.mark = mark;
  }
  let a: expr | null;
  let b: stmt[] | null;
  if (p.expect(keyword) && (a = named_expression(p)) !== null && p.expect(Tok.COLON) && (b = block(p)) !== null) {
    const afterBlock = p.mark;
    const c = elif_stmt(p);
    if (c !== null) return extra<If>(p, mark, { _type: 'If', test: a, body: b, orelse: [c] });
    p.mark = afterBlock;
    const e = else_block(p);
    return extra<If>(p, mark, { _type: 'If', test: a, body: b, orelse: e ?? [] });
  }
  p.mark = mark;
  return null;
}

/** else_block: invalid_else_stmt | 'else' &&':' block */
export function else_block(p: Parser): stmt[] | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_else_stmt(p);
    p.mark = mark;
  }
  if (p.expect(Tok.KW_ELSE)) {
    p.expectForced(Tok.COLON, ':');
    const b = block(p);
    if (b !== null) return b;
  }
  p.mark = mark;
  return null;
}

/** while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
export function while_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_while_stmt(p);
    p.mark = mark;
  }
  let a: expr | null;
  let b: stmt[] | null;
  if (p.expect(Tok.KW_WHILE) && (a = named_expression(p)) !== null && p.expect(Tok.COLON) && (b = block(p)) !== null) {
    const c = else_block(p);
    return extra<While>(p, mark, { _type: 'While', test: a, body: b, orelse: c ?? [] });
  }
  p.mark = mark;
  return null;
}

/**
 * for_stmt: invalid_for_stmt
 *     | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *     | invalid_for_target
 */
export function for_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_for_stmt(p);
    p.mark = mark;
  }
  const isAsync = p.at(Tok.ASYNC);
  if (isAsync) p.mark++;
  let t: expr | null;
  if (p.expect(Tok.KW_FOR) && (t = star_targets(p)) !== null && p.expect(Tok.KW_IN)) {
    let ex: expr | null;
    let b: stmt[] | null;
    if ((ex = star_expressions(p)) !== null && p.expect(Tok.COLON)) {
      p.expect(Tok.TYPE_COMMENT);
      if ((b = block(p)) !== null) {
        const el = else_block(p);
        const fields = { target: t, iter: ex, body: b, orelse: el ?? [], type_comment: null };
        return isAsync ? extra<AsyncFor>(p, mark, { _type: 'AsyncFor', ...fields }) : extra<For>(p, mark, { _type: 'For', ...fields });
      }
    }
    p.mark = mark;
    return null; // cut
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_for_target(p);
    p.mark = mark;
  }
  return null;
}

/** ','.with_item+ */
function withItems(p: Parser): withitem[] | null {
  const first = with_item(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: withitem | null;
    if (p.expect(Tok.COMMA) && (c = with_item(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/**
 * with_stmt: invalid_with_stmt_indent
 *     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
 *     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *     | invalid_with_stmt
 */
export function with_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_with_stmt_indent(p);
    p.mark = mark;
  }
  const isAsync = p.at(Tok.ASYNC);
  const start = isAsync ? mark + 1 : mark;
  p.mark = start;
  if (p.expect(Tok.KW_WITH)) {
    const afterWith = p.mark;
    let items: withitem[] | null;
    let b: stmt[] | null;
    if (p.expect(Tok.LPAR) && (items = withItems(p)) !== null) {
      p.expect(Tok.COMMA);
      if (p.expect(Tok.RPAR) && p.expect(Tok.COLON) && (b = block(p)) !== null) return makeWith(p, mark, isAsync, items, b);
    }
    p.mark = afterWith;
    if ((items = withItems(p)) !== null && p.expect(Tok.COLON)) {
      p.expect(Tok.TYPE_COMMENT);
      if ((b = block(p)) !== null) return makeWith(p, mark, isAsync, items, b);
    }
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_with_stmt(p);
    p.mark = mark;
  }
  return null;
}

function makeWith(p: Parser, mark: number, isAsync: boolean, items: withitem[], body: stmt[]): stmt {
  return isAsync
    ? extra<AsyncWith>(p, mark, { _type: 'AsyncWith', items, body, type_comment: null })
    : extra<With>(p, mark, { _type: 'With', items, body, type_comment: null });
}

/** with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression */
export function with_item(p: Parser): withitem | null {
  const mark = p.mark;
  const e = expression(p);
  if (e === null) return null;
  const afterE = p.mark;
  let t: expr | null;
  if (p.expect(Tok.KW_AS) && (t = star_target(p)) !== null) {
    const n = p.peek().type;
    if (n === Tok.COMMA || n === Tok.RPAR || n === Tok.COLON) return { _type: 'withitem', context_expr: e, optional_vars: t };
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_with_item(p);
    p.mark = mark;
  }
  p.mark = afterE; // the third alternative re-matches the same (memoized) expression
  return { _type: 'withitem', context_expr: e, optional_vars: null };
}

/**
 * try_stmt: invalid_try_stmt
 *     | 'try' &&':' block finally_block
 *     | 'try' &&':' block except_block+ [else_block] [finally_block]
 *     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
 */
export function try_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_try_stmt(p);
    p.mark = mark;
  }
  if (!p.expect(Tok.KW_TRY)) return null;
  p.expectForced(Tok.COLON, ':');
  const b = block(p);
  if (b === null) {
    p.mark = mark;
    return null;
  }
  const afterBlock = p.mark;
  const f = finally_block(p);
  if (f !== null) return extra<Try>(p, mark, { _type: 'Try', body: b, handlers: [], orelse: [], finalbody: f });
  p.mark = afterBlock;
  for (const star of [false, true]) {
    const handlers: excepthandler[] = [];
    for (;;) {
      const h = star ? except_star_block(p) : except_block(p);
      if (h === null) break;
      handlers.push(h);
    }
    if (handlers.length > 0) {
      const el = else_block(p);
      const fin = finally_block(p);
      const fields = { body: b, handlers, orelse: el ?? [], finalbody: fin ?? [] };
      return star ? extra<TryStar>(p, mark, { _type: 'TryStar', ...fields }) : extra<Try>(p, mark, { _type: 'Try', ...fields });
    }
    p.mark = afterBlock;
  }
  p.mark = mark;
  return null;
}

/** ['as' NAME] in an except clause. */
function exceptAs(p: Parser): string | null {
  const m = p.mark;
  let z: Name | null;
  if (p.expect(Tok.KW_AS) && (z = p.name()) !== null) return z.id;
  p.mark = m;
  return null;
}

/**
 * except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block
 *             | 'except' ':' block | invalid_except_stmt
 */
export function except_block(p: Parser): excepthandler | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_except_stmt_indent(p);
    p.mark = mark;
  }
  if (p.expect(Tok.KW_EXCEPT)) {
    const afterExcept = p.mark;
    let e: expr | null;
    let b: stmt[] | null;
    if ((e = expression(p)) !== null) {
      const name = exceptAs(p);
      if (p.expect(Tok.COLON) && (b = block(p)) !== null) {
        return extra<ExceptHandler>(p, mark, { _type: 'ExceptHandler', type: e, name, body: b });
      }
    }
    p.mark = afterExcept;
    if (p.expect(Tok.COLON) && (b = block(p)) !== null) {
      return extra<ExceptHandler>(p, mark, { _type: 'ExceptHandler', type: null, name: null, body: b });
    }
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_except_stmt(p);
    p.mark = mark;
  }
  return null;
}

/** except_star_block: invalid_except_star_stmt_indent | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt */
export function except_star_block(p: Parser): excepthandler | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_except_star_stmt_indent(p);
    p.mark = mark;
  }
  let e: expr | null;
  let b: stmt[] | null;
  if (p.expect(Tok.KW_EXCEPT) && p.expect(Tok.STAR) && (e = expression(p)) !== null) {
    const name = exceptAs(p);
    if (p.expect(Tok.COLON) && (b = block(p)) !== null) {
      return extra<ExceptHandler>(p, mark, { _type: 'ExceptHandler', type: e, name, body: b });
    }
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_except_stmt(p);
    p.mark = mark;
  }
  return null;
}

/** finally_block: invalid_finally_stmt | 'finally' &&':' block */
export function finally_block(p: Parser): stmt[] | null {
  const mark = p.mark;
  if (p.callInvalidRules) {
    invalid_finally_stmt(p);
    p.mark = mark;
  }
  if (p.expect(Tok.KW_FINALLY)) {
    p.expectForced(Tok.COLON, ':');
    const a = block(p);
    if (a !== null) return a;
  }
  p.mark = mark;
  return null;
}
