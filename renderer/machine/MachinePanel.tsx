/**
 * The machine view: the value stack of the frame in focus, its names (locals or globals), and the
 * call stack. The pictures are D3 scenes; React lays out the frame around them.
 */
import type { FrameView, ValueView, BindingView } from '../../main/common/api.js';
import type { StepView } from '../view-models/step-view.js';
import { SceneSvg } from './SceneSvg.js';
import { renderNames } from './names-scene.js';
import { renderStack } from './stack-scene.js';

const EMPTY_STACK: ValueView[] = [];
const EMPTY_NAMES: BindingView[] = [];

function CallStack({ frames }: { frames: FrameView[] }) {
  if (frames.length === 0) return <p className="muted">No frames: the program is not running.</p>;
  const innermostFirst = [...frames].reverse();
  return (
    <ol className="frames" data-testid="frames">
      {innermostFirst.map((f, i) => (
        <li key={frames.length - i} className={i === 0 ? 'frame top' : 'frame'}>
          <span className="frame-name">{f.qualname}</span>
          <span className="frame-where">
            line {f.position.lineno ?? '?'} · offset {f.offset}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function MachinePanel({ view }: { view: StepView | null }) {
  const stack = view?.stack ?? EMPTY_STACK;
  const names = view?.names.bindings ?? EMPTY_NAMES;
  const top = view?.top ?? null;
  return (
    <div className="machine">
      <section className="panel stack-panel" aria-label="value stack">
        <header className="panel-title">
          <h2>Value stack</h2>
          <span className="panel-note">{top ? `${top.qualname} · depth ${stack.length}` : '—'}</span>
        </header>
        <div className="scene-box">
          <SceneSvg data={stack} draw={renderStack} label="value stack, top first" testId="stack" />
        </div>
      </section>
      <section className="panel names-panel" aria-label="names">
        <header className="panel-title">
          <h2>{view?.names.title ?? 'Globals'}</h2>
          <span className="panel-note">{names.length} name{names.length === 1 ? '' : 's'}</span>
        </header>
        <div className="scene-box">
          <SceneSvg data={names} draw={renderNames} label="names and their values" testId="names" />
        </div>
      </section>
      <section className="panel frames-panel" aria-label="call stack">
        <header className="panel-title">
          <h2>Call stack</h2>
          <span className="panel-note">{view ? `${view.frames.length} frame${view.frames.length === 1 ? '' : 's'}` : ''}</span>
        </header>
        <CallStack frames={view?.frames ?? []} />
      </section>
    </div>
  );
}
