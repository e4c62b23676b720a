/**
 * The run controls: reset, step back, step forward, play/pause, run to the end, the play speed,
 * and where the run stands (step number, status, the instruction just executed).
 */
import { PLAY_SPEEDS, isPlaySpeed, type PlaySpeed, type TraceController, type TraceView } from '../state/trace-controller.js';
import type { StepView } from '../view-models/step-view.js';
import { SHORTCUT_LABELS, type ControlAction } from './shortcuts.js';
import { Icon, type IconName } from './icons.js';
import iconUrl from '../../assets/icon.svg';

interface ButtonSpec {
  action: ControlAction;
  label: string;
  icon: IconName;
  testId: string;
}

const STATUS_TEXT: Record<StepView['status'], string> = {
  running: 'running',
  finished: 'finished',
  raised: 'exception',
  stopped: 'step limit',
};

export function Toolbar({
  controller,
  trace,
  view,
  speed,
  onSpeed,
}: {
  controller: TraceController;
  trace: TraceView;
  view: StepView | null;
  speed: PlaySpeed;
  onSpeed(speed: PlaySpeed): void;
}) {
  const live = trace.sessionId !== null && trace.tracedSource === trace.source;
  const ended = view?.ended ?? false;
  const atStart = (view?.step ?? 0) === 0;
  const busy = trace.playing || trace.running;
  const buttons: (ButtonSpec & { disabled: boolean; run(): void })[] = [
    { action: 'reset', label: 'Reset', icon: 'reset', testId: 'reset', disabled: trace.compiling, run: () => void controller.reset() },
    { action: 'back', label: 'Step back', icon: 'back', testId: 'step-back', disabled: !live || atStart, run: () => void controller.back() },
    { action: 'forward', label: 'Step forward', icon: 'forward', testId: 'step-forward', disabled: !live || ended || busy, run: () => void controller.forward() },
    {
      action: 'togglePlay',
      label: busy ? 'Pause' : 'Play',
      icon: busy ? 'pause' : 'play',
      testId: busy ? 'pause' : 'play',
      disabled: !live || (ended && !busy),
      run: () => controller.togglePlay(),
    },
    { action: 'runToEnd', label: 'Run to end', icon: 'end', testId: 'run-to-end', disabled: !live || ended || busy, run: () => void controller.runToEnd() },
  ];
  const status = view ? STATUS_TEXT[view.status] : trace.outcome?.kind === 'syntax-error' ? 'syntax error' : trace.compiling ? 'compiling' : '—';

  return (
    <div className="toolbar" role="toolbar" aria-label="run controls">
      <div className="brand">
        <img src={iconUrl} alt="" width="24" height="24" />
        <span className="brand-name">Bytescope</span>
        <span className="brand-sub">CPython 3.11 bytecode, step by step</span>
      </div>
      <div className="controls">
        {buttons.map((b) => (
          <button
            key={b.testId}
            type="button"
            className={`control control-${b.testId}`}
            data-testid={b.testId}
            disabled={b.disabled}
            onClick={b.run}
            title={`${b.label} (${SHORTCUT_LABELS[b.action].label})`}
            aria-keyshortcuts={SHORTCUT_LABELS[b.action].aria}
          >
            <Icon name={b.icon} />
            <span className="control-label">{b.label}</span>
          </button>
        ))}
        <label className="speed">
          <span>Speed</span>
          <select
            value={speed}
            onChange={(e) => {
              if (isPlaySpeed(e.target.value)) onSpeed(e.target.value);
            }}
            aria-label="play speed"
          >
            {PLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="run-status" aria-live="polite">
        <span className="step-count" data-testid="step-count">
          step {view?.step ?? 0}
          {view?.totalSteps !== null && view?.totalSteps !== undefined ? ` / ${view.totalSteps}` : ''}
        </span>
        <span className={`status-badge status-${view?.status ?? 'none'}`} data-testid="status">
          {status}
        </span>
        <span className="last-op" title="the instruction the last step executed">
          {view?.lastOpname ? `executed ${view.lastOpname}` : view ? 'before the first instruction' : ''}
        </span>
      </div>
    </div>
  );
}
