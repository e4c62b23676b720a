import { PySyntaxError } from '../source/errors.js';
import type { SourceText } from '../source/decode.js';
import { codePointCount, utf8Length } from '../source/utf8.js';
import { isPrintableCodePoint } from '../objects/repr.js';
import { Tok, oneChar, threeChars, twoChars } from './token-kind.js';
import { scanNumber } from './numbers.js';

/**
 * The tokenizer state machine of CPython 3.11, over decoded source text.
 *
 * It is lazy and resumable like CPython's: the parser asks for one token at a time, so which
 * tokenizer error a broken file reports depends on how far the parser got, exactly as in CPython.
 * Positions are kept as UTF-16 indices into the text; the parser turns them into UTF-8 byte
 * columns. The fields mirror `struct tok_state` (cur, inp, buf, line_start, lineno, level, the
 * indentation and bracket stacks) because CPython's error messages are computed from them.
 * CPython: Parser/tokenizer.c (tok_get, tok_nextc, tok_underflow_string, indenterror, syntaxerror).
 */

/** `tok->done` codes. CPython: Include/errcode.h. */
export const enum TokDone {
  OK = 10,
  EOF = 11,
  ERROR = 17,
  TABSPACE = 18,
  TOODEEP = 20,
  DEDENT = 21,
  DECODE = 22,
  EOFS = 23,
  EOLS = 24,
  LINECONT = 25,
}

/** End of input, as returned by `nextc`. */
export const EOF = -1;

const TABSIZE = 8;
/** Maximum indentation depth. CPython: Parser/tokenizer.h (MAXINDENT). */
const MAXINDENT = 100;
/** Maximum bracket nesting. CPython: Parser/tokenizer.h (MAXLEVEL). */
export const MAXLEVEL = 200;

/** A compile-time warning CPython issues while parsing (printed by the caller if it wishes). */
export interface ParseWarning {
  readonly category: 'SyntaxWarning' | 'DeprecationWarning';
  readonly message: string;
  readonly lineno: number;
}

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isPotentialIdentifierStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 128;
export const isPotentialIdentifierChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 128;

const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

export class Tokenizer {
  readonly text: string;
  readonly filename: string;
  /** CPython's `tok->encoding` (see SourceText.encoding). */
  readonly encoding: string | null;
  private readonly source: SourceText;

  /** Next character to read. */
  cur = 0;
  /** End of the data read so far (just after the current line's newline). */
  inp = 0;
  /** Start of the buffered text: the current line, or the first line of a multi-line token. */
  buf = 0;
  lineStart = 0;
  lineno: number;
  done: TokDone = TokDone.OK;
  /** An exception the tokenizer raised (CPython's "error set" state), or null. */
  error: PySyntaxError | null = null;

  /** Start of the current token (-1 when none, CPython's NULL). */
  start = -1;
  /** Start and end of the token just returned (-1 when none). */
  pStart = -1;
  pEnd = -1;
  /** For a STRING token: the line and line start where it began. */
  firstLineno = 0;
  multiLineStart = 0;

  level = 0;
  readonly parenstack: number[] = [];
  readonly parenlinenostack: number[] = [];
  /** Byte column of each open bracket. */
  readonly parencolstack: number[] = [];

  private atbol = true;
  private pendin = 0;
  indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  contLine = false;

  /** Called for compile-time warnings; warnings are dropped when absent. */
  onWarning: ((w: ParseWarning) => void) | null = null;

  private bcLine = -1;
  private bcIdx = 0;
  private bcBytes = 0;

  /**
   * Reading a file (`python3 FILE`) rather than a string: at end of input CPython's file reader has
   * already reset its line buffer, which changes the columns it reports for errors at EOF.
   */
  readonly fileMode: boolean;

  constructor(source: SourceText, filename: string, firstLineno = 0, fileMode = false) {
    this.source = source;
    this.fileMode = fileMode;
    this.text = source.text;
    this.encoding = source.encoding;
    this.filename = filename;
    this.lineno = firstLineno;
  }

