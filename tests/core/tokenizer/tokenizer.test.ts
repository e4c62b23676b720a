import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strRepr } from '../../../core/objects/repr.js';
import { decodeSource } from '../../../core/source/decode.js';
import { PySyntaxError } from '../../../core/source/errors.js';
import { codePointCount, indexAtByte } from '../../../core/source/utf8.js';
import { Tokenizer, tokenize, type ParseWarning, type TokenInfo } from '../../../core/tokenizer/index.js';
import { listCases } from '../../support/goldens.js';

/** `TYPE 'string' line,col-line,col` per token, as the goldens show them (columns in characters). */
function describeTokens(tokens: readonly TokenInfo[], text: string): string[] {
  const lines = text.split('\n');
  const chars = (lineno: number, byteCol: number): number => {
    const line = lines[lineno - 1] ?? '';
    return codePointCount(line, 0, indexAtByte(line, 0, byteCol));
  };
  return tokens.map((t) => {
    switch (t.type) {
      case 'NEWLINE':
      case 'INDENT':
        return `${t.type} line ${t.lineno}`;
      case 'DEDENT':
      case 'ENDMARKER':
        return t.type;
      default: {
        const type = t.type === 'ASYNC' || t.type === 'AWAIT' ? 'NAME' : t.type;
        return `${type} ${strRepr(t.string)} ${t.lineno},${chars(t.lineno, t.col_offset)}-${t.end_lineno},${chars(t.end_lineno, t.end_col_offset)}`;
      }
    }
  });
}

/**
 * The golden's lines (from Lib/tokenize.py) reduced to what the C tokenizer agrees on: NEWLINE and
 * INDENT by line only (tokenize.py gives them text and width), DEDENT and ENDMARKER by kind only
 * (tokenize.py places the final ones on a line after the end), and in a CRLF file `\r\n` inside
 * strings as `\n` (the C tokenizer translates newlines first).
 */
function describeGolden(golden: string, crlf: boolean): string[] {
  return golden
    .trimEnd()
    .split('\n')
    .map((line) => {
      const m = /^(\S+) (.*) (\d+),(\d+)-(\d+),(\d+)$/.exec(line);
      if (m === null) return line;
      const [, type, repr, sl, sc, el, ec] = m;
      if (type === 'NEWLINE' || type === 'INDENT') return `${type} line ${sl}`;
      if (type === 'DEDENT' || type === 'ENDMARKER') return type;
      return `${type} ${crlf ? repr.replace(/\\r\\n/g, '\\n') : repr} ${sl},${sc}-${el},${ec}`;
    });
}

function kinds(source: string): string[] {
  return tokenize(source).map((t) => (t.string === '' ? t.type : `${t.type}:${t.string}`));
}

