import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EditorSelection, EditorState, Text, type StateField } from '@codemirror/state';
import type { DecorationSet } from '@codemirror/view';
import type { SyntaxErrorView } from '../../../main/common/api.js';
import {
  errorRange,
  executionField,
  executionRange,
  setExecution,
  setSyntaxError,
  syntaxErrorField,
} from '../../../renderer/editor/highlights.js';
import { position } from '../support/states.js';

// Line 2 mixes a two-byte character (é, one UTF-16 unit) and an astral one (🐍, four bytes, two units):
//   char   s ␠ = ␠ " é 🐍  " ␠ + ␠ t
//   byte   0 1 2 3 4 5 7   11 12 13 14 15   (16 in all)
//   utf16  0 1 2 3 4 5 6   8 9 10 11 12     (13 in all)
const LINE2 = 's = "é🐍" + t';
const DOC = `x = 1\n${LINE2}\nprint(s)\n`;
const LINE2_FROM = 6;
const LINE3_FROM = LINE2_FROM + 13 + 1;

function syntaxError(patch: Partial<SyntaxErrorView>): SyntaxErrorView {
  return {
    type: 'SyntaxError',
    msg: 'invalid syntax',
    filename: 'main.py',
    lineno: 1,
    offset: 1,
    end_lineno: 1,
    end_offset: 2,
    text: null,
    formatted: '',
    ...patch,
  };
}

interface Shown {
  from: number;
  to: number;
  class: string;
}

/** What a decoration field holds, as plain ranges with their CSS class ('widget' for a widget). */
function shown(state: EditorState, field: StateField<DecorationSet>): Shown[] {
  const out: Shown[] = [];
  for (const cursor = state.field(field).iter(); cursor.value; cursor.next()) {
    const spec = cursor.value.spec as { class?: string; widget?: unknown }; // Decoration specs are untyped records
    out.push({ from: cursor.from, to: cursor.to, class: spec.widget ? 'widget' : (spec.class ?? '') });
  }
  return out;
}

function editor(doc = DOC): EditorState {
  return EditorState.create({ doc, extensions: [executionField, syntaxErrorField] });
}

describe('executionRange', () => {
  const doc = Text.of(DOC.split('\n'));

  it('converts UTF-8 byte columns past a two-byte and an astral character to UTF-16 offsets', () => {
    // The string literal "é🐍": bytes 4..12, units 4..9.
    assert.deepEqual(executionRange(doc, position(2, 4, 12)), { line: 2, range: { from: LINE2_FROM + 4, to: LINE2_FROM + 9 } });
    // The name t after it: byte 15..16, unit 12..13.
    assert.deepEqual(executionRange(doc, position(2, 15, 16)), { line: 2, range: { from: LINE2_FROM + 12, to: LINE2_FROM + 13 } });
    assert.equal(doc.sliceString(LINE2_FROM + 12, LINE2_FROM + 13), 't');
  });

  it('spans lines when the instruction does', () => {
    const found = executionRange(doc, { lineno: 1, col_offset: 4, end_lineno: 2, end_col_offset: 12 });
    assert.deepEqual(found, { line: 1, range: { from: 4, to: LINE2_FROM + 9 } });
  });

  it('gives the line alone when the position has no columns', () => {
    assert.deepEqual(executionRange(doc, { lineno: 3, end_lineno: 3, col_offset: null, end_col_offset: null }), { line: 3, range: null });
  });

  it('gives the line alone for an empty column range', () => {
    assert.deepEqual(executionRange(doc, position(2, 4, 4)), { line: 2, range: null });
  });

  it('gives nothing for a position with no line or a line outside the text', () => {
    assert.equal(executionRange(doc, { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null }), null);
    assert.equal(executionRange(doc, position(0, 0, 1)), null);
    assert.equal(executionRange(doc, position(99, 0, 1)), null);
  });
});

describe('errorRange', () => {
  // 'x = "🐍" é': code points x ␠ = ␠ " 🐍 " ␠ é (é is code point 8, offset 9), UTF-16 unit 9.
  const doc = Text.of(['x = "🐍" é', 'y = (']);

  it('converts 1-based code point offsets past an astral character to UTF-16 offsets', () => {
    const found = errorRange(doc, syntaxError({ lineno: 1, offset: 9, end_lineno: 1, end_offset: 10 }));
    assert.deepEqual(found, { line: 1, range: { from: 9, to: 10 } });
    assert.equal(doc.sliceString(9, 10), 'é');
  });

  it('underlines the astral character an error points at, both of its UTF-16 units', () => {
    // "invalid character" errors point at the character with end_offset equal to offset.
    const found = errorRange(doc, syntaxError({ lineno: 1, offset: 6, end_lineno: 1, end_offset: 6 }));
    assert.deepEqual(found, { line: 1, range: { from: 5, to: 7 } });
    assert.equal(doc.sliceString(5, 7), '🐍');
  });

  it('makes an error without an end one character wide', () => {
    assert.deepEqual(errorRange(doc, syntaxError({ lineno: 1, offset: 1, end_lineno: null, end_offset: null })), {
      line: 1,
      range: { from: 0, to: 1 },
    });
  });

  it('leaves an error past the end of its line empty, at the line end', () => {
    // 'y = (' is 5 characters: offset 6 sits just past it.
    const line2 = doc.line(2);
    assert.deepEqual(errorRange(doc, syntaxError({ lineno: 2, offset: 6, end_lineno: 2, end_offset: 6 })), {
      line: 2,
      range: { from: line2.to, to: line2.to },
    });
  });

  it('spans lines when the error does', () => {
    const found = errorRange(doc, syntaxError({ lineno: 1, offset: 5, end_lineno: 2, end_offset: 5 }));
    assert.deepEqual(found, { line: 1, range: { from: 4, to: doc.line(2).from + 4 } });
  });

  it('starts at the line start when the error has no offset', () => {
    assert.deepEqual(errorRange(doc, syntaxError({ lineno: 2, offset: null, end_lineno: null, end_offset: null })), {
      line: 2,
      range: { from: doc.line(2).from, to: doc.line(2).from + 1 },
    });
  });

  it('gives nothing for an error with no line or a line outside the text', () => {
    assert.equal(errorRange(doc, syntaxError({ lineno: null })), null);
    assert.equal(errorRange(doc, syntaxError({ lineno: 3 })), null);
  });
});

