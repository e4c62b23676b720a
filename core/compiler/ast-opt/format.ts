import type * as ast from '../../ast/nodes.generated.js';

/**
 * `'...%s...%r...' % (a, b)` with a literal format and a tuple display becomes an f-string,
 * when every conversion is a simple %s, %r or %a (optionally with a width and precision of at
 * most two digits each) and the counts match; otherwise the expression is left alone.
 * The literal parts get no location (-1), each FormattedValue takes its argument's, the
 * JoinedStr the whole expression's.
 * CPython: Python/ast_opt.c (optimize_format, parse_literal, parse_format,
 * simple_format_arg_parse), 3.11.
 */
export function optimizeFormat(node: ast.BinOp, fmt: string, elts: ast.expr[]): ast.expr {
  const chars = Array.from(fmt);
  const pos = { i: 0 };
  const values: ast.expr[] = [];
  let cnt = 0;
  for (;;) {
    const lit = parseLiteral(chars, pos);
    if (lit !== null) values.push(lit);
    if (pos.i >= chars.length) break;
    // More format units than items.
    if (cnt >= elts.length) return node;
    pos.i++; // the '%'
    const expr = parseFormat(chars, pos, elts[cnt]);
    cnt++;
    if (expr === null) return node;
    values.push(expr);
  }
  // More items than format units.
  if (cnt < elts.length) return node;
  return { _type: 'JoinedStr', values, lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

function noLoc(value: string): ast.Constant {
  return { _type: 'Constant', value, kind: null, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
}

function parseLiteral(chars: string[], pos: { i: number }): ast.Constant | null {
  const start = pos.i;
  let p = start;
  let hasPercents = false;
  while (p < chars.length) {
    if (chars[p] !== '%') p++;
    else if (p + 1 < chars.length && chars[p + 1] === '%') {
      hasPercents = true;
      p += 2;
    } else break;
  }
  pos.i = p;
  if (p === start) return null;
  let s = chars.slice(start, p).join('');
  if (hasPercents) s = s.split('%%').join('%');
  return noLoc(s);
}

const MAXDIGITS = 3;
const F_LJUST = 1;

function parseFormat(chars: string[], pos: { i: number }, arg: ast.expr): ast.FormattedValue | null {
  let p = pos.i;
  let ch = '';
  const next = (): boolean => {
    if (p >= chars.length) return false;
    ch = chars[p++];
    return true;
  };
  let flags = 0;
  let width = -1;
  let prec = -1;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') flags |= F_LJUST;
    else if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') flags |= 2;
    else break;
  }
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    if (isDigit(ch)) {
      let digits = 0;
      while (isDigit(ch)) {
        prec = prec * 10 + (ch.charCodeAt(0) - 48);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  pos.i = p;
  if (ch !== 's' && ch !== 'r' && ch !== 'a') return null;
  let spec = '';
  if (!(flags & F_LJUST) && width > 0) spec += '>';
  if (width >= 0) spec += String(width);
  if (prec >= 0) spec += `.${prec}`;
  return {
    _type: 'FormattedValue',
    value: arg,
    conversion: ch.charCodeAt(0),
    format_spec: spec ? noLoc(spec) : null,
    lineno: arg.lineno,
    col_offset: arg.col_offset,
    end_lineno: arg.end_lineno,
    end_col_offset: arg.end_col_offset,
  };
}
