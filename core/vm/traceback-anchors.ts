import { codePointUtf8Length, encodeUtf8 } from '../source/utf8.js';
/**
 * The "anchors" of a 3.11 traceback caret line: for a failing binary operation or subscript,
 * CPython re-parses the source segment of the instruction and marks the operator (or the
 * brackets) with `^` and the operands with `~` (`a(y) / 0` -> `~~~~~^~~`).
 *
 * CPython parses the segment with its full parser; here a small expression scanner recovers the
 * same facts: whether the segment is a single expression statement whose outermost node is a
 * BinOp or a Subscript, and the UTF-8 byte offsets of the child nodes' edges. Child spans follow
 * CPython's AST rules: a parenthesised expression's node excludes the parentheses, a tuple
 * display's includes them. Anything the scanner does not recognise yields no anchors, as a
 * SyntaxError does in CPython.
 * CPython: Python/traceback.c (extract_anchors_from_line, extract_anchors_from_expr).
 */

/** Anchor offsets within the segment, in UTF-8 bytes. */
export interface SegmentAnchors {
  leftEnd: number;
  rightStart: number;
  /** The characters for the operands and the operator: '~' and '^' (both '^' in a corner case). */
  primary: string;
  secondary: string;
}

type TokKind = 'name' | 'number' | 'string' | 'op' | 'end';
interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
}

/** What a parse step produced: the AST node's own span and the token extent consumed. */
interface Item {
  kind: string;
  /** Node span (bytes); differs from the token extent for parenthesised expressions. */
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  left?: Item;
  right?: Item;
  value?: Item;
  sliceEnd?: number;
}

class Fail extends Error {}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=',
  '&=', '|=', '^=', '@=', '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':',
  '.', ';', '=', '!',
];
const STMT_KEYWORDS = new Set([
  'pass', 'break', 'continue', 'return', 'raise', 'global', 'nonlocal', 'del', 'assert', 'import', 'from', 'if', 'while',
  'for', 'try', 'with', 'def', 'class', 'async', 'else', 'elif', 'except', 'finally',
]);
const KEYWORDS = new Set([...STMT_KEYWORDS, 'and', 'or', 'not', 'in', 'is', 'lambda', 'yield', 'await', 'None', 'True', 'False']);
const ID_START = /[\p{XID_Start}_]/u;
const ID_CONT = /[\p{XID_Continue}]/u;

