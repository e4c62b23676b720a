import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource, type SourceText } from '../../../core/source/decode.js';
import { NotSupportedError, PySyntaxError } from '../../../core/source/errors.js';
import { lookupCodec, normalizeEncodingName } from '../../../core/source/codecs.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

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

describe('decodeSource', () => {
  it('decodes UTF-8 and keeps the text ASCII flag', () => {
    const t: SourceText = decodeSource(bytes('x = "', [0xc3, 0xa9], '"\n'), 'f.py', 'bytes');
    assert.equal(t.text, 'x = "é"\n');
    assert.equal(t.ascii, false);
    assert.equal(decodeSource(bytes('x = 1\n'), 'f.py').ascii, true);
  });

  it('translates CRLF and lone CR to LF', () => {
    assert.equal(decodeSource(bytes('a\r\nb\rc\n'), 'f.py').text, 'a\nb\nc\n');
    assert.equal(decodeSource('a\r\nb\rc', 'f.py').text, 'a\nb\nc\n');
  });

  it('supplies a missing final newline', () => {
    assert.equal(decodeSource(bytes('x = 1'), 'f.py').text, 'x = 1\n');
    assert.equal(decodeSource('', 'f.py').text, '\n');
  });

  it('drops a UTF-8 byte order mark and records the encoding CPython records', () => {
    const t = decodeSource(bytes([0xef, 0xbb, 0xbf], 'x = 1\n'), 'f.py', 'bytes');
    assert.equal(t.text, 'x = 1\n');
    assert.equal(t.encoding, 'utf-8');
    assert.equal(decodeSource(bytes('x = 1\n'), 'f.py', 'bytes').encoding, null);
    assert.equal(decodeSource('x = 1\n', 'f.py').encoding, 'utf-8');
  });

  it('honours a Latin-1 coding cookie on line 1', () => {
    const t = decodeSource(bytes('# -*- coding: latin-1 -*-\ns = "', [0xe9], '"\n'), 'f.py', 'bytes');
    assert.equal(t.text, '# -*- coding: latin-1 -*-\ns = "é"\n');
    assert.equal(t.encoding, 'iso-8859-1');
  });

  it('honours a cookie on line 2 after a comment line, not after a code line', () => {
    assert.equal(decodeSource(bytes('#!/usr/bin/env python\n# coding=latin-1\nx = "', [0xe9], '"\n'), 'f.py', 'bytes').encoding, 'iso-8859-1');
    assert.equal(decodeSource(bytes('\n# coding: latin-1\n'), 'f.py', 'bytes').encoding, 'iso-8859-1');
    assert.equal(decodeSource(bytes('x = 1\n# coding: latin-1\n'), 'f.py', 'bytes').encoding, null);
  });

  it('decodes single-byte codecs through their tables', () => {
    const t = decodeSource(bytes('# vim: set fileencoding=cp1252 :\nq = "', [0x93, 0x80, 0x94], '"\n'), 'f.py', 'bytes');
    assert.equal(t.text.split('\n')[1], 'q = "“€”"');
    assert.equal(decodeSource(bytes('# coding: koi8-r\ns = "', [0xc1], '"\n'), 'f.py', 'bytes').text.split('\n')[1], 's = "а"');
  });

  it('ignores the cookie of a str source', () => {
    assert.equal(decodeSource('# coding: latin-1\nx = "é"\n', 'f.py').text, '# coding: latin-1\nx = "é"\n');
  });

  it('reports an unknown encoding as compile() and python3 FILE do', () => {
    const src = bytes('# -*- coding: foobar -*-\nx = 1\n');
    assert.deepEqual(fields(syntaxError(() => decodeSource(src, 'f.py', 'bytes'))), ['SyntaxError', 'unknown encoding: foobar', 0, -1, null, null, null]);
    assert.deepEqual(fields(syntaxError(() => decodeSource(src, 'f.py', 'file'))), ['SyntaxError', 'encoding problem: foobar', null, null, null, null, null]);
  });

  it('refuses a BOM with a cookie for another encoding', () => {
    const e = syntaxError(() => decodeSource(bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\nx = 1\n'), 'f.py', 'bytes'));
    assert.deepEqual(fields(e), ['SyntaxError', 'encoding problem: iso-8859-1 with BOM', 0, -1, null, null, null]);
  });

  it('reports bytes a cookie codec cannot decode', () => {
    const e = syntaxError(() => decodeSource(bytes('# coding: ascii\ns = "', [0xc3, 0xa9], '"\n'), 'f.py', 'bytes'));
    assert.equal(e.msg, "'ascii' codec can't decode byte 0xc3 in position 21: ordinal not in range(128)");
    const f = syntaxError(() => decodeSource(bytes('# coding: cp1252\ns = "', [0x81], '"\n'), 'f.py', 'bytes'));
    assert.equal(f.msg, "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>");
  });

  it('refuses NUL bytes in compile() sources without a location', () => {
    assert.deepEqual(fields(syntaxError(() => decodeSource(bytes('x = 1\0\n'), 'f.py', 'bytes'))), [
      'SyntaxError', 'source code string cannot contain null bytes', null, null, null, null, null,
    ]);
    assert.equal(syntaxError(() => decodeSource('x\0', 'f.py')).msg, 'source code string cannot contain null bytes');
  });

  it('defers a NUL byte or non-UTF-8 line of a file to the line the tokenizer reaches', () => {
    const nul = decodeSource(bytes('x = 1\ny = (\0\n'), 'f.py', 'file');
    assert.equal(nul.text, 'x = 1\n');
    assert.deepEqual(nul.lineError, { line: 2, kind: 'null', message: 'source code cannot contain null bytes', lineText: 'y = (' });
    const bad = decodeSource(bytes('x = 1\ny = 2\nz = "', [0xff], '"\n'), '/tmp/bad.py', 'file');
    assert.equal(bad.text, 'x = 1\ny = 2\n');
    assert.equal(
      bad.lineError?.message,
      "Non-UTF-8 code starting with '\\xff' in file /tmp/bad.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
    );
  });

  it('declines codecs it cannot decode instead of guessing', () => {
    assert.throws(() => decodeSource(bytes('# coding: shift_jis\nx = 1\n'), 'f.py', 'bytes'), NotSupportedError);
  });
});

describe('lookupCodec', () => {
  it("normalises names as Python's codec registry does", () => {
    assert.equal(normalizeEncodingName('Latin--1 x'), 'latin_1_x');
    assert.deepEqual(lookupCodec('UTF8'), { kind: 'handled', codec: 'utf_8' });
    assert.deepEqual(lookupCodec('ISO-8859-1'), { kind: 'handled', codec: 'latin_1' });
    assert.equal(lookupCodec('windows-1252').kind, 'charmap');
    assert.equal(lookupCodec('euc-jp').kind, 'unhandled');
    assert.equal(lookupCodec('no-such-codec').kind, 'unknown');
  });
});
