import type { Expression, Module, expr } from '../ast/index.js';
import { decodeSource, type SourceMode } from '../source/decode.js';
import { NotSupportedError, PySyntaxError } from '../source/errors.js';
import { Tokenizer, type ParseWarning } from '../tokenizer/tokenizer.js';
import { Parser } from './parser.js';
import { runParser } from './run.js';

export type { ParseWarning } from '../tokenizer/tokenizer.js';

/** How to parse: where the source came from, and who hears about warnings. */
export interface ParseOptions {
  /**
   * How CPython would have read the source (decoding errors differ): `'file'` (`python3 FILE`, the
   * default for bytes), `'bytes'` (`compile(bytes)` / `ast.parse(bytes)`), `'string'` (`compile(str)`,
   * the only choice for a string).
   */
  mode?: SourceMode;
  /** Receives compile-time warnings (SyntaxWarning, DeprecationWarning) in the order CPython issues them. */
  onWarning?: (w: ParseWarning) => void;
}

/**
 * Parses a module's source (bytes are decoded as CPython decodes a file: BOM, coding cookie, UTF-8).
 * Throws PySyntaxError exactly as CPython 3.11's `compile()` would, NotSupportedError for valid
 * Python Bytescope cannot handle yet.
 * CPython: Parser/peg_api.c (_PyParser_ASTFromString), Parser/pegen.c (_PyPegen_run_parser_from_string).
 */
export function parse(source: Uint8Array | string, filename: string, options: ParseOptions = {}): Module {
  const mode: SourceMode = typeof source === 'string' ? 'string' : (options.mode ?? 'file');
  const text = decodeSource(source, filename, mode);
  const tok = new Tokenizer(text, filename, 0, mode === 'file');
  tok.onWarning = options.onWarning ?? null;
  const p = new Parser(tok, 'file', filename, mode, mode === 'file' ? text.text : null);
  try {
    return runParser(p) as Module;
  } catch (e) {
    if (e instanceof RangeError && !(e instanceof PySyntaxError)) {
      const t = p.tokens[Math.max(0, p.fill - 1)];
      throw new NotSupportedError('code nested too deeply for the parser', t !== undefined ? t.lineno : 1);
    }
    throw e;
  }
}

/**
 * Parses an expression as `compile(source, filename, 'eval')` does (for `eval()` and
 * `compile(..., 'eval')`): `expressions NEWLINE* ENDMARKER`, no newline supplied at the end.
 * CPython: Grammar/python.gram (eval), Parser/pegen.c (_PyPegen_run_parser_from_string).
 */
export function parseExpression(source: Uint8Array | string, filename: string, options: ParseOptions = {}): Expression {
  const mode: SourceMode = typeof source === 'string' ? 'string' : (options.mode ?? 'bytes');
  const text = decodeSource(source, filename, mode, false);
  const tok = new Tokenizer(text, filename, 0, false);
  tok.onWarning = options.onWarning ?? null;
  const p = new Parser(tok, 'eval', filename, mode, null);
  try {
    return { _type: 'Expression', body: runParser(p) as expr };
  } catch (e) {
    if (e instanceof RangeError && !(e instanceof PySyntaxError)) {
      throw new NotSupportedError('code nested too deeply for the parser', 1);
    }
    throw e;
  }
}
