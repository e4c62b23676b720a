import type { AnnAssign, Assert, Assign, AugAssign, Delete, Expr, Global, Module, Name, Nonlocal, Raise, Return, expr, operator, stmt } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, setExprContext } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { compound_stmt } from './compound.js';
import { expression, named_expression, star_expressions, yield_expr } from './expressions.js';
import { invalid_assignment, invalid_block, invalid_del_stmt } from './invalid-statements.js';
import { import_stmt } from './imports.js';
import { del_targets, single_subscript_attribute_target, single_target, star_targets } from './targets.js';

/**
 * Module structure and simple statements: `file`, `statements`, blocks, decorators, and every
 * statement that fits on one logical line (assignments, return, raise, del, assert, global,
 * nonlocal, pass, break, continue, expression statements; imports are in imports.ts).
 * CPython: Grammar/python.gram (STARTING RULES, GENERAL STATEMENTS, SIMPLE STATEMENTS).
 */

/** file: [statements] ENDMARKER */
export function file(p: Parser): Module | null {
  const a = statements(p);
  if (p.expect(Tok.ENDMARKER)) return { _type: 'Module', body: a ?? [], type_ignores: [] };
  return null;
}

/** statements: statement+ */
export function statements(p: Parser): stmt[] | null {
  let out: stmt[] | null = null;
  for (;;) {
    const s = statement(p);
    if (s === null) break;
    if (out === null) out = s;
    else for (const x of s) out.push(x);
  }
  return out;
}

/** statement: compound_stmt | simple_stmts */
export function statement(p: Parser): stmt[] | null {
  const a = compound_stmt(p);
  if (a !== null) return [a];
  return simple_stmts(p);
}

/** simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
export function simple_stmts(p: Parser): stmt[] | null {
  const mark = p.mark;
  const a = simple_stmt(p);
  if (a === null) return null;
  if (!p.at(Tok.SEMI) && p.expect(Tok.NEWLINE)) return [a];
  p.mark = mark;
  const first = simple_stmt(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: stmt | null;
    if (p.expect(Tok.SEMI) && (c = simple_stmt(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  p.expect(Tok.SEMI);
  if (p.expect(Tok.NEWLINE)) return out;
  p.mark = mark;
  return null;
}

/** The statement keywords with which `assignment` and expression statements cannot start. */
function keywordStatement(p: Parser, mark: number, type: number): stmt | null {
  switch (type) {
    case Tok.KW_RETURN:
      return return_stmt(p);
    case Tok.KW_IMPORT:
    case Tok.KW_FROM:
      return import_stmt(p);
    case Tok.KW_RAISE:
      return raise_stmt(p);
    case Tok.KW_PASS:
      p.mark++;
      return extra<stmt>(p, mark, { _type: 'Pass' });
    case Tok.KW_DEL:
      return del_stmt(p);
    case Tok.KW_YIELD:
      return yield_stmt(p);
    case Tok.KW_ASSERT:
      return assert_stmt(p);
    case Tok.KW_BREAK:
      p.mark++;
      return extra<stmt>(p, mark, { _type: 'Break' });
    case Tok.KW_CONTINUE:
      p.mark++;
      return extra<stmt>(p, mark, { _type: 'Continue' });
    case Tok.KW_GLOBAL:
      return global_stmt(p);
    case Tok.KW_NONLOCAL:
      return nonlocal_stmt(p);
    default:
      return null;
  }
}

/**
 * simple_stmt (memo): assignment | star_expressions | &'return' return_stmt | ... | &'nonlocal' nonlocal_stmt
 * A statement starting with one of those keywords cannot be an assignment or an expression, so it
 * is dispatched directly (except `yield`, which the second pass's invalid_assignment examines).
 */
export function simple_stmt(p: Parser): stmt | null {
  const memo = p.memoGet(Memo.simple_stmt);
  if (memo !== NOT_MEMOIZED) return memo as stmt | null;
  const mark = p.mark;
  const type = p.peek().type;
  let res: stmt | null = null;
  if (type >= Tok.KW_PASS && type !== Tok.KW_YIELD && type !== Tok.KW_NOT && type !== Tok.KW_LAMBDA && !isExpressionKeyword(type)) {
    res = keywordStatement(p, mark, type);
  } else {
    res = assignment(p);
    if (res === null) {
      p.mark = mark;
      const e = star_expressions(p);
      if (e !== null) res = extra<Expr>(p, mark, { _type: 'Expr', value: e });
      else {
        p.mark = mark;
        res = keywordStatement(p, mark, type);
      }
    }
  }
  if (res === null) p.mark = mark;
  p.memoSet(mark, Memo.simple_stmt, res);
  return res;
}

