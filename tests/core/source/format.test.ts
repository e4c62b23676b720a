import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PySyntaxError, formatSyntaxError, type SyntaxErrorType } from '../../../core/source/index.js';

const err = (
  type: SyntaxErrorType,
  msg: string,
  lineno: number | null,
  offset: number | null,
  endLineno: number | null,
  endOffset: number | null,
  text: string | null,
  filename = 'f.py',
): PySyntaxError => new PySyntaxError(type, msg, filename, lineno, offset, endLineno, endOffset, text);

// Expected strings are what `python3 FILE` prints for the same exception attributes.
describe('formatSyntaxError', () => {
  it('prints the file line, the source line, the carets and the message', () => {
    assert.equal(
      formatSyntaxError(err('SyntaxError', 'invalid syntax. Perhaps you forgot a comma?', 1, 5, 1, 8, 'x = [1 2]\n')),
      '  File "f.py", line 1\n    x = [1 2]\n        ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n',
    );
  });

  it('strips leading spaces, tabs and form feeds and moves the carets with them', () => {
    assert.equal(
      formatSyntaxError(err('SyntaxError', "unmatched ')'", 3, 12, 3, 12, '  def""" + )')),
      '  File "f.py", line 3\n    def""" + )\n             ^\nSyntaxError: unmatched \')\'\n',
    );
  });

  it('prints no caret line when the offset falls left of the stripped text', () => {
    assert.equal(
      formatSyntaxError(err('IndentationError', 'unexpected indent', 2, 1, 2, -1, '\tif x:\n')),
      '  File "f.py", line 2\n    if x:\nIndentationError: unexpected indent\n',
    );
  });

  it('gives IndentationError and TabError a single caret whatever the end offset', () => {
    assert.equal(
      formatSyntaxError(err('IndentationError', "expected an indented block after 'if' statement on line 1", 2, 1, 2, 6, 'print(1)\n')),
      "  File \"f.py\", line 2\n    print(1)\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n",
    );
  });

  it('underlines to the end of the first line of a multi-line span', () => {
    assert.equal(
      formatSyntaxError(err('SyntaxError', 'x', 1, 3, 2, 2, 'ab cd\n')),
      '  File "f.py", line 1\n    ab cd\n      ^^^\nSyntaxError: x\n',
    );
  });

  it('prints a message without location as str(exc) does', () => {
    assert.equal(formatSyntaxError(err('SyntaxError', 'encoding problem: foobar', null, null, null, null, null, '')), 'SyntaxError: encoding problem: foobar\n');
  });

  it('prints no source line when the text is unknown', () => {
    assert.equal(formatSyntaxError(err('SyntaxError', 'unknown encoding: foobar', 0, -1, null, null, null)), '  File "f.py", line 0\nSyntaxError: unknown encoding: foobar\n');
  });
});
