import type { Located, Name, Constant } from '../ast/nodes.generated.js';
import { NotSupportedError, PySyntaxError, type SyntaxErrorType } from '../source/errors.js';
import type { SourceMode } from '../source/decode.js';
import { byteToCharOffset, decodeUtf8, encodeUtf8 } from '../source/utf8.js';
import { KEYWORDS, SOFT_KEYWORDS, Tok } from '../tokenizer/token-kind.js';
import { TokDone, type ParseWarning, type Tokenizer } from '../tokenizer/tokenizer.js';
import { MAX_STR_DIGITS, isTooManyDigits, parseNumber } from './numbers.js';
import { MemoEntry, Token } from './token.js';

/**
 * The PEG parser's machinery: the lazily filled token buffer, `mark`/reset, per-token memo slots,
 * token-level matchers, and CPython's ways of raising SyntaxErrors (at the last token, at a known
 * location, from a tokenizer failure). Grammar rules live in rules/*.ts as functions of a Parser.
 *
 * A raised SyntaxError is thrown as PySyntaxError and unwinds the whole parse, which is what
 * CPython's `error_indicator` achieves by making every rule return NULL.
 * CPython: Parser/pegen.c, Parser/pegen_errors.c, Parser/pegen.h.
 */

/** Which start rule the parser runs. CPython: Py_file_input, Py_eval_input, Py_fstring_input. */
export type StartRule = 'file' | 'eval' | 'fstring';

/** Returned by memo lookups that found nothing. */
export const NOT_MEMOIZED: unique symbol = Symbol('not memoized');

/** Memo ids of the rules CPython memoizes (left-recursive ones included). */
export const enum Memo {
  arguments,
  attr,
  await_primary,
  bitwise_and,
  bitwise_or,
  bitwise_xor,
  block,
  closed_pattern,
  conjunction,
  del_target,
  disjunction,
  dotted_name,
  expression,
  factor,
  invalid_named_expression,
  inversion,
  primary,
  shift_expr,
  simple_stmt,
  star_expression,
  star_pattern,
  star_target,
  strings,
  sum,
  t_primary,
  target_with_star_atom,
  term,
  COUNT,
}

/** Every memoized rule: CPython's set, used in the second pass. */
const ALL_MEMOS = (1 << Memo.COUNT) - 1;

/**
 * The rules worth memoizing in the first pass: those reached again at the same position through
 * backtracking (statement alternatives, targets tried before expressions, call arguments, string
 * runs whose warnings must not repeat). The binary-operator levels below `disjunction` are only
 * reached through it, so memoizing them there costs more than it saves.
 */
const FIRST_PASS_MEMOS =
  (1 << Memo.arguments) |
  (1 << Memo.attr) |
  (1 << Memo.block) |
  (1 << Memo.closed_pattern) |
  (1 << Memo.del_target) |
  (1 << Memo.disjunction) |
  (1 << Memo.dotted_name) |
  (1 << Memo.expression) |
  (1 << Memo.primary) |
  (1 << Memo.simple_stmt) |
  (1 << Memo.star_expression) |
  (1 << Memo.star_pattern) |
  (1 << Memo.star_target) |
  (1 << Memo.strings) |
  (1 << Memo.t_primary) |
  (1 << Memo.target_with_star_atom);

/** Position of a token or node, for location arithmetic. */
export type Pos = Pick<Located, 'lineno' | 'col_offset' | 'end_lineno' | 'end_col_offset'>;

/** CPython's CURRENT_POS: "where the tokenizer is now". */
export const CURRENT_POS = -5;

/** Deepest rule nesting before CPython gives up (it raises MemoryError). CPython: MAXSTACK. */
const MAXSTACK = 6000;

export class Parser {
  readonly tokens: Token[] = [];
  mark = 0;
  fill = 0;
  /** Second pass: the `invalid_*` rules are active. */
  callInvalidRules = false;
  /** Nesting depth of the recursive rules (CPython's p->level). */
  level = 0;
  /** Where SyntaxErrors raised "at the last token" point instead, when set. */
  knownErrToken: Token | null = null;
  /**
   * The rules memoized in this pass (a bit per Memo id). The second pass memoizes exactly what
   * CPython memoizes, because there a memo can change the outcome: a result computed while the
   * invalid_* rules were off (inside expression_without_invalid) is reused where they are on. The
   * first pass runs no invalid_* rules, so memos only save time there and a cheaper set is used.
   */
  memoMask: number = FIRST_PASS_MEMOS;

  /** For f-string sub-parsers: the line and column their first line is shifted to. */
  startingLineno = 0;
  startingColOffset = 0;