/** Keywords that can start an expression (and so an expression statement). */
function isExpressionKeyword(type: number): boolean {
  return type === Tok.KW_TRUE || type === Tok.KW_FALSE || type === Tok.KW_NONE || type === Tok.KW_NOT || type === Tok.KW_LAMBDA;
}

/** ['=' annotated_rhs] after an annotation. */
function annotationValue(p: Parser): expr | null {
  const m = p.mark;
  let d: expr | null;
  if (p.expect(Tok.EQUAL) && (d = annotated_rhs(p)) !== null) return d;
  p.mark = m;
  return null;
}

/**
 * assignment:
 *     | NAME ':' expression ['=' annotated_rhs]
 *     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
 *     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
 *     | single_target augassign ~ (yield_expr | star_expressions)
 *     | invalid_assignment
 */
export function assignment(p: Parser): stmt | null {
  const mark = p.mark;
  // NAME ':' expression ['=' annotated_rhs]
  {
    const a = p.name();
    let b: expr | null;
    if (a !== null && p.expect(Tok.COLON) && (b = expression(p)) !== null) {
      const c = annotationValue(p);
      return extra<AnnAssign>(p, mark, { _type: 'AnnAssign', target: setExprContext(a, 'Store'), annotation: b, value: c, simple: 1 });
    }
    p.mark = mark;
  }
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  {
    let a: expr | null = null;
    if (p.expect(Tok.LPAR)) {
      const b = single_target(p);
      if (b !== null && p.expect(Tok.RPAR)) a = b;
    }
    if (a === null) {
      p.mark = mark;
      a = single_subscript_attribute_target(p);
    }
    let b: expr | null;
    if (a !== null && p.expect(Tok.COLON) && (b = expression(p)) !== null) {
      const c = annotationValue(p);
      return extra<AnnAssign>(p, mark, { _type: 'AnnAssign', target: a, annotation: b, value: c, simple: 0 });
    }
    p.mark = mark;
  }
  // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
  {
    let targets: expr[] | null = null;
    for (;;) {
      const m = p.mark;
      let z: expr | null;
      if ((z = star_targets(p)) !== null && p.expect(Tok.EQUAL)) (targets ??= []).push(z);
      else {
        p.mark = m;
        break;
      }
    }
    if (targets !== null) {
      const b = yield_expr(p) ?? star_expressions(p);
      if (b !== null && !p.at(Tok.EQUAL)) {
        p.expect(Tok.TYPE_COMMENT);
        return extra<Assign>(p, mark, { _type: 'Assign', targets, value: b, type_comment: null });
      }
    }
    p.mark = mark;
  }
  // single_target augassign ~ (yield_expr | star_expressions)
  {
    const a = single_target(p);
    if (a !== null) {
      const op = augassign(p);
      if (op !== null) {
        const c = yield_expr(p) ?? star_expressions(p);
        if (c === null) {
          p.mark = mark;
          return null; // cut
        }
        return extra<AugAssign>(p, mark, { _type: 'AugAssign', target: a, op, value: c });
      }
    }
    p.mark = mark;
  }
  if (p.callInvalidRules) {
    invalid_assignment(p);
    p.mark = mark;
  }
  return null;
}

/** annotated_rhs: yield_expr | star_expressions */
export function annotated_rhs(p: Parser): expr | null {
  return yield_expr(p) ?? star_expressions(p);
}

/** augassign: '+=' | '-=' | ... | '//=' */
export function augassign(p: Parser): operator | null {
  let op: operator;
  switch (p.peek().type) {
    case Tok.PLUSEQUAL:
      op = 'Add';
      break;
    case Tok.MINEQUAL:
      op = 'Sub';
      break;
    case Tok.STAREQUAL:
      op = 'Mult';
      break;
    case Tok.ATEQUAL:
      op = 'MatMult';
      break;
    case Tok.SLASHEQUAL:
      op = 'Div';
      break;
    case Tok.PERCENTEQUAL:
      op = 'Mod';
      break;
    case Tok.AMPEREQUAL:
      op = 'BitAnd';
      break;
    case Tok.VBAREQUAL:
      op = 'BitOr';
      break;
    case Tok.CIRCUMFLEXEQUAL:
      op = 'BitXor';
      break;
    case Tok.LEFTSHIFTEQUAL:
      op = 'LShift';
      break;
    case Tok.RIGHTSHIFTEQUAL:
      op = 'RShift';
      break;
    case Tok.DOUBLESTAREQUAL:
      op = 'Pow';
      break;
    case Tok.DOUBLESLASHEQUAL:
      op = 'FloorDiv';
      break;
    default:
      return null;
  }
  p.mark++;
  return op;
}