  /** UTF-8 byte offset of `idx` from `lineStartIdx` (incrementally cached for non-ASCII text). */
  byteCol(lineStartIdx: number, idx: number): number {
    if (this.source.ascii) return idx - lineStartIdx;
    if (lineStartIdx !== this.bcLine || idx < this.bcIdx) {
      this.bcLine = lineStartIdx;
      this.bcIdx = lineStartIdx;
      this.bcBytes = 0;
    }
    this.bcBytes += utf8Length(this.text, this.bcIdx, idx);
    this.bcIdx = idx;
    return this.bcBytes;
  }

  /** Reads the next line into the buffer. CPython: tok_underflow_string / tok_underflow_file. */
  private underflow(): boolean {
    const s = this.text;
    if (this.inp >= s.length) {
      const le = this.source.lineError;
      if (le !== null && this.done === TokDone.OK) {
        this.lineno++;
        if (le.kind === 'decode') {
          this.error = new PySyntaxError('SyntaxError', le.message, '', null, null, null, null, null);
          this.done = TokDone.DECODE;
        } else {
          this.error = new PySyntaxError('SyntaxError', le.message, this.filename, this.lineno, 0, this.lineno, 0, le.lineText);
          this.done = TokDone.ERROR;
        }
        return false;
      }
      if (this.fileMode && this.start < 0) {
        // tok_underflow_file empties its buffer before finding nothing more to read.
        this.buf = this.cur = this.inp = this.lineStart = s.length;
      }
      this.done = TokDone.EOF;
      return false;
    }
    let end = s.indexOf('\n', this.inp);
    end = end < 0 ? s.length : end + 1;
    if (this.start < 0) this.buf = this.cur;
    this.lineStart = this.cur;
    this.lineno++;
    this.inp = end;
    return true;
  }

