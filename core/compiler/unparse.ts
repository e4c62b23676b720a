import type * as ast from '../ast/nodes.generated.js';
import { Ellipsis, PyComplex, PyFloat, PyTuple, type PyValue } from '../objects/values.js';
import { constRepr } from '../objects/repr.js';
import { assertNever } from '../source/errors.js';

/**
 * The source text of an annotation, as `from __future__ import annotations` stores it: CPython's
 * small C unparser, which adds only the parentheses operator precedence requires and writes
 * constants with repr() (infinities as 1e309). This is not `ast.unparse`, whose output differs.
 * CPython: Python/ast_unparse.c (_PyAST_ExprAsUnicode), 3.11.
 */
export function exprAsUnicode(e: ast.expr): string {
  const out: string[] = [];
  appendExpr(out, e, PR.TEST);
  return out.join('');
}

/** Precedence levels, lowest first. */
const PR = {
  TUPLE: 0,
  TEST: 1, // if-else, lambda
  OR: 2,
  AND: 3,
  NOT: 4,
  CMP: 5,
  EXPR: 6,
  BOR: 6,
  BXOR: 7,
  BAND: 8,
  SHIFT: 9,
  ARITH: 10,
  TERM: 11,
  FACTOR: 12,
  POWER: 13,
  AWAIT: 14,
  ATOM: 15,
} as const;

const BINOPS: Readonly<Record<ast.operator, [string, number]>> = {
  Add: [' + ', PR.ARITH],
  Sub: [' - ', PR.ARITH],
  Mult: [' * ', PR.TERM],
  MatMult: [' @ ', PR.TERM],
  Div: [' / ', PR.TERM],
  Mod: [' % ', PR.TERM],
  LShift: [' << ', PR.SHIFT],
  RShift: [' >> ', PR.SHIFT],
  BitOr: [' | ', PR.BOR],
  BitXor: [' ^ ', PR.BXOR],
  BitAnd: [' & ', PR.BAND],
  FloorDiv: [' // ', PR.TERM],
  Pow: [' ** ', PR.POWER],
};

const CMPOPS: Readonly<Record<ast.cmpop, string>> = {
  Eq: ' == ',
  NotEq: ' != ',
  Lt: ' < ',
  LtE: ' <= ',
  Gt: ' > ',
  GtE: ' >= ',
  Is: ' is ',
  IsNot: ' is not ',
  In: ' in ',
  NotIn: ' not in ',
};

function reprOf(v: PyValue): string {
  const r = constRepr(v);
  if ((v instanceof PyFloat && !Number.isFinite(v.value) && !Number.isNaN(v.value)) || v instanceof PyComplex) return r.split('inf').join('1e309');
  return r;
}

function appendConstant(out: string[], v: PyValue): void {
  if (v instanceof PyTuple) {
    out.push('(');
    v.items.forEach((item, i) => {
      if (i > 0) out.push(', ');
      appendConstant(out, item);
    });
    if (v.items.length === 1) out.push(',');
    out.push(')');
    return;
  }
  out.push(reprOf(v));
}

function appendArg(out: string[], a: ast.arg): void {
  out.push(a.arg);
  if (a.annotation) {
    out.push(': ');
    appendExpr(out, a.annotation, PR.TEST);
  }
}

function appendArgs(out: string[], args: ast.arguments): void {
  let first = true;
  const sep = (): void => {
    if (!first) out.push(', ');
    first = false;
  };
  const nposonly = args.posonlyargs.length;
  const nargs = args.args.length;
  const ndefaults = args.defaults.length;
  for (let i = 0; i < nposonly + nargs; i++) {
    sep();
    appendArg(out, i < nposonly ? args.posonlyargs[i] : args.args[i - nposonly]);
    const di = i - nposonly - nargs + ndefaults;
    if (di >= 0) {
      out.push('=');
      appendExpr(out, args.defaults[di], PR.TEST);
    }
    if (nposonly && i + 1 === nposonly) out.push(', /');
  }
  if (args.vararg || args.kwonlyargs.length) {
    sep();
    out.push('*');
    if (args.vararg) appendArg(out, args.vararg);
  }
  const nkw = args.kwonlyargs.length;
  const nkwdefaults = args.kw_defaults.length;
  for (let i = 0; i < nkw; i++) {
    sep();
    appendArg(out, args.kwonlyargs[i]);
    const di = i - nkw + nkwdefaults;
    const d = di >= 0 ? args.kw_defaults[di] : null;
    if (d) {
      out.push('=');
      appendExpr(out, d, PR.TEST);
    }
  }
  if (args.kwarg) {
    sep();
    out.push('**');
    appendArg(out, args.kwarg);
  }
}

