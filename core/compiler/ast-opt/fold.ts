import type * as ast from '../../ast/nodes.generated.js';
import { PyFrozenSet, PyTuple, type PyValue } from '../../objects/values.js';
import { NotSupportedError, assertNever } from '../../source/errors.js';
import { distinct, foldBinop, foldSubscript, foldUnaryop, type FoldResult } from './const-ops.js';
import { optimizeFormat } from './format.js';
import { UNSUPPORTED } from './numbers.js';

/** Options of the AST optimizer (_PyASTOptimizeState). */
export interface FoldOptions {
  /** -O level: `__debug__` folds to `optimize == 0`. */
  optimize?: number;
  /** `from __future__ import annotations`: annotations are left as written. */
  futureAnnotations?: boolean;
}

/**
 * AST constant folding: operators on constants, constant tuples, constant subscripts,
 * `__debug__`, `not` over an `is`/`in` test, and the list/set literals used as `in` operands or
 * `for` iterables (turned into tuples and frozensets). Returns a new tree sharing every node it
 * did not change; the input is never modified.
 * CPython: Python/ast_opt.c (_PyAST_Optimize), 3.11.
 */
export function foldModule(mod: ast.Module, options: FoldOptions = {}): ast.Module {
  const f = new Folder(options);
  const body = f.body(mod.body);
  return body === mod.body ? mod : { ...mod, body };
}

type Seq<T> = T[];

function mapSeq<T>(items: Seq<T>, fn: (item: T) => T): Seq<T> {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const next = fn(items[i]);
    if (next !== items[i] && out === null) out = items.slice(0, i);
    if (out !== null) out.push(next);
  }
  return out ?? items;
}

const INVERSE = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' } as const;

function isConstant(e: ast.expr | null): e is ast.Constant {
  return e !== null && e._type === 'Constant';
}

function isDocstring(stmts: ast.stmt[]): boolean {
  const first = stmts[0];
  return first !== undefined && first._type === 'Expr' && first.value._type === 'Constant' && typeof first.value.value === 'string';
}