  /** The next character, or EOF. CPython: tok_nextc. */
  nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) return this.text.charCodeAt(this.cur++);
      if (this.done !== TokDone.OK) return EOF;
      if (!this.underflow()) {
        this.cur = this.inp;
        return EOF;
      }
      this.lineStart = this.cur;
    }
  }

  /** Steps back over `c` (a no-op for EOF). CPython: tok_backup. */
  backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  /** Raises a tokenizer SyntaxError. Offsets are 1-based characters; -1 means "at the current position". */
  syntaxError(msg: string, colOffset = -1, endColOffset = -1): Tok {
    const s = this.text;
    if (colOffset === -1) colOffset = codePointCount(s, this.lineStart, this.cur);
    if (endColOffset === -1) endColOffset = colOffset;
    let lineEnd = s.indexOf('\n', this.lineStart);
    if (lineEnd < 0) lineEnd = s.length;
    const text = s.slice(this.lineStart, lineEnd);
    this.error = new PySyntaxError('SyntaxError', msg, this.filename, this.lineno, colOffset, this.lineno, endColOffset, text);
    this.done = TokDone.ERROR;
    return Tok.ERRORTOKEN;
  }

  private indentError(): Tok {
    this.done = TokDone.TABSPACE;
    this.cur = this.inp;
    return Tok.ERRORTOKEN;
  }

  /** Issues a SyntaxWarning (CPython's parser_warn). */
  warn(category: ParseWarning['category'], message: string): void {
    this.onWarning?.({ category, message, lineno: this.lineno });
  }

  /** CPython: tok_continuation_line. Returns the next character, or -2 on error. */
  private continuationLine(): number {
    let c = this.nextc();
    if (c !== 0x0a) {
      this.done = TokDone.LINECONT;
      return -2;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = TokDone.EOF;
      this.cur = this.inp;
      return -2;
    }
    this.backup(c);
    return c;
  }

  /** The next token's type; its span is in pStart/pEnd. CPython: tok_get. */
  get(): Tok {
    let c: number;
    let blankline: boolean;
    this.pStart = this.pEnd = -1;
    for (;;) {
      // nextline:
      this.start = -1;
      blankline = false;
      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        this.atbol = false;
        let contLineCol = 0;
        for (;;) {
          c = this.nextc();
          if (c === 0x20) {
            col++;
            altcol++;
          } else if (c === 0x09) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol = altcol + 1;
          } else if (c === 0x0c) {
            col = altcol = 0;
          } else if (c === 0x5c) {
            contLineCol = contLineCol !== 0 ? contLineCol : col;
            if ((c = this.continuationLine()) === -2) return Tok.ERRORTOKEN;
          } else break;
        }
        this.backup(c);
        if (c === 0x23 || c === 0x0a) blankline = true;
        if (!blankline && this.level === 0) {
          col = contLineCol !== 0 ? contLineCol : col;
          altcol = contLineCol !== 0 ? contLineCol : altcol;
          const top = this.indstack[this.indent];
          if (col === top) {
            if (altcol !== this.altindstack[this.indent]) return this.indentError();
          } else if (col > top) {
            if (this.indent + 1 >= MAXINDENT) {
              this.done = TokDone.TOODEEP;
              this.cur = this.inp;
              return Tok.ERRORTOKEN;
            }
            if (altcol <= this.altindstack[this.indent]) return this.indentError();
            this.pendin++;
            this.indstack[++this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < this.indstack[this.indent]) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = TokDone.DEDENT;
              this.cur = this.inp;
              return Tok.ERRORTOKEN;
            }
            if (altcol !== this.altindstack[this.indent]) return this.indentError();
          }
        }
      }

      this.start = this.cur;
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return Tok.DEDENT;
        }
        this.pendin--;
        return Tok.INDENT;
      }

      // again:
      for (;;) {
        this.start = -1;
        do c = this.nextc();
        while (c === 0x20 || c === 0x09 || c === 0x0c);
        this.start = this.cur - 1;

        if (c === 0x23) {
          while (c !== EOF && c !== 0x0a) c = this.nextc();
        }

        if (c === EOF) {
          if (this.level !== 0) return Tok.ERRORTOKEN;
          return this.done === TokDone.EOF ? Tok.ENDMARKER : Tok.ERRORTOKEN;
        }

        if (isPotentialIdentifierStart(c)) return this.identifierOrString(c);

        if (c === 0x0a) {
          this.atbol = true;
          if (blankline || this.level > 0) break; // goto nextline
          this.pStart = this.start;
          this.pEnd = this.cur - 1;
          this.contLine = false;
          return Tok.NEWLINE;
        }

        if (c === 0x2e) {
          c = this.nextc();
          if (isDigit(c)) return scanNumber(this, c, true);
          if (c === 0x2e) {
            c = this.nextc();
            if (c === 0x2e) {
              this.pStart = this.start;
              this.pEnd = this.cur;
              return Tok.ELLIPSIS;
            }
            this.backup(c);
            this.backup(0x2e);
          } else this.backup(c);
          this.pStart = this.start;
          this.pEnd = this.cur;
          return Tok.DOT;
        }

        if (isDigit(c)) return scanNumber(this, c, false);

        if (c === 0x27 || c === 0x22) return this.string(c);

        if (c === 0x5c) {
          if ((c = this.continuationLine()) === -2) return Tok.ERRORTOKEN;
          this.contLine = true;
          continue; // goto again
        }
        return this.operator(c);
      }
    }
  }

  private identifierOrString(c: number): Tok {
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (c === 0x62 || c === 0x42)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === 0x75 || c === 0x55)) sawU = true;
      else if (!(sawR || sawU) && (c === 0x72 || c === 0x52)) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === 0x66 || c === 0x46)) sawF = true;
      else break;
      c = this.nextc();
      if (c === 0x22 || c === 0x27) return this.string(c);
    }
    let nonascii = false;
    while (isPotentialIdentifierChar(c)) {
      if (c >= 128) nonascii = true;
      c = this.nextc();
    }
    this.backup(c);
    if (nonascii && !this.verifyIdentifier()) return Tok.ERRORTOKEN;
    this.pStart = this.start;
    this.pEnd = this.cur;
    if (this.cur - this.start === 5) {
      const s = this.text;
      const st = this.start;
      if (s.charCodeAt(st) === 0x61) {
        if (s.startsWith('async', st)) return Tok.ASYNC;
        if (s.startsWith('await', st)) return Tok.AWAIT;
      }
    }
    return Tok.NAME;
  }

  /** PEP 3131 check of a non-ASCII identifier. CPython: verify_identifier. */
  private verifyIdentifier(): boolean {
    const s = this.text.slice(this.start, this.cur);
    let i = 0;
    let first = true;
    for (const ch of s) {
      const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
      if (!ok) {
        const cp = ch.codePointAt(0)!;
        const cut = i + ch.length;
        if (cut < s.length) this.cur = this.start + cut;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        if (isPrintableCodePoint(ch)) this.syntaxError(`invalid character '${ch}' (U+${hex})`);
        else this.syntaxError(`invalid non-printable character U+${hex}`);
        return false;
      }
      first = false;
      i += ch.length;
    }
    return true;
  }

  /** A string literal; `quote` has just been read. CPython: tok_get (letter_quote). */
  private string(quote: number): Tok {
    let quoteSize = 1;
    let endQuoteSize = 0;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (this.done === TokDone.ERROR) return Tok.ERRORTOKEN;
      if (this.done === TokDone.DECODE) break;
      if (c === EOF || (quoteSize === 1 && c === 0x0a)) {
        this.cur = this.start + 1;
        this.lineStart = this.multiLineStart;
        const start = this.lineno;
        this.lineno = this.firstLineno;
        if (quoteSize === 3) {
          this.syntaxError(`unterminated triple-quoted string literal (detected at line ${start})`);
          if (c !== 0x0a) this.done = TokDone.EOFS;
        } else {
          this.syntaxError(`unterminated string literal (detected at line ${start})`);
          if (c !== 0x0a) this.done = TokDone.EOLS;
        }
        return Tok.ERRORTOKEN;
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 0x5c) this.nextc();
      }
    }
    this.pStart = this.start;
    this.pEnd = this.cur;
    return Tok.STRING;
  }

  private operator(c: number): Tok {
    const c2 = this.nextc();
    let token = twoChars(c, c2);
    if (token !== Tok.OP) {
      const c3 = this.nextc();
      const token3 = threeChars(c, c2, c3);
      if (token3 !== Tok.OP) token = token3;
      else this.backup(c3);
      this.pStart = this.start;
      this.pEnd = this.cur;
      return token;
    }
    this.backup(c2);

    switch (c) {
      case 0x28:
      case 0x5b:
      case 0x7b:
        if (this.level >= MAXLEVEL) return this.syntaxError('too many nested parentheses');
        this.parenstack[this.level] = c;
        this.parenlinenostack[this.level] = this.lineno;
        this.parencolstack[this.level] = this.byteCol(this.lineStart, this.start);
        this.level++;
        break;
      case 0x29:
      case 0x5d:
      case 0x7d: {
        if (this.level === 0) return this.syntaxError(`unmatched '${String.fromCharCode(c)}'`);
        this.level--;
        const opening = this.parenstack[this.level];
        if (!((opening === 0x28 && c === 0x29) || (opening === 0x5b && c === 0x5d) || (opening === 0x7b && c === 0x7d))) {
          const o = String.fromCharCode(opening);
          const cl = String.fromCharCode(c);
          if (this.parenlinenostack[this.level] !== this.lineno) {
            return this.syntaxError(
              `closing parenthesis '${cl}' does not match opening parenthesis '${o}' on line ${this.parenlinenostack[this.level]}`,
            );
          }
          return this.syntaxError(`closing parenthesis '${cl}' does not match opening parenthesis '${o}'`);
        }
        break;
      }
    }

    if (c < 0x20 || c === 0x7f) {
      return this.syntaxError(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    this.pStart = this.start;
    this.pEnd = this.cur;
    return oneChar(c);
  }

  /** True when the tokenizer has not failed (CPython: done is E_OK or E_DONE). */
  get ok(): boolean {
    return this.done === TokDone.OK;
  }
}