/** return_stmt: 'return' [star_expressions] */
export function return_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_RETURN)) return null;
  const a = star_expressions(p);
  return extra<Return>(p, mark, { _type: 'Return', value: a });
}

/** raise_stmt: 'raise' expression ['from' expression] | 'raise' */
export function raise_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_RAISE)) return null;
  const a = expression(p);
  if (a !== null) {
    const m = p.mark;
    let b: expr | null = null;
    if (!(p.expect(Tok.KW_FROM) && (b = expression(p)) !== null)) {
      p.mark = m;
      b = null;
    }
    return extra<Raise>(p, mark, { _type: 'Raise', exc: a, cause: b });
  }
  return extra<Raise>(p, mark, { _type: 'Raise', exc: null, cause: null });
}

/** ','.NAME+ as identifiers. */
function nameList(p: Parser): string[] | null {
  const first = p.name();
  if (first === null) return null;
  const out = [first.id];
  for (;;) {
    const m = p.mark;
    let n: Name | null;
    if (p.expect(Tok.COMMA) && (n = p.name()) !== null) out.push(n.id);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** global_stmt: 'global' ','.NAME+ */
export function global_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  let names: string[] | null;
  if (p.expect(Tok.KW_GLOBAL) && (names = nameList(p)) !== null) return extra<Global>(p, mark, { _type: 'Global', names });
  p.mark = mark;
  return null;
}

/** nonlocal_stmt: 'nonlocal' ','.NAME+ */
export function nonlocal_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  let names: string[] | null;
  if (p.expect(Tok.KW_NONLOCAL) && (names = nameList(p)) !== null) return extra<Nonlocal>(p, mark, { _type: 'Nonlocal', names });
  p.mark = mark;
  return null;
}

/** del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
export function del_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  let a: expr[] | null;
  if (p.expect(Tok.KW_DEL) && (a = del_targets(p)) !== null) {
    const t = p.peek().type;
    if (t === Tok.SEMI || t === Tok.NEWLINE) return extra<Delete>(p, mark, { _type: 'Delete', targets: a });
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    invalid_del_stmt(p);
    p.mark = mark;
  }
  return null;
}

/** yield_stmt: yield_expr */
export function yield_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  const y = yield_expr(p);
  if (y === null) return null;
  return extra<Expr>(p, mark, { _type: 'Expr', value: y });
}

/** assert_stmt: 'assert' expression [',' expression] */
export function assert_stmt(p: Parser): stmt | null {
  const mark = p.mark;
  let a: expr | null;
  if (p.expect(Tok.KW_ASSERT) && (a = expression(p)) !== null) {
    const m = p.mark;
    let b: expr | null = null;
    if (!(p.expect(Tok.COMMA) && (b = expression(p)) !== null)) {
      p.mark = m;
      b = null;
    }
    return extra<Assert>(p, mark, { _type: 'Assert', test: a, msg: b });
  }
  p.mark = mark;
  return null;
}

/** block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
export function block(p: Parser): stmt[] | null {
  const memo = p.memoGet(Memo.block);
  if (memo !== NOT_MEMOIZED) return memo as stmt[] | null;
  const mark = p.mark;
  p.enter();
  let res: stmt[] | null = null;
  let a: stmt[] | null;
  if (p.expect(Tok.NEWLINE) && p.expect(Tok.INDENT) && (a = statements(p)) !== null && p.expect(Tok.DEDENT)) res = a;
  else {
    p.mark = mark;
    res = simple_stmts(p);
    if (res === null) {
      p.mark = mark;
      if (p.callInvalidRules) {
        invalid_block(p);
        p.mark = mark;
      }
    }
  }
  p.level--;
  p.memoSet(mark, Memo.block, res);
  return res;
}

/** decorators: ('@' named_expression NEWLINE)+ */
export function decorators(p: Parser): expr[] | null {
  let out: expr[] | null = null;
  for (;;) {
    const m = p.mark;
    let f: expr | null;
    if (p.expect(Tok.AT) && (f = named_expression(p)) !== null && p.expect(Tok.NEWLINE)) (out ??= []).push(f);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}