describe('executionField', () => {
  it('marks the current line and the instruction range, converted to UTF-16', () => {
    const state = editor().update({ effects: setExecution.of(position(2, 4, 12)) }).state;
    assert.deepEqual(shown(state, executionField), [
      { from: LINE2_FROM, to: LINE2_FROM, class: 'cm-bs-exec-line' },
      { from: LINE2_FROM + 4, to: LINE2_FROM + 9, class: 'cm-bs-exec-range' },
    ]);
    assert.equal(state.sliceDoc(LINE2_FROM + 4, LINE2_FROM + 9), '"é🐍"');
  });

  it('marks only the line when the instruction has no columns', () => {
    const state = editor().update({ effects: setExecution.of({ lineno: 3, end_lineno: 3, col_offset: null, end_col_offset: null }) }).state;
    assert.deepEqual(shown(state, executionField), [{ from: LINE3_FROM, to: LINE3_FROM, class: 'cm-bs-exec-line' }]);
  });

  it('moves with each new position and clears on null', () => {
    let state = editor().update({ effects: setExecution.of(position(1, 0, 5)) }).state;
    state = state.update({ effects: setExecution.of(position(2, 15, 16)) }).state;
    assert.deepEqual(
      shown(state, executionField).map((d) => state.sliceDoc(d.from, d.to)),
      ['', 't'],
    );
    state = state.update({ effects: setExecution.of(null) }).state;
    assert.deepEqual(shown(state, executionField), []);
  });

  it('survives a transaction that leaves the text alone, and clears on an edit', () => {
    let state = editor().update({ effects: setExecution.of(position(2, 4, 12)) }).state;
    state = state.update({ selection: EditorSelection.cursor(3) }).state;
    assert.equal(shown(state, executionField).length, 2);
    state = state.update({ changes: { from: 0, insert: '#\n' } }).state;
    assert.deepEqual(shown(state, executionField), []);
  });

  it('shows nothing for a position outside the text', () => {
    const state = editor().update({ effects: setExecution.of(position(40, 0, 1)) }).state;
    assert.deepEqual(shown(state, executionField), []);
  });
});

describe('syntaxErrorField', () => {
  const source = 'x = "🐍" é\n';

  it('marks the error line and underlines the range given in code points', () => {
    const state = editor(source).update({ effects: setSyntaxError.of(syntaxError({ lineno: 1, offset: 9, end_lineno: 1, end_offset: 10 })) }).state;
    assert.deepEqual(shown(state, syntaxErrorField), [
      { from: 0, to: 0, class: 'cm-bs-error-line' },
      { from: 9, to: 10, class: 'cm-bs-error-range' },
    ]);
  });

  it('puts a widget at the line end for an error past the last character', () => {
    const state = editor('y = (\n').update({ effects: setSyntaxError.of(syntaxError({ lineno: 1, offset: 6, end_lineno: 1, end_offset: 6 })) }).state;
    assert.deepEqual(shown(state, syntaxErrorField), [
      { from: 0, to: 0, class: 'cm-bs-error-line' },
      { from: 5, to: 5, class: 'widget' },
    ]);
  });

  it('maps the underline through edits until the next compile replaces it', () => {
    let state = editor(source).update({ effects: setSyntaxError.of(syntaxError({ lineno: 1, offset: 9, end_lineno: 1, end_offset: 10 })) }).state;
    state = state.update({ changes: { from: 0, insert: '# note\n' } }).state;
    const marks = shown(state, syntaxErrorField).filter((d) => d.class === 'cm-bs-error-range');
    assert.deepEqual(marks, [{ from: 16, to: 17, class: 'cm-bs-error-range' }]);
    assert.equal(state.sliceDoc(16, 17), 'é');
    state = state.update({ effects: setSyntaxError.of(null) }).state;
    assert.deepEqual(shown(state, syntaxErrorField), []);
  });

  it('is independent of the execution field', () => {
    const state = editor(source).update({ effects: setSyntaxError.of(syntaxError({ lineno: 1, offset: 1, end_offset: 2 })) }).state;
    assert.deepEqual(shown(state, executionField), []);
    assert.equal(shown(state, syntaxErrorField).length, 2);
  });
});
