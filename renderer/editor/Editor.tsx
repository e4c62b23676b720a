/**
 * The source editor: CodeMirror 6 with Python highlighting. The EditorView is created once, when
 * the component mounts; after that React only feeds it effects (the machine's position, the
 * syntax error), never rebuilding it on render (style.md, habit 9).
 */
import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import type { PositionView, SyntaxErrorView } from '../../main/common/api.js';
import { executionField, executionRange, setExecution, setSyntaxError, syntaxErrorField } from './highlights.js';

export interface EditorProps {
  /** The text the editor starts with (later changes come from the user). */
  initialDoc: string;
  onChange(text: string): void;
  /** Where the machine is in this text; null hides it. */
  execution: PositionView | null;
  syntaxError: SyntaxErrorView | null;
}

/** The nonce the host announced for this page's one inline <style> (see main/host/renderer-files.ts). */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="bytescope-style-nonce"]')?.content ?? '';
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--code-size)', backgroundColor: 'var(--panel)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--faint)', border: 'none', paddingLeft: '6px' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--ink)' },
  '&.cm-focused': { outline: 'none' },
});

export function Editor({ initialDoc, onChange, execution, syntaxError }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialDoc,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          indentUnit.of('    '),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          python(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          executionField,
          syntaxErrorField,
          theme,
          EditorView.cspNonce.of(styleNonce()),
          EditorView.contentAttributes.of({ 'aria-label': 'Python source' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // Created once: initialDoc is only the starting text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const found = execution ? executionRange(v.state.doc, execution) : null;
    const effects = [setExecution.of(execution)];
    const scroll = found ? [EditorView.scrollIntoView(v.state.doc.line(found.line).from, { y: 'nearest' })] : [];
    v.dispatch({ effects: [...effects, ...scroll] });
  }, [execution]);

  useEffect(() => {
    view.current?.dispatch({ effects: setSyntaxError.of(syntaxError) });
  }, [syntaxError]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