function appendComprehensions(out: string[], gens: ast.comprehension[]): void {
  for (const g of gens) {
    out.push(g.is_async ? ' async for ' : ' for ');
    appendExpr(out, g.target, PR.TUPLE);
    out.push(' in ');
    appendExpr(out, g.iter, PR.TEST + 1);
    for (const cond of g.ifs) {
      out.push(' if ');
      appendExpr(out, cond, PR.TEST + 1);
    }
  }
}

function escapeBraces(s: string): string {
  return s.split('{').join('{{').split('}').join('}}');
}

function appendFstringElement(out: string[], e: ast.expr, isFormatSpec: boolean): void {
  switch (e._type) {
    case 'Constant':
      out.push(escapeBraces(e.value as string));
      return;
    case 'JoinedStr':
      appendJoinedStr(out, e, isFormatSpec);
      return;
    case 'FormattedValue':
      appendFormattedValue(out, e);
      return;
    default:
      throw new Error('unknown expression kind inside f-string');
  }
}

function appendJoinedStr(out: string[], e: ast.JoinedStr, isFormatSpec: boolean): void {
  const body: string[] = [];
  for (const v of e.values) appendFstringElement(body, v, isFormatSpec);
  const text = body.join('');
  if (isFormatSpec) out.push(text);
  else out.push('f', reprOf(text));
}

function appendFormattedValue(out: string[], e: ast.FormattedValue): void {
  // Above PR_TEST, so a lambda gets parentheses around its ':'.
  const inner: string[] = [];
  appendExpr(inner, e.value, PR.TEST + 1);
  const text = inner.join('');
  out.push(text.startsWith('{') ? '{ ' : '{', text);
  if (e.conversion > 0) {
    if (e.conversion === 97) out.push('!a');
    else if (e.conversion === 114) out.push('!r');
    else if (e.conversion === 115) out.push('!s');
    else throw new Error('unknown f-value conversion kind');
  }
  if (e.format_spec) {
    out.push(':');
    appendFstringElement(out, e.format_spec, true);
  }
  out.push('}');
}