  constructor(
    readonly tok: Tokenizer,
    readonly startRule: StartRule,
    readonly filename: string,
    readonly mode: SourceMode,
    /** The source as `python3 FILE` rereads it for error texts (file mode only). */
    readonly fileText: string | null,
  ) {}

  get onWarning(): ((w: ParseWarning) => void) | null {
    return this.tok.onWarning;
  }

  // ---- token buffer ----------------------------------------------------------------------

  /** Reads one more token into the buffer. CPython: _PyPegen_fill_token, initialize_token. */
  fillToken(): void {
    const tok = this.tok;
    let type: number = tok.get();
    const text = tok.text;
    const pStart = tok.pStart;
    const pEnd = tok.pEnd;
    const str = pStart >= 0 && pEnd >= pStart ? text.slice(pStart, pEnd) : '';
    if (type === Tok.NAME) type = KEYWORDS.get(str) ?? Tok.NAME;
    const isString = type === Tok.STRING;
    const lineStart = isString ? tok.multiLineStart : tok.lineStart;
    const lineno = isString ? tok.firstLineno : tok.lineno;
    const endLineno = tok.lineno;
    let col = pStart >= 0 && pStart >= lineStart ? tok.byteCol(lineStart, pStart) : -1;
    let endCol = pEnd >= 0 && pEnd >= tok.lineStart ? tok.byteCol(tok.lineStart, pEnd) : -1;
    if (tok.lineno === this.startingLineno) {
      col += this.startingColOffset;
      endCol += this.startingColOffset;
    }
    this.tokens.push(new Token(type, str, lineno, col, endLineno, endCol, tok.level));
    this.fill++;
    if (type === Tok.ERRORTOKEN) this.tokenizerError();
  }

  /** The token at `mark`, reading it if needed. */
  peek(): Token {
    if (this.mark === this.fill) this.fillToken();
    return this.tokens[this.mark];
  }

