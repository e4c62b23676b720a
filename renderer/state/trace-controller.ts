/**
 * The renderer's state: the source being edited, what compiling it gave, and the trace session
 * stepping through it. A plain observable object (no React inside), so React subscribes with
 * useSyncExternalStore and the logic stays testable. Moves are serialised: a key held down
 * queues steps in order instead of racing them.
 */
import type { CodeListing, CompileOutcome, StepAction, TraceStep } from '../../main/common/api.js';
import type { HostError } from '../../main/common/result.js';
import type { HostClient } from '../bridge/host-client.js';

export interface TraceView {
  /** The editor's text now. */
  source: string;
  /** The text the listing and the session belong to (null before the first compile). */
  tracedSource: string | null;
  outcome: CompileOutcome | null;
  /** The listing of the last source that compiled, kept (dimmed) while the text has errors. */
  lastCodes: CodeListing[];
  sessionId: string | null;
  step: TraceStep | null;
  /** The step shown before this one, so scenes know which way time moved. */
  previousStep: number | null;
  playing: boolean;
  /** A `run` to the end is in progress (Pause stops it). */
  running: boolean;
  compiling: boolean;
  /** The last failure the host reported, for the banner. */
  problem: HostError | null;
  connection: 'connecting' | 'ready' | 'lost';
}

/** Milliseconds between steps when playing, per speed setting. */
export const PLAY_DELAYS = { slow: 900, normal: 400, fast: 120 } as const;
export type PlaySpeed = keyof typeof PLAY_DELAYS;
export const PLAY_SPEEDS: readonly PlaySpeed[] = ['slow', 'normal', 'fast'];

export function isPlaySpeed(x: string): x is PlaySpeed {
  return (PLAY_SPEEDS as readonly string[]).includes(x);
}

export class TraceController {
  private view: TraceView;
  private readonly listeners = new Set<() => void>();
  private chain: Promise<void> = Promise.resolve();
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  /** Counts play() calls, so a loop left waiting by a pause stops when a newer one has begun. */
  private playLoop = 0;
  speed: PlaySpeed = 'normal';

  constructor(
    private readonly client: HostClient,
    source: string,
    private readonly filename = 'main.py',
  ) {
    this.view = {
      source,
      tracedSource: null,
      outcome: null,
      lastCodes: [],
      sessionId: null,
      step: null,
      previousStep: null,
      playing: false,
      running: false,
      compiling: false,
      problem: null,
      connection: 'connecting',
    };
    client.on('sessionLost', ({ sessionId }) => {
      if (sessionId !== this.view.sessionId) return;
      this.update({
        sessionId: null,
        playing: false,
        running: false,
        problem: { kind: 'stopped', message: 'The run was stopped. Press Reset to start it again.' },
      });
    });
    client.onClient('connectionLost', ({ reason }) =>
      this.update({ connection: 'lost', playing: false, running: false, problem: { kind: 'internal', message: reason } }),
    );
  }

  // --- React's external-store protocol -------------------------------------------------------
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): TraceView => this.view;

  private update(patch: Partial<TraceView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  /** True when the shown trace belongs to the text in the editor. */
  get current(): boolean {
    return this.view.tracedSource === this.view.source;
  }

  // --- Source and sessions --------------------------------------------------------------------

  /** Compiles the current source and starts a fresh session (closing the old one). */
  async start(): Promise<void> {
    const generation = ++this.generation;
    const source = this.view.source;
    // This compiles the latest text, so a restart still waiting for typing to pause is not needed.
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.update({ compiling: true, playing: false, running: false });
    const old = this.view.sessionId;
    if (old) void this.client.closeTrace({ sessionId: old });
    const r = await this.client.startTrace({ source, filename: this.filename });
    if (generation !== this.generation) {
      if (r.ok && r.value.session) void this.client.closeTrace({ sessionId: r.value.session.sessionId });
      return;
    }
    if (!r.ok) {
      this.update({ compiling: false, sessionId: null, problem: r.error, connection: this.view.connection === 'lost' ? 'lost' : 'ready' });
      return;
    }
    const session = r.value.session;
    this.update({
      compiling: false,
      connection: 'ready',
      tracedSource: source,
      outcome: r.value.outcome,
      lastCodes: r.value.outcome.kind === 'compiled' ? r.value.outcome.codes : this.view.lastCodes,
      sessionId: session?.sessionId ?? null,
      step: session?.step ?? null,
      previousStep: null,
      problem: r.value.traceError ? { kind: 'internal', message: `This program cannot be run step by step: ${r.value.traceError}` } : null,
    });
  }

  /** The editor changed: remember the text and restart the trace once typing pauses. */
  setSource(source: string, delayMs = 350): void {
    if (source === this.view.source) return;
    this.update({ source, playing: false });
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.start();
    }, delayMs);
  }

  // --- Moving through the run -----------------------------------------------------------------

  private move(action: StepAction, to?: number): Promise<void> {
    const run = async (): Promise<void> => {
      const sessionId = this.view.sessionId;
      if (!sessionId || !this.current) return;
      if (action === 'forward' && this.view.step?.ended) return;
      const r = await this.client.step({ sessionId, action, ...(to !== undefined ? { to } : {}) });
      if (sessionId !== this.view.sessionId) return;
      if (!r.ok) {
        this.update({ problem: r.error, playing: false, running: false });
        return;
      }
      this.update({ previousStep: this.view.step?.state.step ?? null, step: r.value, problem: null });
    };
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  forward = (): Promise<void> => this.move('forward');
  back = (): Promise<void> => {
    this.pause();
    return this.move('back');
  };

  reset = async (): Promise<void> => {
    this.pause();
    if (!this.view.sessionId || !this.current) return this.start();
    return this.move('reset');
  };

  /** Runs to the end in the worker (stoppable with pause). */
  runToEnd = async (): Promise<void> => {
    if (!this.view.sessionId || this.view.step?.ended) return;
    this.update({ playing: false, running: true });
    await this.move('run');
    this.update({ running: false });
  };

  play = async (): Promise<void> => {
    if (this.view.playing || !this.view.sessionId || this.view.step?.ended) return;
    const loop = ++this.playLoop;
    this.update({ playing: true });
    while (loop === this.playLoop && this.view.playing && this.view.sessionId && !this.view.step?.ended) {
      await this.forward();
      if (this.view.step?.ended) break;
      await new Promise((r) => setTimeout(r, PLAY_DELAYS[this.speed]));
    }
    if (loop === this.playLoop) this.update({ playing: false });
  };

  pause = (): void => {
    if (this.view.running && this.view.sessionId) void this.client.stopTrace({ sessionId: this.view.sessionId });
    if (this.view.playing) this.update({ playing: false });
  };

  togglePlay = (): void => {
    if (this.view.playing || this.view.running) this.pause();
    else void this.play();
  };
}