function appendExpr(out: string[], e: ast.expr, level: number): void {
  switch (e._type) {
    case 'BoolOp': {
      const pr = e.op === 'And' ? PR.AND : PR.OR;
      if (level > pr) out.push('(');
      e.values.forEach((v, i) => {
        if (i > 0) out.push(e.op === 'And' ? ' and ' : ' or ');
        appendExpr(out, v, pr + 1);
      });
      if (level > pr) out.push(')');
      return;
    }
    case 'BinOp': {
      const [op, pr] = BINOPS[e.op];
      const rassoc = e.op === 'Pow' ? 1 : 0;
      if (level > pr) out.push('(');
      appendExpr(out, e.left, pr + rassoc);
      out.push(op);
      appendExpr(out, e.right, pr + 1 - rassoc);
      if (level > pr) out.push(')');
      return;
    }
    case 'UnaryOp': {
      const [op, pr] = e.op === 'Invert' ? ['~', PR.FACTOR] : e.op === 'Not' ? ['not ', PR.NOT] : e.op === 'UAdd' ? ['+', PR.FACTOR] : ['-', PR.FACTOR];
      if (level > pr) out.push('(');
      out.push(op as string);
      appendExpr(out, e.operand, pr as number);
      if (level > pr) out.push(')');
      return;
    }
    case 'Lambda':
      if (level > PR.TEST) out.push('(');
      out.push(e.args.args.length + e.args.posonlyargs.length ? 'lambda ' : 'lambda');
      appendArgs(out, e.args);
      out.push(': ');
      appendExpr(out, e.body, PR.TEST);
      if (level > PR.TEST) out.push(')');
      return;
    case 'IfExp':
      if (level > PR.TEST) out.push('(');
      appendExpr(out, e.body, PR.TEST + 1);
      out.push(' if ');
      appendExpr(out, e.test, PR.TEST + 1);
      out.push(' else ');
      appendExpr(out, e.orelse, PR.TEST);
      if (level > PR.TEST) out.push(')');
      return;
    case 'Dict':
      out.push('{');
      e.values.forEach((v, i) => {
        if (i > 0) out.push(', ');
        const key = e.keys[i];
        if (key !== null) {
          appendExpr(out, key, PR.TEST);
          out.push(': ');
          appendExpr(out, v, PR.TEST);
        } else {
          out.push('**');
          appendExpr(out, v, PR.EXPR);
        }
      });
      out.push('}');
      return;
    case 'Set':
      out.push('{');
      appendList(out, e.elts);
      out.push('}');
      return;
    case 'GeneratorExp':
      out.push('(');
      appendExpr(out, e.elt, PR.TEST);
      appendComprehensions(out, e.generators);
      out.push(')');
      return;
    case 'ListComp':
      out.push('[');
      appendExpr(out, e.elt, PR.TEST);
      appendComprehensions(out, e.generators);
      out.push(']');
      return;
    case 'SetComp':
      out.push('{');
      appendExpr(out, e.elt, PR.TEST);
      appendComprehensions(out, e.generators);
      out.push('}');
      return;
    case 'DictComp':
      out.push('{');
      appendExpr(out, e.key, PR.TEST);
      out.push(': ');
      appendExpr(out, e.value, PR.TEST);
      appendComprehensions(out, e.generators);
      out.push('}');
      return;
    case 'Yield':
      if (!e.value) {
        out.push('(yield)');
        return;
      }
      out.push('(yield ');
      appendExpr(out, e.value, PR.TEST);
      out.push(')');
      return;
    case 'YieldFrom':
      out.push('(yield from ');
      appendExpr(out, e.value, PR.TEST);
      out.push(')');
      return;
    case 'Await':
      if (level > PR.AWAIT) out.push('(');
      out.push('await ');
      appendExpr(out, e.value, PR.ATOM);
      if (level > PR.AWAIT) out.push(')');
      return;
    case 'Compare':
      if (level > PR.CMP) out.push('(');
      appendExpr(out, e.left, PR.CMP + 1);
      e.ops.forEach((op, i) => {
        out.push(CMPOPS[op]);
        appendExpr(out, e.comparators[i], PR.CMP + 1);
      });
      if (level > PR.CMP) out.push(')');
      return;
    case 'Call': {
      appendExpr(out, e.func, PR.ATOM);
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === 'GeneratorExp') {
        // A lone generator expression keeps its own parentheses.
        appendExpr(out, e.args[0], PR.TEST);
        return;
      }
      out.push('(');
      let first = true;
      for (const a of e.args) {
        if (!first) out.push(', ');
        first = false;
        appendExpr(out, a, PR.TEST);
      }
      for (const k of e.keywords) {
        if (!first) out.push(', ');
        first = false;
        if (k.arg === null) out.push('**');
        else out.push(k.arg, '=');
        appendExpr(out, k.value, PR.TEST);
      }
      out.push(')');
      return;
    }
    case 'Constant':
      if (e.value === Ellipsis) {
        out.push('...');
        return;
      }
      if (e.kind !== null) out.push(e.kind);
      appendConstant(out, e.value);
      return;
    case 'JoinedStr':
      appendJoinedStr(out, e, false);
      return;
    case 'FormattedValue':
      appendFormattedValue(out, e);
      return;
    case 'Attribute': {
      const v = e.value;
      appendExpr(out, v, PR.ATOM);
      // `1 .real`: an int needs a space before the period.
      const isInt = v._type === 'Constant' && (typeof v.value === 'number' || typeof v.value === 'bigint');
      out.push(isInt ? ' .' : '.', e.attr);
      return;
    }
    case 'Subscript': {
      appendExpr(out, e.value, PR.ATOM);
      let sliceLevel: number = PR.TUPLE;
      if (e.slice._type === 'Tuple' && e.slice.elts.some((x) => x._type === 'Starred')) sliceLevel++;
      out.push('[');
      appendExpr(out, e.slice, sliceLevel);
      out.push(']');
      return;
    }
    case 'Starred':
      out.push('*');
      appendExpr(out, e.value, PR.EXPR);
      return;
    case 'Slice':
      if (e.lower) appendExpr(out, e.lower, PR.TEST);
      out.push(':');
      if (e.upper) appendExpr(out, e.upper, PR.TEST);
      if (e.step) {
        out.push(':');
        appendExpr(out, e.step, PR.TEST);
      }
      return;
    case 'Name':
      out.push(e.id);
      return;
    case 'List':
      out.push('[');
      appendList(out, e.elts);
      out.push(']');
      return;
    case 'Tuple':
      if (e.elts.length === 0) {
        out.push('()');
        return;
      }
      if (level > PR.TUPLE) out.push('(');
      appendList(out, e.elts);
      if (e.elts.length === 1) out.push(',');
      if (level > PR.TUPLE) out.push(')');
      return;
    case 'NamedExpr':
      if (level > PR.TUPLE) out.push('(');
      appendExpr(out, e.target, PR.ATOM);
      out.push(' := ');
      appendExpr(out, e.value, PR.ATOM);
      if (level > PR.TUPLE) out.push(')');
      return;
    default:
      assertNever(e, 'expression');
  }
}

function appendList(out: string[], elts: ast.expr[]): void {
  elts.forEach((x, i) => {
    if (i > 0) out.push(', ');
    appendExpr(out, x, PR.TEST);
  });
}
