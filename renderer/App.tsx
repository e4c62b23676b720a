/**
 * The application frame: toolbar on top; the source (with the console under it), its bytecode,
 * and the machine side by side. React owns this layout; the editor and the D3 scenes own their
 * insides.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SyntaxErrorView } from '../main/common/api.js';
import { BytecodePanel } from './bytecode/BytecodePanel.js';
import { shortcutFor } from './controls/shortcuts.js';
import { Toolbar } from './controls/Toolbar.js';
import { Editor } from './editor/Editor.js';
import { SAMPLE_PROGRAM } from './editor/sample.js';
import { Console } from './machine/Console.js';
import { MachinePanel } from './machine/MachinePanel.js';
import type { HostClient } from './bridge/host-client.js';
import { TraceController, type PlaySpeed } from './state/trace-controller.js';
import { stepView } from './view-models/step-view.js';

export function App({ client }: { client: HostClient }) {
  const controller = useMemo(() => new TraceController(client, SAMPLE_PROGRAM), [client]);
  const trace = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [speed, setSpeed] = useState<PlaySpeed>('normal');

  useEffect(() => {
    void controller.start();
  }, [controller]);

  const onSpeed = useCallback(
    (s: PlaySpeed) => {
      controller.speed = s;
      setSpeed(s);
    },
    [controller],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target instanceof Element ? e.target : null;
      const inEditor = target?.closest('.cm-editor') !== null && target !== null;
      const inControl = target?.closest('select, input, textarea') !== null && target !== null;
      const action = shortcutFor(e, inEditor || inControl);
      if (!action) return;
      e.preventDefault();
      if (action === 'togglePlay') controller.togglePlay();
      else void controller[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);

  const current = trace.tracedSource === trace.source;
  const view = useMemo(() => (trace.step ? stepView(trace.step) : null), [trace.step]);
  const outcome = trace.outcome;
  const compiled = outcome?.kind === 'compiled';
  const codes = compiled ? outcome.codes : trace.lastCodes;
  const syntaxError: SyntaxErrorView | null = outcome?.kind === 'syntax-error' ? outcome.error : null;
  const onChange = useCallback((text: string) => controller.setSource(text), [controller]);

  return (
    <div className="app">
      <Toolbar controller={controller} trace={trace} view={current ? view : null} speed={speed} onSpeed={onSpeed} />
      {trace.problem ? (
        <div className="banner" role="alert" data-testid="problem">
          {trace.problem.message}
        </div>
      ) : null}
      <main className="workspace">
        <section className="panel source-panel" aria-label="source">
          <header className="panel-title">
            <h2>Source</h2>
            <span className="panel-note">main.py{current ? '' : ' · edited'}</span>
          </header>
          <div className="editor-box">
            <Editor initialDoc={SAMPLE_PROGRAM} onChange={onChange} execution={current ? (view?.position ?? null) : null} syntaxError={syntaxError} />
          </div>
          {syntaxError ? (
            <div className="syntax-error" role="alert" data-testid="syntax-error">
              <strong>{syntaxError.type}</strong>: {syntaxError.msg}
              {syntaxError.lineno !== null ? <span className="where"> (line {syntaxError.lineno}{syntaxError.offset !== null ? `, column ${syntaxError.offset}` : ''})</span> : null}
            </div>
          ) : null}
          <header className="panel-title console-title">
            <h2>Output</h2>
          </header>
          <Console view={current ? view : null} outcome={outcome} />
        </section>
        <section className="panel bytecode-panel" aria-label="bytecode">
          <header className="panel-title">
            <h2>Bytecode</h2>
            <span className="panel-note">{codes.length > 0 ? `${codes.length} code object${codes.length > 1 ? 's' : ''}` : ''}</span>
          </header>
          {outcome && !compiled && codes.length > 0 ? (
            <p className="bytecode-note">The source does not compile; this is the bytecode of the last version that did.</p>
          ) : null}
          <BytecodePanel
            codes={codes}
            current={current ? (view?.current ?? null) : null}
            callers={current ? (view?.callers ?? []) : []}
            stale={!current || !compiled}
          />
        </section>
        <MachinePanel view={current ? view : null} />
      </main>
    </div>
  );
}
