/**
 * Editor decorations driven from outside: where the machine is (the current line, and the exact
 * column range of the instruction about to run) and where the syntax error is. Each is a
 * StateField fed by a StateEffect, so the EditorView is created once and only receives
 * transactions (CodeMirror's state-as-value habit). Positions arrive in CPython's units and are
 * converted here, against the document's own lines.
 */
import { StateEffect, StateField, type EditorState, type Range, type Text } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { PositionView, SyntaxErrorView } from '../../main/common/api.js';
import { codePointColumnToUtf16, utf8ColumnToUtf16 } from '../../main/common/positions.js';

/** A document range in CodeMirror's UTF-16 offsets. */
export interface DocRange {
  from: number;
  to: number;
}

/** The document range of a CPython code position (UTF-8 byte columns), or null if it lies outside the text. */
export function executionRange(doc: Text, p: PositionView): { line: number; range: DocRange | null } | null {
  if (p.lineno === null || p.lineno < 1 || p.lineno > doc.lines) return null;
  const first = doc.line(p.lineno);
  if (p.col_offset === null || p.end_lineno === null || p.end_col_offset === null || p.end_lineno > doc.lines) {
    return { line: p.lineno, range: null };
  }
  const last = doc.line(p.end_lineno);
  const from = first.from + utf8ColumnToUtf16(first.text, p.col_offset);
  const to = last.from + utf8ColumnToUtf16(last.text, p.end_col_offset);
  return { line: p.lineno, range: to > from ? { from, to } : null };
}

/** The document range of a SyntaxError (1-based code point offsets), at least one character wide where possible. */
export function errorRange(doc: Text, e: SyntaxErrorView): { line: number; range: DocRange } | null {
  if (e.lineno === null || e.lineno < 1 || e.lineno > doc.lines) return null;
  const line = doc.line(e.lineno);
  const column = Math.max(0, (e.offset ?? 1) - 1);
  const start = line.from + codePointColumnToUtf16(line.text, column);
  let end = start;
  if (e.end_lineno !== null && e.end_offset !== null && e.end_lineno >= e.lineno && e.end_lineno <= doc.lines) {
    const endLine = doc.line(e.end_lineno);
    end = endLine.from + codePointColumnToUtf16(endLine.text, Math.max(0, e.end_offset - 1));
  }
  // One code point wide, so an astral character (two UTF-16 units) is underlined whole, not split.
  if (end <= start) end = line.from + codePointColumnToUtf16(line.text, column + 1);
  return { line: e.lineno, range: { from: start, to: Math.max(start, end) } };
}

export const setExecution = StateEffect.define<PositionView | null>();
export const setSyntaxError = StateEffect.define<SyntaxErrorView | null>();

const executionLine = Decoration.line({ class: 'cm-bs-exec-line' });
const executionMark = Decoration.mark({ class: 'cm-bs-exec-range' });
const errorLine = Decoration.line({ class: 'cm-bs-error-line' });
const errorMark = Decoration.mark({ class: 'cm-bs-error-range' });

/** Marks the end of a line when the error sits past its last character (an unclosed bracket, say). */
class EndOfLineMarker extends WidgetType {
  override toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-bs-error-eol';
    span.textContent = ' ';
    return span;
  }
  override eq(): boolean {
    return true;
  }
}

function executionDecorations(state: EditorState, p: PositionView | null): DecorationSet {
  if (!p) return Decoration.none;
  const found = executionRange(state.doc, p);
  if (!found) return Decoration.none;
  const ranges: Range<Decoration>[] = [executionLine.range(state.doc.line(found.line).from)];
  if (found.range) ranges.push(executionMark.range(found.range.from, found.range.to));
  return Decoration.set(ranges, true);
}

function errorDecorations(state: EditorState, e: SyntaxErrorView | null): DecorationSet {
  if (!e) return Decoration.none;
  const found = errorRange(state.doc, e);
  if (!found) return Decoration.none;
  const line = state.doc.line(found.line);
  const ranges: Range<Decoration>[] = [errorLine.range(line.from)];
  if (found.range.to > found.range.from) ranges.push(errorMark.range(found.range.from, found.range.to));
  else ranges.push(Decoration.widget({ widget: new EndOfLineMarker(), side: 1 }).range(found.range.from));
  return Decoration.set(ranges, true);
}

/** The machine's position in the source; cleared by any edit (the trace no longer matches the text). */
export const executionField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setExecution)) return executionDecorations(tr.state, e.value);
    return tr.docChanged ? Decoration.none : value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The syntax error's position; mapped through edits until the next compile replaces it. */
export const syntaxErrorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setSyntaxError)) return errorDecorations(tr.state, e.value);
    return value.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});
