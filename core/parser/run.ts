import type { Module, expr } from '../ast/nodes.generated.js';
import { PySyntaxError } from '../source/errors.js';
import { Tok } from '../tokenizer/token-kind.js';
import { TokDone } from '../tokenizer/tokenizer.js';
import type { Parser } from './parser.js';
import { expressions, star_expressions } from './rules/expressions.js';
import { file } from './rules/statements.js';
import type { Token } from './token.js';

/**
 * Running a parser the way CPython does: a first pass without the `invalid_*` rules; if it fails
 * without an error, a second pass with them (which raise the specialised messages); if that raises
 * nothing either, "invalid syntax" at the furthest token of the first pass (or an indentation or
 * unclosed-bracket error). A parser error then gives way to a tokenizer error found by tokenizing
 * the rest of the source.
 * CPython: Parser/pegen.c (_PyPegen_run_parser), Parser/pegen_errors.c (_Pypegen_set_syntax_error,
 * _PyPegen_tokenize_full_source_to_check_for_errors).
 */

function startRule(p: Parser): Module | expr | null {
  switch (p.startRule) {
    case 'file':
      return file(p);
    case 'fstring':
      return star_expressions(p);
    case 'eval': {
      const a = expressions(p);
      if (a === null) return null;
      while (p.expect(Tok.NEWLINE)) {
        // NEWLINE*
      }
      return p.expect(Tok.ENDMARKER) ? a : null;
    }
  }
}

/** Parses with the parser's start rule, or throws the SyntaxError CPython would raise. */
export function runParser(p: Parser): Module | expr {
  let res: Module | expr | null;
  try {
    res = startRule(p);
  } catch (e) {
    throw e instanceof PySyntaxError ? preferTokenizerError(p, e) : e;
  }
  if (res !== null) return res;
  const lastToken = p.tokens[p.fill - 1];
  p.resetForErrorPass();
  try {
    startRule(p);
  } catch (e) {
    throw e instanceof PySyntaxError ? preferTokenizerError(p, e) : e;
  }
  throw genericError(p, lastToken);
}

/** An error was raised: a tokenizer error later in the source takes its place. */
function preferTokenizerError(p: Parser, e: PySyntaxError): PySyntaxError {
  if (!p.tokenizerOk) return e;
  return tokenizeRest(p) ?? e;
}

/** The error when neither pass raised one. CPython: _Pypegen_set_syntax_error. */
function genericError(p: Parser, lastToken: Token | undefined): PySyntaxError {
  if (p.fill === 0 || lastToken === undefined) return p.error('SyntaxError', 'error at start before reading any input');
  if (lastToken.type === Tok.ERRORTOKEN && p.tok.done === TokDone.EOF) {
    if (p.tok.level !== 0) return p.unclosedParenthesesError();
    return p.error('SyntaxError', 'unexpected EOF while parsing');
  }
  if (lastToken.type === Tok.INDENT || lastToken.type === Tok.DEDENT) {
    return p.error('IndentationError', lastToken.type === Tok.INDENT ? 'unexpected indent' : 'unexpected unindent');
  }
  const err = p.errorKnownLocation('SyntaxError', lastToken, 'invalid syntax');
  return tokenizeRest(p) ?? err;
}

/**
 * Tokenizes the rest of the source; returns the tokenizer error found, or an unclosed-bracket
 * error when EOF is reached inside a bracket opened before the current error's line.
 * CPython: _PyPegen_tokenize_full_source_to_check_for_errors.
 */
function tokenizeRest(p: Parser): PySyntaxError | null {
  const current = p.knownErrToken ?? p.tokens[p.fill - 1];
  const currentErrLine = current !== undefined ? current.lineno : 0;
  const tok = p.tok;
  for (;;) {
    const type = tok.get();
    if (type === Tok.ERRORTOKEN) {
      if (tok.error !== null) return tok.error;
      if (tok.level !== 0) {
        const errorLineno = tok.parenlinenostack[tok.level - 1];
        if (currentErrLine > errorLineno) return p.unclosedParenthesesError();
      }
      return null;
    }
    if (type === Tok.ENDMARKER) return null;
  }
}