function tokenize(text: string): Tok[] {
  // Byte offset of every code unit index.
  const byteAt: number[] = [];
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) byteAt[i + k] = b;
    b += codePointUtf8Length(cp);
    i += units;
  }
  byteAt[text.length] = b;
  const toks: Tok[] = [];
  let i = 0;
  const push = (kind: TokKind, s: number, e: number): void => {
    toks.push({ kind, text: text.slice(s, e), start: byteAt[s], end: byteAt[e] });
  };
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#' || c === '\n' || c === '\r' || c === '\\') break;
    const stringStart = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?(['"])/.exec(text.slice(i, i + 3));
    if (stringStart) {
      const quoteAt = i + stringStart[0].length - 1;
      const q = text[quoteAt];
      const triple = text.startsWith(q.repeat(3), quoteAt);
      const close = triple ? q.repeat(3) : q;
      let j = quoteAt + close.length;
      const raw = /[rR]/.test(stringStart[0]);
      for (;;) {
        if (j >= text.length) throw new Fail();
        if (!raw && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (raw && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text.startsWith(close, j)) {
          j += close.length;
          break;
        }
        j++;
      }
      push('string', i, j);
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?)/.exec(text.slice(i));
      const len = m ? m[0].length : 1;
      push('number', i, i + len);
      i += len;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (ID_START.test(ch)) {
      let j = i + ch.length;
      while (j < text.length) {
        const d = String.fromCodePoint(text.codePointAt(j)!);
        if (!ID_CONT.test(d)) break;
        j += d.length;
      }
      push('name', i, j);
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new Fail();
    push('op', i, i + op.length);
    i += op.length;
  }
  toks.push({ kind: 'end', text: '', start: b, end: b });
  return toks;
}

class Parser {
  pos = 0;
  constructor(private readonly toks: Tok[]) {}

  peek(offset = 0): Tok {
    return this.toks[Math.min(this.pos + offset, this.toks.length - 1)];
  }
  isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }
  isKeyword(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'name' && t.text === text;
  }
  take(): Tok {
    return this.toks[this.pos++];
  }
  expectOp(text: string): Tok {
    if (!this.isOp(text)) throw new Fail();
    return this.take();
  }

  /** A single statement; returns its value when it is an expression statement, else null. */
  statement(): Item | null {
    const first = this.peek();
    if (first.kind === 'name' && STMT_KEYWORDS.has(first.text)) return null;
    const e = this.starExpressions();
    if (this.peek().kind === 'end') return e;
    return null; // assignment, annotation, ';'... : not a lone Expr
  }

  starExpressions(): Item {
    const first = this.starExpression();
    if (!this.isOp(',')) return first;
    let last = first;
    while (this.isOp(',')) {
      const comma = this.take();
      last = { kind: ',', start: comma.start, end: comma.end, tokStart: comma.start, tokEnd: comma.end };
      if (this.atExpressionEnd()) break;
      last = this.starExpression();
    }
    return { kind: 'Tuple', start: first.tokStart, end: last.tokEnd, tokStart: first.tokStart, tokEnd: last.tokEnd };
  }

  atExpressionEnd(): boolean {
    const t = this.peek();
    if (t.kind === 'end') return true;
    if (t.kind !== 'op') return false;
    if ([')', ']', '}', '=', ':', ';'].includes(t.text)) return true;
    // Augmented assignment operators.
    return t.text.length > 1 && t.text.endsWith('=') && !['==', '<=', '>=', '!='].includes(t.text);
  }

  starExpression(): Item {
    if (this.isOp('*')) {
      const star = this.take();
      const v = this.bitOr();
      return { kind: 'Starred', start: star.start, end: v.tokEnd, tokStart: star.start, tokEnd: v.tokEnd };
    }
    return this.namedExpression();
  }

  namedExpression(): Item {
    if (this.peek().kind === 'name' && this.isOp(':=', 1)) {
      const name = this.take();
      this.take();
      const v = this.expression();
      return { kind: 'NamedExpr', start: name.start, end: v.tokEnd, tokStart: name.start, tokEnd: v.tokEnd };
    }
    return this.expression();
  }

  expression(): Item {
    if (this.isKeyword('lambda')) {
      const kw = this.take();
      while (!this.isOp(':')) {
        if (this.peek().kind === 'end') throw new Fail();
        this.take();
      }
      this.take();
      const body = this.expression();
      return { kind: 'Lambda', start: kw.start, end: body.tokEnd, tokStart: kw.start, tokEnd: body.tokEnd };
    }
    const body = this.disjunction();
    if (this.isKeyword('if')) {
      this.take();
      this.disjunction();
      if (!this.isKeyword('else')) throw new Fail();
      this.take();
      const orelse = this.expression();
      return { kind: 'IfExp', start: body.tokStart, end: orelse.tokEnd, tokStart: body.tokStart, tokEnd: orelse.tokEnd };
    }
    return body;
  }

  boolChain(keyword: string, next: () => Item, kind: string): Item {
    const first = next();
    if (!this.isKeyword(keyword)) return first;
    let last = first;
    while (this.isKeyword(keyword)) {
      this.take();
      last = next();
    }
    return { kind, start: first.tokStart, end: last.tokEnd, tokStart: first.tokStart, tokEnd: last.tokEnd };
  }
  disjunction(): Item {
    return this.boolChain('or', () => this.conjunction(), 'BoolOp');
  }
  conjunction(): Item {
    return this.boolChain('and', () => this.inversion(), 'BoolOp');
  }
  inversion(): Item {
    if (this.isKeyword('not')) {
      const kw = this.take();
      const v = this.inversion();
      return { kind: 'UnaryOp', start: kw.start, end: v.tokEnd, tokStart: kw.start, tokEnd: v.tokEnd };
    }
    return this.comparison();
  }
  comparison(): Item {
    const first = this.bitOr();
    let last = first;
    let compared = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && ['<', '>', '==', '>=', '<=', '!='].includes(t.text)) this.take();
      else if (this.isKeyword('in')) this.take();
      else if (this.isKeyword('not') && this.isKeyword('in', 1)) {
        this.take();
        this.take();
      } else if (this.isKeyword('is')) {
        this.take();
        if (this.isKeyword('not')) this.take();
      } else break;
      compared = true;
      last = this.bitOr();
    }
    if (!compared) return first;
    return { kind: 'Compare', start: first.tokStart, end: last.tokEnd, tokStart: first.tokStart, tokEnd: last.tokEnd };
  }

  binaryLevel(ops: readonly string[], next: () => Item): Item {
    let left = next();
    while (this.peek().kind === 'op' && ops.includes(this.peek().text)) {
      this.take();
      const right = next();
      left = { kind: 'BinOp', start: left.tokStart, end: right.tokEnd, tokStart: left.tokStart, tokEnd: right.tokEnd, left, right };
    }
    return left;
  }
  bitOr(): Item {
    return this.binaryLevel(['|'], () => this.bitXor());
  }
  bitXor(): Item {
    return this.binaryLevel(['^'], () => this.bitAnd());
  }
  bitAnd(): Item {
    return this.binaryLevel(['&'], () => this.shift());
  }
  shift(): Item {
    return this.binaryLevel(['<<', '>>'], () => this.sum());
  }
  sum(): Item {
    return this.binaryLevel(['+', '-'], () => this.term());
  }
  term(): Item {
    return this.binaryLevel(['*', '/', '//', '%', '@'], () => this.factor());
  }
  factor(): Item {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '+' || t.text === '-' || t.text === '~')) {
      this.take();
      const v = this.factor();
      return { kind: 'UnaryOp', start: t.start, end: v.tokEnd, tokStart: t.start, tokEnd: v.tokEnd };
    }
    return this.power();
  }
  power(): Item {
    const base = this.awaitPrimary();
    if (!this.isOp('**')) return base;
    this.take();
    const exp = this.factor();
    return { kind: 'BinOp', start: base.tokStart, end: exp.tokEnd, tokStart: base.tokStart, tokEnd: exp.tokEnd, left: base, right: exp };
  }
  awaitPrimary(): Item {
    if (this.isKeyword('await')) {
      const kw = this.take();
      const v = this.primary();
      return { kind: 'Await', start: kw.start, end: v.tokEnd, tokStart: kw.start, tokEnd: v.tokEnd };
    }
    return this.primary();
  }

  /** Skips a bracketed group whose opening token was just taken; returns the closing token. */
  skipGroup(close: string): { closeTok: Tok; lastInner: Tok | null } {
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
    const stack = [close];
    let lastInner: Tok | null = null;
    for (;;) {
      const t = this.take();
      if (t.kind === 'end') throw new Fail();
      if (t.kind === 'op' && pairs[t.text]) stack.push(pairs[t.text]);
      else if (t.kind === 'op' && t.text === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) return { closeTok: t, lastInner };
      } else if (t.kind === 'op' && [')', ']', '}'].includes(t.text)) throw new Fail();
      lastInner = t;
    }
  }

  primary(): Item {
    let item = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.take();
        const name = this.take();
        if (name.kind !== 'name') throw new Fail();
        item = { kind: 'Attribute', start: item.tokStart, end: name.end, tokStart: item.tokStart, tokEnd: name.end };
      } else if (this.isOp('(')) {
        this.take();
        const { closeTok } = this.skipGroup(')');
        item = { kind: 'Call', start: item.tokStart, end: closeTok.end, tokStart: item.tokStart, tokEnd: closeTok.end };
      } else if (this.isOp('[')) {
        this.take();
        const save = this.pos;
        const { closeTok, lastInner } = this.skipGroup(']');
        if (lastInner === null) throw new Fail();
        const sliceEnd = this.sliceEnd(save, closeTok, lastInner);
        item = { kind: 'Subscript', start: item.tokStart, end: closeTok.end, tokStart: item.tokStart, tokEnd: closeTok.end, value: item, sliceEnd };
      } else return item;
    }
  }

  /** End of the slice node of a subscript whose contents span tokens [from, close). */
  sliceEnd(from: number, close: Tok, lastInner: Tok): number {
    const saved = this.pos;
    this.pos = from;
    try {
      // A lone parenthesised expression: the node excludes its parentheses.
      if (this.isOp('(')) {
        const inner = this.atom();
        if (this.peek() === close) return inner.end;
      }
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
    } finally {
      this.pos = saved;
    }
    return lastInner.end;
  }

  atom(): Item {
    const t = this.take();
    const simple = (end: number): Item => ({ kind: 'Atom', start: t.start, end, tokStart: t.start, tokEnd: end });
    switch (t.kind) {
      case 'name':
        if (KEYWORDS.has(t.text) && !['None', 'True', 'False'].includes(t.text)) throw new Fail();
        return simple(t.end);
      case 'number':
        return simple(t.end);
      case 'string': {
        let end = t.end;
        while (this.peek().kind === 'string') end = this.take().end;
        return simple(end);
      }
      case 'op':
        if (t.text === '...') return simple(t.end);
        if (t.text === '[' || t.text === '{') {
          const { closeTok } = this.skipGroup(t.text === '[' ? ']' : '}');
          return simple(closeTok.end);
        }
        if (t.text === '(') return this.parenthesised(t);
        throw new Fail();
      default:
        throw new Fail();
    }
  }

  parenthesised(open: Tok): Item {
    if (this.isOp(')')) {
      const close = this.take();
      return { kind: 'Tuple', start: open.start, end: close.end, tokStart: open.start, tokEnd: close.end };
    }
    if (this.isKeyword('yield')) {
      const { closeTok } = this.skipGroup(')');
      return { kind: 'Yield', start: open.end, end: closeTok.start, tokStart: open.start, tokEnd: closeTok.end };
    }
    const inner = this.starExpression();
    if (this.isOp(')')) {
      const close = this.take();
      if (inner.kind === 'Starred') throw new Fail();
      return { ...inner, tokStart: open.start, tokEnd: close.end };
    }
    // A tuple, or a generator expression: the node includes the parentheses.
    const { closeTok } = this.skipGroup(')');
    return { kind: 'Tuple', start: open.start, end: closeTok.end, tokStart: open.start, tokEnd: closeTok.end };
  }
}

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0c;
}

