/**
 * The output console: what the program printed (stdout, then stderr in red), how the run ended,
 * and compile problems exactly as `python3` prints them.
 */
import { useEffect, useRef } from 'react';
import type { CompileOutcome } from '../../main/common/api.js';
import type { StepView } from '../view-models/step-view.js';

export function Console({ view, outcome }: { view: StepView | null; outcome: CompileOutcome | null }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [view?.stdout, view?.stderr]);

  let body;
  if (outcome?.kind === 'syntax-error') {
    body = <pre className="console-text stderr">{outcome.error.formatted}</pre>;
  } else if (outcome?.kind === 'not-supported') {
    body = <pre className="console-text stderr">{`Bytescope cannot run this yet: ${outcome.message}`}</pre>;
  } else {
    body = (
      <>
        <pre className="console-text">{view?.stdout ?? ''}</pre>
        {view?.stderr ? <pre className="console-text stderr">{view.stderr}</pre> : null}
        {view?.status === 'finished' ? <p className="console-end">Program finished after {view.step} instructions.</p> : null}
        {view?.status === 'raised' ? <p className="console-end error">Program ended with an uncaught {view.exception?.type ?? 'exception'}.</p> : null}
        {view?.status === 'stopped' ? (
          <p className="console-end error">
            {view.notSupported ? `Bytescope cannot run this yet: ${view.notSupported}` : 'The run reached its step limit.'}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <div className="console" data-testid="console" aria-live="polite">
      {body}
      <div ref={end} />
    </div>
  );
}