function makeConst(node: ast.expr, value: PyValue): ast.Constant {
  return { _type: 'Constant', value, kind: null, lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

function constTuple(elts: ast.expr[]): PyTuple | null {
  for (const e of elts) if (e._type !== 'Constant') return null;
  return new PyTuple(elts.map((e) => (e as ast.Constant).value));
}

class Folder {
  private readonly optimize: number;
  private readonly futureAnnotations: boolean;

  // Bound once: a closure per visited node would be allocated on every call.
  private readonly stmtFn = (s: ast.stmt): ast.stmt => this.stmt(s);
  private readonly exprFn = (e: ast.expr): ast.expr => this.expr(e);
  private readonly argFn = (a: ast.arg): ast.arg => this.arg(a);
  private readonly keywordFn = (k: ast.keyword): ast.keyword => this.keyword(k);
  private readonly patternFn = (p: ast.pattern): ast.pattern => this.pattern(p);
  private readonly comprehensionFn = (c: ast.comprehension): ast.comprehension => this.comprehension(c);

  constructor(options: FoldOptions) {
    this.optimize = options.optimize ?? 0;
    this.futureAnnotations = options.futureAnnotations === true;
  }

  /** A statement list; a folded first statement that became a string is kept from becoming a docstring. */
  body(stmts: ast.stmt[]): ast.stmt[] {
    const hadDocstring = isDocstring(stmts);
    const out = mapSeq(stmts, this.stmtFn);
    if (!hadDocstring && isDocstring(out)) {
      const st = out[0] as ast.Expr;
      const joined: ast.JoinedStr = { _type: 'JoinedStr', values: [st.value], lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno, end_col_offset: st.end_col_offset };
      const copy = out === stmts ? stmts.slice() : out;
      copy[0] = { ...st, value: joined };
      return copy;
    }
    return out;
  }

  private stmts(stmts: ast.stmt[]): ast.stmt[] {
    return mapSeq(stmts, this.stmtFn);
  }

  private exprs(exprs: ast.expr[]): ast.expr[] {
    return mapSeq(exprs, this.exprFn);
  }

  private optExprs(exprs: (ast.expr | null)[]): (ast.expr | null)[] {
    return mapSeq(exprs, (e) => (e === null ? null : this.expr(e)));
  }

  private opt(e: ast.expr | null): ast.expr | null {
    return e === null ? null : this.expr(e);
  }

  private annotation(e: ast.expr | null): ast.expr | null {
    return this.futureAnnotations ? e : this.opt(e);
  }

  private arg(a: ast.arg): ast.arg {
    const annotation = this.annotation(a.annotation);
    return annotation === a.annotation ? a : { ...a, annotation };
  }

  private arguments(a: ast.arguments): ast.arguments {
    const posonlyargs = mapSeq(a.posonlyargs, this.argFn);
    const args = mapSeq(a.args, this.argFn);
    const vararg = a.vararg && this.arg(a.vararg);
    const kwonlyargs = mapSeq(a.kwonlyargs, this.argFn);
    const kw_defaults = this.optExprs(a.kw_defaults);
    const kwarg = a.kwarg && this.arg(a.kwarg);
    const defaults = this.exprs(a.defaults);
    if (posonlyargs === a.posonlyargs && args === a.args && vararg === a.vararg && kwonlyargs === a.kwonlyargs && kw_defaults === a.kw_defaults && kwarg === a.kwarg && defaults === a.defaults) return a;
    return { ...a, posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
  }

  private keyword(k: ast.keyword): ast.keyword {
    const value = this.expr(k.value);
    return value === k.value ? k : { ...k, value };
  }

  private comprehension(c: ast.comprehension): ast.comprehension {
    const target = this.expr(c.target);
    const iter = this.iter(this.expr(c.iter));
    const ifs = this.exprs(c.ifs);
    return target === c.target && iter === c.iter && ifs === c.ifs ? c : { ...c, target, iter, ifs };
  }

  stmt(s: ast.stmt): ast.stmt {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        const args = this.arguments(s.args);
        const body = this.body(s.body);
        const decorator_list = this.exprs(s.decorator_list);
        const returns = this.annotation(s.returns);
        if (args === s.args && body === s.body && decorator_list === s.decorator_list && returns === s.returns) return s;
        return { ...s, args, body, decorator_list, returns };
      }
      case 'ClassDef': {
        const bases = this.exprs(s.bases);
        const keywords = mapSeq(s.keywords, this.keywordFn);
        const body = this.body(s.body);
        const decorator_list = this.exprs(s.decorator_list);
        if (bases === s.bases && keywords === s.keywords && body === s.body && decorator_list === s.decorator_list) return s;
        return { ...s, bases, keywords, body, decorator_list };
      }
      case 'Return': {
        const value = this.opt(s.value);
        return value === s.value ? s : { ...s, value };
      }
      case 'Delete': {
        const targets = this.exprs(s.targets);
        return targets === s.targets ? s : { ...s, targets };
      }
      case 'Assign': {
        const targets = this.exprs(s.targets);
        const value = this.expr(s.value);
        return targets === s.targets && value === s.value ? s : { ...s, targets, value };
      }
      case 'AugAssign': {
        const target = this.expr(s.target);
        const value = this.expr(s.value);
        return target === s.target && value === s.value ? s : { ...s, target, value };
      }
      case 'AnnAssign': {
        const target = this.expr(s.target);
        const annotation = this.futureAnnotations ? s.annotation : this.expr(s.annotation);
        const value = this.opt(s.value);
        return target === s.target && annotation === s.annotation && value === s.value ? s : { ...s, target, annotation, value };
      }
      case 'For': {
        const target = this.expr(s.target);
        const body = this.stmts(s.body);
        const orelse = this.stmts(s.orelse);
        const iter = this.iter(this.expr(s.iter));
        return target === s.target && iter === s.iter && body === s.body && orelse === s.orelse ? s : { ...s, target, iter, body, orelse };
      }
      case 'AsyncFor': {
        const target = this.expr(s.target);
        const iter = this.expr(s.iter);
        const body = this.stmts(s.body);
        const orelse = this.stmts(s.orelse);
        return target === s.target && iter === s.iter && body === s.body && orelse === s.orelse ? s : { ...s, target, iter, body, orelse };
      }
      case 'While':
      case 'If': {
        const test = this.expr(s.test);
        const body = this.stmts(s.body);
        const orelse = this.stmts(s.orelse);
        return test === s.test && body === s.body && orelse === s.orelse ? s : { ...s, test, body, orelse };
      }
      case 'With':
      case 'AsyncWith': {
        const items = mapSeq(s.items, (item) => {
          const context_expr = this.expr(item.context_expr);
          const optional_vars = this.opt(item.optional_vars);
          return context_expr === item.context_expr && optional_vars === item.optional_vars ? item : { ...item, context_expr, optional_vars };
        });
        const body = this.stmts(s.body);
        return items === s.items && body === s.body ? s : { ...s, items, body };
      }
      case 'Raise': {
        const exc = this.opt(s.exc);
        const cause = this.opt(s.cause);
        return exc === s.exc && cause === s.cause ? s : { ...s, exc, cause };
      }
      case 'Try':
      case 'TryStar': {
        const body = this.stmts(s.body);
        const handlers = mapSeq(s.handlers, (h) => {
          const type = this.opt(h.type);
          const hbody = this.stmts(h.body);
          return type === h.type && hbody === h.body ? h : { ...h, type, body: hbody };
        });
        const orelse = this.stmts(s.orelse);
        const finalbody = this.stmts(s.finalbody);
        return body === s.body && handlers === s.handlers && orelse === s.orelse && finalbody === s.finalbody ? s : { ...s, body, handlers, orelse, finalbody };
      }
      case 'Assert': {
        const test = this.expr(s.test);
        const msg = this.opt(s.msg);
        return test === s.test && msg === s.msg ? s : { ...s, test, msg };
      }
      case 'Expr': {
        const value = this.expr(s.value);
        return value === s.value ? s : { ...s, value };
      }
      case 'Match': {
        const subject = this.expr(s.subject);
        const cases = mapSeq(s.cases, (m) => {
          const pattern = this.pattern(m.pattern);
          const guard = this.opt(m.guard);
          const body = this.stmts(m.body);
          return pattern === m.pattern && guard === m.guard && body === m.body ? m : { ...m, pattern, guard, body };
        });
        return subject === s.subject && cases === s.cases ? s : { ...s, subject, cases };
      }
      case 'Import':
      case 'ImportFrom':
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
      case 'Break':
      case 'Continue':
        return s;
      default:
        return assertNever(s, 'statement');
    }
  }

  private pattern(p: ast.pattern): ast.pattern {
    switch (p._type) {
      case 'MatchValue': {
        const value = this.expr(p.value);
        return value === p.value ? p : { ...p, value };
      }
      case 'MatchSingleton':
      case 'MatchStar':
        return p;
      case 'MatchSequence': {
        const patterns = mapSeq(p.patterns, this.patternFn);
        return patterns === p.patterns ? p : { ...p, patterns };
      }
      case 'MatchMapping': {
        const keys = this.exprs(p.keys);
        const patterns = mapSeq(p.patterns, this.patternFn);
        return keys === p.keys && patterns === p.patterns ? p : { ...p, keys, patterns };
      }
      case 'MatchClass': {
        const cls = this.expr(p.cls);
        const patterns = mapSeq(p.patterns, this.patternFn);
        const kwd_patterns = mapSeq(p.kwd_patterns, this.patternFn);
        return cls === p.cls && patterns === p.patterns && kwd_patterns === p.kwd_patterns ? p : { ...p, cls, patterns, kwd_patterns };
      }
      case 'MatchAs': {
        const pattern = p.pattern && this.pattern(p.pattern);
        return pattern === p.pattern ? p : { ...p, pattern };
      }
      case 'MatchOr': {
        const patterns = mapSeq(p.patterns, this.patternFn);
        return patterns === p.patterns ? p : { ...p, patterns };
      }
      default:
        return assertNever(p, 'pattern');
    }
  }

  private result(node: ast.expr, r: FoldResult, what: string): ast.expr {
    if (r === undefined) return node;
    if (r === UNSUPPORTED) throw new NotSupportedError(`constant folding of ${what}`, node.lineno);
    return makeConst(node, r);
  }

  expr(e: ast.expr): ast.expr {
    switch (e._type) {
      case 'BoolOp': {
        const values = this.exprs(e.values);
        return values === e.values ? e : { ...e, values };
      }
      case 'BinOp': {
        const left = this.expr(e.left);
        const right = this.expr(e.right);
        const node = left === e.left && right === e.right ? e : { ...e, left, right };
        if (!isConstant(left)) return node;
        if (e.op === 'Mod' && right._type === 'Tuple' && typeof left.value === 'string' && !right.elts.some((x) => x._type === 'Starred')) {
          return optimizeFormat(node, left.value, right.elts);
        }
        if (!isConstant(right)) return node;
        return this.result(node, foldBinop(e.op, left.value, right.value), `the ${e.op} operator`);
      }
      case 'UnaryOp': {
        const operand = this.expr(e.operand);
        const node = operand === e.operand ? e : { ...e, operand };
        if (!isConstant(operand)) {
          // `not (a is b)` becomes `a is not b`; likewise for is not, in, not in.
          if (e.op === 'Not' && operand._type === 'Compare' && operand.ops.length === 1) {
            const op = operand.ops[0];
            if (op === 'Is' || op === 'IsNot' || op === 'In' || op === 'NotIn') return { ...operand, ops: [INVERSE[op]] };
          }
          return node;
        }
        return this.result(node, foldUnaryop(e.op, operand.value), `the ${e.op} operator`);
      }
      case 'Lambda': {
        const args = this.arguments(e.args);
        const body = this.expr(e.body);
        return args === e.args && body === e.body ? e : { ...e, args, body };
      }
      case 'IfExp': {
        const test = this.expr(e.test);
        const body = this.expr(e.body);
        const orelse = this.expr(e.orelse);
        return test === e.test && body === e.body && orelse === e.orelse ? e : { ...e, test, body, orelse };
      }
      case 'Dict': {
        const keys = this.optExprs(e.keys);
        const values = this.exprs(e.values);
        return keys === e.keys && values === e.values ? e : { ...e, keys, values };
      }
      case 'Set': {
        const elts = this.exprs(e.elts);
        return elts === e.elts ? e : { ...e, elts };
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp': {
        const elt = this.expr(e.elt);
        const generators = mapSeq(e.generators, this.comprehensionFn);
        return elt === e.elt && generators === e.generators ? e : { ...e, elt, generators };
      }
      case 'DictComp': {
        const key = this.expr(e.key);
        const value = this.expr(e.value);
        const generators = mapSeq(e.generators, this.comprehensionFn);
        return key === e.key && value === e.value && generators === e.generators ? e : { ...e, key, value, generators };
      }
      case 'Await':
      case 'YieldFrom': {
        const value = this.expr(e.value);
        return value === e.value ? e : { ...e, value };
      }
      case 'Yield': {
        const value = this.opt(e.value);
        return value === e.value ? e : { ...e, value };
      }
      case 'Compare': {
        const left = this.expr(e.left);
        let comparators = this.exprs(e.comparators);
        // A list or set literal as the operand of a final `in`/`not in` becomes a tuple/frozenset.
        const last = e.ops.length - 1;
        if (e.ops[last] === 'In' || e.ops[last] === 'NotIn') {
          const folded = this.iter(comparators[last]);
          if (folded !== comparators[last]) {
            comparators = comparators.slice();
            comparators[last] = folded;
          }
        }
        return left === e.left && comparators === e.comparators ? e : { ...e, left, comparators };
      }
      case 'Call': {
        const func = this.expr(e.func);
        const args = this.exprs(e.args);
        const keywords = mapSeq(e.keywords, this.keywordFn);
        return func === e.func && args === e.args && keywords === e.keywords ? e : { ...e, func, args, keywords };
      }
      case 'FormattedValue': {
        const value = this.expr(e.value);
        const format_spec = this.opt(e.format_spec);
        return value === e.value && format_spec === e.format_spec ? e : { ...e, value, format_spec };
      }
      case 'JoinedStr': {
        const values = this.exprs(e.values);
        return values === e.values ? e : { ...e, values };
      }
      case 'Attribute':
      case 'Starred': {
        const value = this.expr(e.value);
        return value === e.value ? e : { ...e, value };
      }
      case 'Subscript': {
        const value = this.expr(e.value);
        const slice = this.expr(e.slice);
        const node = value === e.value && slice === e.slice ? e : { ...e, value, slice };
        if (e.ctx !== 'Load' || !isConstant(value) || !isConstant(slice)) return node;
        return this.result(node, foldSubscript(value.value, slice.value), 'a subscript');
      }
      case 'Slice': {
        const lower = this.opt(e.lower);
        const upper = this.opt(e.upper);
        const step = this.opt(e.step);
        return lower === e.lower && upper === e.upper && step === e.step ? e : { ...e, lower, upper, step };
      }
      case 'List': {
        const elts = this.exprs(e.elts);
        return elts === e.elts ? e : { ...e, elts };
      }
      case 'Tuple': {
        const elts = this.exprs(e.elts);
        const node = elts === e.elts ? e : { ...e, elts };
        if (e.ctx !== 'Load') return node;
        const value = constTuple(elts);
        return value === null ? node : makeConst(node, value);
      }
      case 'Name':
        if (e.ctx === 'Load' && e.id === '__debug__') return makeConst(e, this.optimize === 0);
        return e;
      case 'NamedExpr': {
        const value = this.expr(e.value);
        return value === e.value ? e : { ...e, value };
      }
      case 'Constant':
        return e;
      default:
        return assertNever(e, 'expression');
    }
  }

  /** fold_iter: list -> tuple (constant if possible), set of constants -> frozenset. */
  private iter(e: ast.expr): ast.expr {
    if (e._type === 'List') {
      if (e.elts.some((x) => x._type === 'Starred')) return e;
      const tuple: ast.Tuple = { _type: 'Tuple', elts: e.elts, ctx: e.ctx, lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
      const value = constTuple(e.elts);
      return value === null ? tuple : makeConst(tuple, value);
    }
    if (e._type === 'Set') {
      const value = constTuple(e.elts);
      return value === null ? e : makeConst(e, new PyFrozenSet(distinct(value.items)));
    }
    return e;
  }
}