  /** Consumes a token of the given type. CPython: _PyPegen_expect_token. */
  expect(type: number): Token | null {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark];
    if (t.type !== type) return null;
    this.mark++;
    return t;
  }

  /** True if the next token has the given type (a lookahead; consumes nothing). */
  at(type: number): boolean {
    if (this.mark === this.fill) this.fillToken();
    return this.tokens[this.mark].type === type;
  }

  /** `&&'x'`: the token must be there, else "expected 'x'" at it. CPython: _PyPegen_expect_forced_token. */
  expectForced(type: number, expected: string): Token {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark];
    if (t.type !== type) throw this.errorKnownLocation('SyntaxError', t, `expected '${expected}'`);
    this.mark++;
    return t;
  }

  /** A NAME as an ast.Name (NFKC-normalised). CPython: _PyPegen_name_token. */
  name(): Name | null {
    const t = this.expect(Tok.NAME);
    return t === null ? null : nameFromToken(t);
  }

  /** A soft keyword as a NAME. CPython: _PyPegen_expect_soft_keyword. */
  softKeyword(keyword: string): Name | null {
    if (this.mark === this.fill) this.fillToken();
    const t = this.tokens[this.mark];
    if (t.type !== Tok.NAME || t.string !== keyword) return null;
    this.mark++;
    return nameFromToken(t);
  }

  /**
   * SOFT_KEYWORD: a NAME that CPython's prefix comparison takes for a soft keyword (it compares
   * only the token's length, so `c`, `ma` and `cas` count too). CPython: _PyPegen_soft_keyword_token.
   */
  anySoftKeyword(): Name | null {
    const t = this.expect(Tok.NAME);
    if (t === null) return null;
    for (const kw of SOFT_KEYWORDS) {
      if (kw.startsWith(t.string)) return nameFromToken(t);
    }
    return null;
  }

  /** A NUMBER as an ast.Constant. CPython: _PyPegen_number_token. */
  number(): Constant | null {
    const t = this.expect(Tok.NUMBER);
    if (t === null) return null;
    const value = parseNumber(t.string);
    if (isTooManyDigits(value)) {
      throw this.errorAt(
        'SyntaxError',
        t.lineno,
        0,
        t.end_lineno,
        0,
        `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${value.digits} digits; ` +
          'use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals ' +
          'to avoid decimal conversion limits.',
      );
    }
    return {
      _type: 'Constant',
      value,
      kind: null,
      lineno: t.lineno,
      col_offset: t.col_offset,
      end_lineno: t.end_lineno,
      end_col_offset: t.end_col_offset,
    };
  }

  /** End of the last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER. */
  lastNonWhitespaceToken(): Token {
    let token: Token = this.tokens[0];
    for (let m = this.mark - 1; m >= 0; m--) {
      token = this.tokens[m];
      const t = token.type;
      if (t !== Tok.ENDMARKER && (t < Tok.NEWLINE || t > Tok.DEDENT)) break;
    }
    return token;
  }

  // ---- memo --------------------------------------------------------------------------------

  /** A memoized result at `mark` (moving `mark` to its end), or NOT_MEMOIZED. */
  memoGet(id: Memo): unknown {
    if ((this.memoMask & (1 << id)) === 0) return NOT_MEMOIZED;
    if (this.mark === this.fill) this.fillToken();
    for (let m = this.tokens[this.mark].memo; m !== null; m = m.next) {
      if (m.id === id) {
        this.mark = m.end;
        return m.node;
      }
    }
    return NOT_MEMOIZED;
  }

  /** Records the result of a rule that started at `start` and ended at the current mark. */
  memoSet(start: number, id: Memo, node: unknown): void {
    if ((this.memoMask & (1 << id)) === 0) return;
    const t = this.tokens[start];
    t.memo = new MemoEntry(id, node, this.mark, t.memo);
  }

  /** Enters a recursive rule; fails like CPython when nesting gets too deep. */
  enter(): void {
    if (++this.level >= MAXSTACK) {
      const t = this.tokens[Math.max(0, this.fill - 1)];
      throw new NotSupportedError('code nested this deeply (CPython raises MemoryError)', t ? t.lineno : 1);
    }
  }

  /** Forgets all memos and rewinds, for the second pass. CPython: reset_parser_state_for_error_pass. */
  resetForErrorPass(): void {
    for (let i = 0; i < this.fill; i++) this.tokens[i].memo = null;
    this.mark = 0;
    this.level = 0;
    this.callInvalidRules = true;
    this.memoMask = ALL_MEMOS;
  }

  // ---- errors ------------------------------------------------------------------------------

  /**
   * The source line CPython puts in a SyntaxError's `text` (and converts offsets with): reread
   * from the file in file mode, else the tokenizer's buffered line(s) or a line of the source.
   * CPython: Parser/pegen_errors.c (_PyPegen_raise_error_known_location, get_error_line_from_tokenizer_buffers).
   */
  errorLine(lineno: number): string {
    if (this.startRule === 'file' && this.fileText !== null) {
      const line = nthLine(this.fileText, lineno);
      if (line !== null) return lastChunk(line);
    }
    const tok = this.tok;
    if (tok.lineno <= lineno && tok.inp > tok.buf) return tok.text.slice(tok.buf, tok.inp);
    const text = tok.text;
    const relative = this.startingLineno !== 0 ? lineno - this.startingLineno + 1 : lineno;
    let cur = 0;
    for (let i = 0; i < relative - 1; i++) {
      const nl = text.indexOf('\n', cur);
      if (nl < 0 || nl + 1 > tok.inp) break;
      cur = nl + 1;
    }
    let next = text.indexOf('\n', cur);
    if (next < 0) next = text.length;
    return text.slice(cur, next);
  }

  /**
   * A SyntaxError at a location given in 1-based byte columns (`CURRENT_POS` allowed).
   * CPython: _PyPegen_raise_error_known_location.
   */
  errorAt(
    type: SyntaxErrorType,
    lineno: number,
    colOffset: number,
    endLineno: number,
    endColOffset: number,
    msg: string,
  ): PySyntaxError {
    const tok = this.tok;
    if (endLineno === CURRENT_POS) endLineno = tok.lineno;
    if (endColOffset === CURRENT_POS) endColOffset = tok.byteCol(tok.lineStart, tok.cur);
    if (this.startRule === 'fstring') msg = 'f-string: ' + msg;
    const line = this.errorLine(lineno);
    if (this.startRule === 'fstring') {
      colOffset -= this.startingColOffset;
      endColOffset -= this.startingColOffset;
    }
    // 3.11.7 converts byte offsets to characters only when the tokenizer knows its encoding (a
    // cookie, a BOM, or a str source); for plain bytes it reports byte offsets.
    let col = colOffset;
    let endCol = endColOffset;
    if (this.tok.encoding !== null) {
      col = byteToCharOffset(line, colOffset);
      if (endColOffset > 0) endCol = byteToCharOffset(line, endColOffset);
    }
    return new PySyntaxError(type, msg, this.filename, lineno, col, endLineno, endCol, line);
  }

  /** RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns (made 1-based here). */
  errorKnownLocation(type: SyntaxErrorType, a: Pos, msg: string): PySyntaxError {
    return this.errorRange(type, a, a, msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE: from the start of `a` to the end of `b`. */
  errorRange(type: SyntaxErrorType, a: Pos, b: Pos, msg: string): PySyntaxError {
    return this.errorAt(type, a.lineno, a.col_offset + 1, b.end_lineno, b.end_col_offset + 1, msg);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM: from the start of `a` to where the tokenizer is. */
  errorStartingFrom(a: Pos, msg: string): PySyntaxError {
    return this.errorAt('SyntaxError', a.lineno, a.col_offset + 1, CURRENT_POS, CURRENT_POS, msg);
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read. CPython: _PyPegen_raise_error. */
  error(type: SyntaxErrorType, msg: string): PySyntaxError {
    if (this.fill === 0) return this.errorAt(type, 0, 0, 0, -1, msg);
    const t = this.knownErrToken ?? this.tokens[this.fill - 1];
    const tok = this.tok;
    let col: number;
    if (t.col_offset === -1) {
      col = tok.cur === tok.buf ? 0 : tok.byteCol(tok.lineStart, tok.cur);
    } else col = t.col_offset + 1;
    const endCol = t.end_col_offset !== -1 ? t.end_col_offset + 1 : -1;
    return this.errorAt(type, t.lineno, col, t.end_lineno, endCol, msg);
  }

  /** "'(' was never closed" at the innermost open bracket. CPython: raise_unclosed_parentheses_error. */
  unclosedParenthesesError(): PySyntaxError {
    const tok = this.tok;
    const lineno = tok.parenlinenostack[tok.level - 1];
    const col = tok.parencolstack[tok.level - 1];
    return this.errorAt('SyntaxError', lineno, col + 1, lineno, 0, `'${String.fromCharCode(tok.parenstack[tok.level - 1])}' was never closed`);
  }

  /** Turns a tokenizer failure into its SyntaxError. CPython: _Pypegen_tokenizer_error. */
  tokenizerError(): never {
    const tok = this.tok;
    if (tok.error !== null) throw tok.error;
    let type: SyntaxErrorType = 'SyntaxError';
    let msg: string;
    let col = -1;
    switch (tok.done) {
      case TokDone.EOF:
        if (tok.level !== 0) throw this.unclosedParenthesesError();
        throw this.error('SyntaxError', 'unexpected EOF while parsing');
      case TokDone.DEDENT:
        throw this.error('IndentationError', 'unindent does not match any outer indentation level');
      case TokDone.TABSPACE:
        type = 'TabError';
        msg = 'inconsistent use of tabs and spaces in indentation';
        break;
      case TokDone.TOODEEP:
        type = 'IndentationError';
        msg = 'too many levels of indentation';
        break;
      case TokDone.LINECONT:
        col = tok.byteCol(tok.buf, tok.cur) - 1;
        msg = 'unexpected character after line continuation character';
        break;
      default:
        msg = 'unknown parsing error';
    }
    throw this.errorAt(type, tok.lineno, (col >= 0 ? col : 0) + 1, tok.lineno, 0, msg);
  }

  /** The tokenizer has not failed (CPython: done is E_OK or E_DONE). */
  get tokenizerOk(): boolean {
    return this.tok.done === TokDone.OK;
  }
}

/**
 * CPython rereads the line with a 1000-byte buffer and keeps only the last chunk of a longer line.
 * CPython: Python/errors.c (err_programtext).
 */
function lastChunk(line: string): string {
  const bytes = encodeUtf8(line);
  if (bytes.length <= 999) return line;
  const start = Math.floor((bytes.length - 1) / 999) * 999;
  let i = start;
  let prefix = '';
  while (i < bytes.length && (bytes[i] & 0xc0) === 0x80) {
    prefix += '\ufffd';
    i++;
  }
  return prefix + decodeUtf8(bytes, i).text;
}

/** Line `lineno` (1-based) of `text`, with its newline, or null past the end. */
function nthLine(text: string, lineno: number): string | null {
  if (lineno < 1) return null;
  let start = 0;
  for (let i = 1; i < lineno; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  if (start >= text.length) return null;
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.slice(start) : text.slice(start, nl + 1);
}

/** An ast.Name (Load) from a NAME token, NFKC-normalising non-ASCII identifiers. */
export function nameFromToken(t: Token): Name {
  return {
    _type: 'Name',
    id: identifier(t.string),
    ctx: 'Load',
    lineno: t.lineno,
    col_offset: t.col_offset,
    end_lineno: t.end_lineno,
    end_col_offset: t.end_col_offset,
  };
}

/** An identifier as CPython stores it: NFKC-normalised when not ASCII. CPython: _PyPegen_new_identifier. */
export function identifier(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) return s.normalize('NFKC');
  }
  return s;
}