/** The anchors of a single-line segment, or null when CPython would print plain carets. */
export function extractAnchors(segment: string): SegmentAnchors | null {
  let expr: Item | null;
  try {
    expr = new Parser(tokenize(segment)).statement();
  } catch (e) {
    if (e instanceof Fail) return null;
    throw e;
  }
  if (expr === null) return null;
  const bytes = encodeUtf8(segment);
  if (expr.kind === 'BinOp') {
    const left = expr.left!;
    const right = expr.right!;
    let leftAnchor = -1;
    let rightAnchor = -1;
    let primary = '^';
    let secondary = '^';
    for (let i = left.end; i < right.start; i++) {
      if (isWhitespace(bytes[i])) continue;
      leftAnchor = i;
      rightAnchor = i + 1;
      if (i + 1 < right.start && !isWhitespace(bytes[i + 1])) rightAnchor++;
      if (i + 1 < right.start && bytes[i] === 0x29) continue; // ')' closing the left operand
      primary = '~';
      secondary = '^';
      break;
    }
    if (leftAnchor < 0) return null;
    return { leftEnd: leftAnchor, rightStart: rightAnchor, primary, secondary };
  }
  if (expr.kind === 'Subscript') {
    let leftAnchor = expr.value!.end;
    let rightAnchor = expr.sliceEnd! + 1;
    while (leftAnchor < bytes.length && (isWhitespace(bytes[leftAnchor]) || bytes[leftAnchor] !== 0x5b)) leftAnchor++;
    while (rightAnchor < bytes.length && (isWhitespace(bytes[rightAnchor]) || bytes[rightAnchor] !== 0x5d)) rightAnchor++;
    if (rightAnchor < bytes.length) rightAnchor++;
    return { leftEnd: leftAnchor, rightStart: rightAnchor, primary: '~', secondary: '^' };
  }
  return null;
}
