import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Assign, Constant, Expr, JoinedStr, FormattedValue, Name } from '../../../core/ast/nodes.generated.js';
import { parse, parseExpression, type ParseWarning } from '../../../core/parser/index.js';
import { NotSupportedError, PySyntaxError } from '../../../core/source/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function syntaxError(run: () => unknown): PySyntaxError {
  try {
    run();
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  assert.fail('expected a SyntaxError');
}

const fields = (e: PySyntaxError): unknown[] => [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text];

describe('parse options', () => {
  it('reports compile-time warnings in the order CPython issues them', () => {
    const warnings: ParseWarning[] = [];
    parse('x = 1if y else 2\ns = "\\d"\nt = b"\\777"\n', 't.py', { onWarning: (w) => warnings.push(w) });
    assert.deepEqual(warnings, [
      { category: 'SyntaxWarning', message: 'invalid decimal literal', lineno: 1 },
      { category: 'DeprecationWarning', message: "invalid escape sequence '\\d'", lineno: 2 },
      { category: 'DeprecationWarning', message: "invalid octal escape sequence '\\777'", lineno: 3 },
    ]);
  });

  it('warns once per literal even when the second pass reparses it', () => {
    const warnings: ParseWarning[] = [];
    assert.throws(() => parse('x = "\\q" +\n', 't.py', { onWarning: (w) => warnings.push(w) }), PySyntaxError);
    assert.equal(warnings.length, 1);
  });

  it('reports byte offsets for plain bytes and character offsets for str, BOM or cookie sources, as 3.11.7 does', () => {
    assert.deepEqual(fields(syntaxError(() => parse(utf8('ñ = [1, 2 3]\n'), 't.py', { mode: 'bytes' }))).slice(3, 6), [10, 1, 13]);
    assert.deepEqual(fields(syntaxError(() => parse('ñ = [1, 2 3]\n', 't.py'))).slice(3, 6), [9, 1, 12]);
    assert.deepEqual(fields(syntaxError(() => parse(utf8('# coding: utf-8\nñ = [1, 2 3]\n'), 't.py', { mode: 'bytes' }))).slice(3, 6), [9, 2, 12]);
  });

  it('reads the error line back from the file in file mode', () => {
    const e = syntaxError(() => parse(utf8('if x:\n'), 't.py', { mode: 'file' }));
    // At end of input CPython's file reader has emptied its buffer: the offset is 0, not 6.
    assert.deepEqual(fields(e), ['IndentationError', "expected an indented block after 'if' statement on line 1", 1, 0, 1, -1, 'if x:\n']);
    assert.deepEqual(fields(syntaxError(() => parse(utf8('if x:\n'), 't.py', { mode: 'bytes' }))).slice(3, 4), [6]);
  });

  it('raises a deferred file error when the tokenizer reaches its line', () => {
    const nul = syntaxError(() => parse(new Uint8Array([...utf8('x = 1\ny = ('), 0, 10]), 't.py', { mode: 'file' }));
    assert.deepEqual(fields(nul), ['SyntaxError', 'source code cannot contain null bytes', 2, 0, 2, 0, 'y = (']);
    const bad = syntaxError(() => parse(new Uint8Array([...utf8('x = 1\nz = "'), 0xff, 34, 10]), 't.py', { mode: 'file' }));
    assert.equal(bad.lineno, null);
    assert.match(bad.msg, /^Non-UTF-8 code starting with '\\xff' in file t\.py on line 2/);
  });

  it('lets an earlier syntax error win over a later deferred file error only when the tokenizer never gets there', () => {
    const e = syntaxError(() => parse(new Uint8Array([...utf8("x = 'abc\ny = ("), 0, 10]), 't.py', { mode: 'file' }));
    assert.equal(e.msg, 'unterminated string literal (detected at line 1)');
  });

  it('gives f-string parts the span of the whole string and expressions their own', () => {
    const tree = parse("x = f'a{b!r:>{w}}c' 'd'\n", 't.py');
    const js = (tree.body[0] as Assign).value as JoinedStr;
    assert.deepEqual([js.col_offset, js.end_col_offset], [4, 23]);
    const fv = js.values[1] as FormattedValue;
    assert.deepEqual([fv.col_offset, fv.end_col_offset, fv.conversion], [4, 23, 114]);
    const b = fv.value as Name;
    assert.deepEqual([b.id, b.col_offset, b.end_col_offset], ['b', 8, 9]);
    const spec = fv.format_spec as JoinedStr;
    assert.deepEqual([spec.col_offset, spec.end_col_offset], [4, 19]);
  });

  it('resolves \\N{...} names as unicodedata does: case-insensitively, aliases too, algorithmic ones in upper case', () => {
    const value = (src: string): unknown => ((parse(`${src}\n`, 't.py').body[0] as Expr).value as Constant).value;
    assert.equal(value('"\\N{bullet}\\N{LATIN SMALL LETTER A}\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E00}"'), '•a각一');
    assert.equal(value('"\\N{NUL}\\N{LATIN CAPITAL LETTER GHA}\\N{VS1}\\N{CJK COMPATIBILITY IDEOGRAPH-F900}"'), '\0Ƣ\ufe00\uf900');
    assert.equal(
      syntaxError(() => parse('"\\N{hangul syllable ga}"\n', 't.py')).msg,
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-21: unknown Unicode character name",
    );
    assert.equal(
      syntaxError(() => parse('"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"\n', 't.py')).msg,
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-47: unknown Unicode character name",
    );
  });

  it('turns runaway nesting into NotSupportedError instead of crashing', () => {
    assert.throws(() => parse(`x = ${'-'.repeat(100000)}1\n`, 't.py'), NotSupportedError);
  });

  it('normalises non-ASCII identifiers to NFKC', () => {
    const e = (parse('ＡＢＣ\n', 't.py').body[0] as Expr).value as Name;
    assert.equal(e.id, 'ABC');
  });
});

describe('parseExpression', () => {
  it("parses as compile(source, filename, 'eval') does", () => {
    const e = parseExpression('x if y else z\n\n', '<string>');
    assert.equal(e._type, 'Expression');
    assert.equal(e.body._type, 'IfExp');
  });

  it('supplies no final newline, so an error at the end points where CPython points', () => {
    assert.deepEqual(fields(syntaxError(() => parseExpression('1 +', '<string>'))), ['SyntaxError', 'invalid syntax', 1, 0, 1, 0, '1 +']);
    assert.deepEqual(fields(syntaxError(() => parseExpression('x = 1', '<string>'))), ['SyntaxError', 'invalid syntax', 1, 3, 1, 4, 'x = 1']);
  });
});