function tokenError(source: string): PySyntaxError {
  try {
    tokenize(source);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  assert.fail('expected a tokenizer error');
}

describe('tokenize', () => {
  for (const c of [...listCases('parser'), ...listCases('programs')]) {
    const golden = c.expected('.tokens');
    if (golden === null || golden.startsWith('ERROR')) continue;
    const bytes = new Uint8Array(readFileSync(c.sourcePath));
    // Lib/tokenize.py reads a lone CR as an ERRORTOKEN; the C tokenizer takes it for a newline.
    if (bytes.some((b, i) => b === 0x0d && bytes[i + 1] !== 0x0a)) continue;
    it(`reads the same tokens as Lib/tokenize.py from ${c.area}/${c.name}`, () => {
      const text = decodeSource(bytes, c.name, 'bytes').text;
      assert.deepEqual(describeTokens(tokenize(bytes, c.name, 'bytes'), text), describeGolden(golden, bytes.includes(0x0d)));
    });
  }

  it('gives NEWLINE, INDENT and DEDENT the way the C tokenizer does', () => {
    assert.deepEqual(kinds('if x:\n    y\nz\n'), ['NAME:if', 'NAME:x', 'COLON::', 'NEWLINE', 'INDENT', 'NAME:y', 'NEWLINE', 'DEDENT', 'NAME:z', 'NEWLINE', 'ENDMARKER']);
    assert.deepEqual(kinds('if x:\n  if y:\n    z\n'), [
      'NAME:if', 'NAME:x', 'COLON::', 'NEWLINE', 'INDENT', 'NAME:if', 'NAME:y', 'COLON::', 'NEWLINE', 'INDENT', 'NAME:z', 'NEWLINE', 'DEDENT', 'DEDENT', 'ENDMARKER',
    ]);
  });

  it('skips blank and comment-only lines and joins lines inside brackets', () => {
    assert.deepEqual(kinds('x = (1,\n\n  # c\n 2)\n\n# end\n'), ['NAME:x', 'EQUAL:=', 'LPAR:(', 'NUMBER:1', 'COMMA:,', 'NUMBER:2', 'RPAR:)', 'NEWLINE', 'ENDMARKER']);
  });

  it('joins lines ended by a backslash', () => {
    assert.deepEqual(kinds('x = 1 + \\\n  2\n'), ['NAME:x', 'EQUAL:=', 'NUMBER:1', 'PLUS:+', 'NUMBER:2', 'NEWLINE', 'ENDMARKER']);
  });

  it('starts a NEWLINE after a comment at the comment, as the parser sees it', () => {
    const nl = tokenize('x = 1  # note\n').find((t) => t.type === 'NEWLINE')!;
    assert.deepEqual([nl.lineno, nl.col_offset, nl.end_lineno, nl.end_col_offset], [1, 7, 1, 13]);
  });

  it('supplies the final newline of a file that has none', () => {
    assert.deepEqual(kinds('x'), ['NAME:x', 'NEWLINE', 'ENDMARKER']);
  });

  it('gives INDENT, DEDENT and ENDMARKER no columns', () => {
    const toks = tokenize('if x:\n  y\n');
    for (const t of toks.filter((t) => t.type === 'INDENT' || t.type === 'DEDENT' || t.type === 'ENDMARKER')) {
      assert.deepEqual([t.col_offset, t.end_col_offset], [-1, -1]);
    }
  });

  it('counts columns in UTF-8 bytes', () => {
    const x = tokenize("ñ = 'é' + x\n").find((t) => t.string === 'x')!;
    assert.deepEqual([x.col_offset, x.end_col_offset], [12, 13]);
  });

  it('reads every operator as its exact token type', () => {
    const ops = '( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... :=';
    const expected = [
      'LPAR', 'RPAR', 'LSQB', 'RSQB', 'COLON', 'COMMA', 'SEMI', 'PLUS', 'MINUS', 'STAR', 'SLASH', 'VBAR', 'AMPER', 'LESS', 'GREATER', 'EQUAL',
      'DOT', 'PERCENT', 'LBRACE', 'RBRACE', 'EQEQUAL', 'NOTEQUAL', 'LESSEQUAL', 'GREATEREQUAL', 'TILDE', 'CIRCUMFLEX', 'LEFTSHIFT',
      'RIGHTSHIFT', 'DOUBLESTAR', 'PLUSEQUAL', 'MINEQUAL', 'STAREQUAL', 'SLASHEQUAL', 'PERCENTEQUAL', 'AMPEREQUAL', 'VBAREQUAL',
      'CIRCUMFLEXEQUAL', 'LEFTSHIFTEQUAL', 'RIGHTSHIFTEQUAL', 'DOUBLESTAREQUAL', 'DOUBLESLASH', 'DOUBLESLASHEQUAL', 'AT', 'ATEQUAL',
      'RARROW', 'ELLIPSIS', 'COLONEQUAL',
    ];
    const types = tokenize(`(${ops})\n`).map((t) => t.type);
    assert.deepEqual(types.slice(1, -3), expected);
  });

  it('gives characters that start no token the generic OP type', () => {
    assert.deepEqual(kinds('$ ? !\n').slice(0, 3), ['OP:$', 'OP:?', 'OP:!']);
  });

  it('reads async and await as ASYNC and AWAIT', () => {
    assert.deepEqual(kinds('async await asyncx\n').slice(0, 3), ['ASYNC:async', 'AWAIT:await', 'NAME:asyncx']);
  });

  it('reads every number form as one NUMBER', () => {
    const numbers = ['0', '00', '0_0', '1_000', '0x_1F', '0o17', '0b1_0', '1.', '.5', '1e5', '1E-5', '1_0.0_1e+1_0', '3j', '1.5J', '09.5', '09j', '0e0'];
    for (const n of numbers) assert.deepEqual(kinds(`${n}\n`), [`NUMBER:${n}`, 'NEWLINE', 'ENDMARKER'], n);
  });

  it('splits a number from a following keyword and warns, as 3.11 does', () => {
    const warnings: ParseWarning[] = [];
    const tok = new Tokenizer(decodeSource('1if x else 0x1for\n', 't'), 't');
    tok.onWarning = (w) => warnings.push(w);
    const strings: string[] = [];
    for (;;) {
      const type = tok.get();
      if (type === 0) break;
      strings.push(tok.text.slice(tok.pStart, tok.pEnd));
    }
    assert.deepEqual(strings.slice(0, 6), ['1', 'if', 'x', 'else', '0x1f', 'or']);
    assert.deepEqual(warnings.map((w) => w.message), ['invalid decimal literal', 'invalid hexadecimal literal']);
  });

  it('reads an f-string, prefixes and all, as one STRING', () => {
    assert.deepEqual(kinds(`f'{x}' rb"\\d" Fr'''a\nb''' u'x'\n`).slice(0, 4), [`STRING:f'{x}'`, 'STRING:rb"\\d"', "STRING:Fr'''a\nb'''", "STRING:u'x'"]);
  });

  it('gives a multi-line string the line and column where it starts', () => {
    const s = tokenize('x = """a\nbc"""\n')[2];
    assert.deepEqual([s.lineno, s.col_offset, s.end_lineno, s.end_col_offset], [1, 4, 2, 5]);
  });

  it('treats a prefix that cannot combine as a name', () => {
    assert.deepEqual(kinds("ur'x'\n").slice(0, 2), ['NAME:ur', "STRING:'x'"]);
    assert.deepEqual(kinds("bf'x'\n").slice(0, 2), ['NAME:bf', "STRING:'x'"]);
  });

  it('normalises no identifiers itself (the parser applies NFKC)', () => {
    assert.deepEqual(kinds('ＡＢＣ\n')[0], 'NAME:ＡＢＣ');
  });
});

describe('tokenize errors', () => {
  const cases: [string, string, number, number][] = [
    ["s = 'abc\n", 'unterminated string literal (detected at line 1)', 1, 5],
    ['s = """abc\n\ndef\n', 'unterminated triple-quoted string literal (detected at line 3)', 1, 5],
    ['x = “hi”\n', "invalid character '“' (U+201C)", 1, 5],
    ['x\u00a0= 1\n', 'invalid non-printable character U+00A0', 1, 2],
    ['x = 1e\n', 'invalid decimal literal', 1, 5],
    ['x = 1__0\n', 'invalid decimal literal', 1, 6],
    ['x = 1_000_\n', 'invalid decimal literal', 1, 10],
    ['x = 1st\n', 'invalid decimal literal', 1, 5],
    ['x = 0b2\n', "invalid digit '2' in binary literal", 1, 7],
    ['x = 0o8\n', "invalid digit '8' in octal literal", 1, 7],
    ['x = 0x\n', 'invalid hexadecimal literal', 1, 6],
    ['x = 012\n', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 1, 5],
    ['x = )\n', "unmatched ')'", 1, 5],
    ['x = (1, 2]\n', "closing parenthesis ']' does not match opening parenthesis '('", 1, 10],
    ['x = (1,\n2]\n', "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2],
    ['x = \x01\n', 'invalid non-printable character U+0001', 1, 5],
    [`x = ${'('.repeat(201)}\n`, 'too many nested parentheses', 1, 205],
  ];
  for (const [source, msg, lineno, offset] of cases) {
    it(`raises "${msg}" for ${JSON.stringify(source)}`, () => {
      const e = tokenError(source);
      assert.deepEqual([e.type, e.msg, e.lineno, e.offset], ['SyntaxError', msg, lineno, offset]);
    });
  }

  it('gives the leading-zeros error the byte range of the zeros and first digit', () => {
    const e = tokenError('x = 0012\n');
    assert.deepEqual([e.offset, e.end_offset], [5, 7]);
  });

  it('reports inconsistent tabs and spaces as a TabError', () => {
    assert.equal(tokenError('if x:\n\ty\n        z\n').type, 'TabError');
  });

  it('accepts a tab after spaces when both counts agree', () => {
    assert.doesNotThrow(() => tokenize('if x:\n  \tpass\n'));
  });

  it('reports an unindent to no outer level as an IndentationError', () => {
    const e = tokenError('if x:\n        a\n    b\n');
    assert.deepEqual([e.type, e.msg], ['IndentationError', 'unindent does not match any outer indentation level']);
  });

  it('stops at 100 levels of indentation', () => {
    let src = '';
    for (let i = 0; i < 101; i++) src += ' '.repeat(i) + 'if x:\n';
    src += ' '.repeat(101) + 'pass\n';
    assert.equal(tokenError(src).msg, 'too many levels of indentation');
  });
});
