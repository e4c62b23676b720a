import { decodeSource, type SourceMode } from '../source/decode.js';
import { PySyntaxError } from '../source/errors.js';
import { Tok, KEYWORDS, TOKEN_NAMES } from './token-kind.js';
import { TokDone, Tokenizer } from './tokenizer.js';

/**
 * One token of the C tokenizer's stream: its type name (operators by their exact name, e.g.
 * LPAR; keywords stay NAME), its text, and its span (lines 1-based, columns as UTF-8 byte
 * offsets, -1 where CPython has none, as for INDENT/DEDENT/ENDMARKER).
 */
export interface TokenInfo {
  readonly type: string;
  readonly string: string;
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
}

/**
 * The whole token stream of a source, as the parser would read it, for display and tests.
 * Throws the tokenizer's SyntaxError (messages as CPython's, positions from the tokenizer state)
 * when it fails; indentation and bracket errors that CPython reports through the parser are
 * given the same messages.
 * CPython: Parser/tokenizer.c (_PyTokenizer_Get), Parser/pegen.c (initialize_token).
 */
export function tokenize(source: Uint8Array | string, filename = '<tokenize>', mode?: SourceMode): TokenInfo[] {
  const tok = new Tokenizer(decodeSource(source, filename, mode), filename);
  const out: TokenInfo[] = [];
  for (;;) {
    const type = tok.get();
    if (type === Tok.ERRORTOKEN) {
      if (tok.error !== null) throw tok.error;
      throw new PySyntaxError(
        tok.done === TokDone.TABSPACE ? 'TabError' : tok.done === TokDone.EOF ? 'SyntaxError' : 'IndentationError',
        describeDone(tok),
        filename,
        tok.lineno,
        null,
        null,
        null,
        null,
      );
    }
    const str = tok.pStart >= 0 && tok.pEnd >= tok.pStart ? tok.text.slice(tok.pStart, tok.pEnd) : '';
    const isString = type === Tok.STRING;
    const lineStart = isString ? tok.multiLineStart : tok.lineStart;
    out.push({
      type: TOKEN_NAMES[type] ?? 'OP',
      string: str,
      lineno: isString ? tok.firstLineno : tok.lineno,
      col_offset: tok.pStart >= 0 && tok.pStart >= lineStart ? tok.byteCol(lineStart, tok.pStart) : -1,
      end_lineno: tok.lineno,
      end_col_offset: tok.pEnd >= 0 && tok.pEnd >= tok.lineStart ? tok.byteCol(tok.lineStart, tok.pEnd) : -1,
    });
    if (type === Tok.ENDMARKER) return out;
  }
}

function describeDone(tok: Tokenizer): string {
  switch (tok.done) {
    case TokDone.TABSPACE:
      return 'inconsistent use of tabs and spaces in indentation';
    case TokDone.DEDENT:
      return 'unindent does not match any outer indentation level';
    case TokDone.TOODEEP:
      return 'too many levels of indentation';
    case TokDone.LINECONT:
      return 'unexpected character after line continuation character';
    case TokDone.EOF:
      return tok.level > 0 ? `'${String.fromCharCode(tok.parenstack[tok.level - 1])}' was never closed` : 'unexpected EOF while parsing';
    default:
      return 'unknown parsing error';
  }
}

/** Whether `name` is a reserved keyword. */
export function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}
