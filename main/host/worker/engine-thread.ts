/**
 * One engine worker seen from the host: requests in, `Result`s out, and two ways to stop it.
 * `interrupt()` is the soft stop: it bumps the shared stop counter, which a running `run` or `goTo`
 * notices within a chunk (well under a millisecond in practice). If the worker has not answered
 * within the grace period, or a request outlives its timeout, the worker is terminated: pending
 * requests resolve with a `stopped` or `timeout` error and the thread is dead for good.
 */
import { Worker } from 'node:worker_threads';
import { err, type HostError, type Result } from '../../common/result.js';
import type { FromWorker, ToWorker, WorkerRequest, WorkerSetup } from './protocol.js';

export interface EngineThreadOptions {
  engineModule: string;
  /** How long a `run` or far `goTo` may take before it returns interrupted. */
  runMillis: number;
  /** Core's `maxSteps` for traces. */
  maxSteps: number;
  /** How long `interrupt()` waits for the worker's answer before terminating it. */
  stopGraceMs: number;
  /** How long any request may take beyond `runMillis` before the worker is terminated. */
  requestTimeoutMs: number;
  /** How long the worker may take to import its engine (a loaded machine is slow to start workers). */
  bootTimeoutMs: number;
  /** Memory cap of the worker's heap, so a runaway program cannot take the host down with it. */
  maxHeapMb: number;
}

/** A worker request as the host sends it: steps get their stop generation here. */
export type ThreadRequest =
  | Exclude<WorkerRequest, { op: 'step' }>
  | Omit<Extract<WorkerRequest, { op: 'step' }>, 'stopGeneration'>;

interface Pending {
  resolve: (r: Result<unknown, HostError>) => void;
  /** The watchdog, armed once the worker is ready. */
  timer: NodeJS.Timeout | null;
}

export class EngineThread {
  private readonly worker: Worker;
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private deadReason: HostError | null = null;
  /** Resolves once the worker has imported its engine; request timeouts only start counting then. */
  private readonly ready: Promise<void>;
  private readonly bootTimer: NodeJS.Timeout;
  private readonly exitListeners: ((reason: HostError) => void)[] = [];
  /** Called when no request is pending any more (or the worker died): what `interrupt` waits for. */
  private readonly quietWaiters: (() => void)[] = [];

  constructor(private readonly options: EngineThreadOptions) {
    const setup: WorkerSetup = {
      engineModule: options.engineModule,
      stopFlag: this.stopFlag.buffer as SharedArrayBuffer, // allocated as a SharedArrayBuffer just above
      runMillis: options.runMillis,
      maxSteps: options.maxSteps,
    };
    this.worker = new Worker(new URL('./engine-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (msg: FromWorker) => {
        if ('ready' in msg) {
          if (msg.ready.ok) resolve();
          else this.die(msg.ready.error);
        } else this.settle(msg.id, msg.result);
      });
    });
    this.bootTimer = setTimeout(
      () => void this.terminate({ kind: 'timeout', message: 'the engine did not start in time' }),
      options.bootTimeoutMs,
    );
    void this.ready.then(() => clearTimeout(this.bootTimer));
    this.worker.on('error', (e) => this.die({ kind: 'internal', message: `the engine worker failed: ${e.message}` }));
    this.worker.on('exit', () => this.die({ kind: 'stopped', message: 'the engine worker has exited' }));
  }

  /** True while the worker can still answer. */
  get alive(): boolean {
    return this.deadReason === null;
  }

  /** True while a request is waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Calls `listener` once, when the worker dies (terminated, crashed or out of memory). */
  onExit(listener: (reason: HostError) => void): void {
    if (this.deadReason) listener(this.deadReason);
    else this.exitListeners.push(listener);
  }

  /** Sends a request; resolves with the worker's answer, or a typed error if the worker dies or hangs. */
  request<T>(req: ThreadRequest): Promise<Result<T, HostError>> {
    if (this.deadReason) return Promise.resolve({ ok: false, error: this.deadReason });
    const id = this.nextId++;
    // A step carries the stop generation current when it was sent: a stop after this point cancels it.
    const message: ToWorker =
      req.op === 'step' ? { ...req, id, stopGeneration: Atomics.load(this.stopFlag, 0) } : { ...req, id };
    return new Promise((resolve) => {
      const pending: Pending = { resolve: resolve as (r: Result<unknown, HostError>) => void, timer: null };
      // Results come from our own worker, which answers each request with the result type asked for.
      this.pending.set(id, pending);
      this.worker.postMessage(message);
      void this.ready.then(() => {
        if (!this.pending.has(id)) return;
        pending.timer = setTimeout(() => {
          void this.terminate({ kind: 'timeout', message: 'the engine did not answer in time and was stopped' });
        }, this.options.runMillis + this.options.requestTimeoutMs);
      });
    });
  }

  /**
   * Stops whatever the worker is doing. Resolves true when it answered in time (the session
   * survives), false when it had to be terminated.
   */
  async interrupt(): Promise<boolean> {
    if (this.deadReason) return false;
    Atomics.add(this.stopFlag, 0, 1);
    if (this.pending.size === 0) return true;
    const quiet = await new Promise<boolean>((resolve) => {
      const limit = setTimeout(() => resolve(false), this.options.stopGraceMs);
      this.quietWaiters.push(() => {
        clearTimeout(limit);
        resolve(this.deadReason === null);
      });
    });
    if (quiet) return true;
    // The worker is stuck inside one step: end it. The session is over as soon as `die` runs;
    // V8 stops the thread at its next interrupt check, so nobody needs to wait for that.
    void this.terminate({ kind: 'stopped', message: 'the run was stopped by force; start it again' });
    return false;
  }

  /** Ends the worker; pending requests resolve with `reason` at once, the promise when the thread is gone. */
  terminate(reason: HostError = { kind: 'stopped', message: 'the engine worker was closed' }): Promise<void> {
    this.die(reason);
    return this.worker.terminate().then(() => undefined);
  }

  private notifyIfQuiet(): void {
    if (this.pending.size > 0 && this.deadReason === null) return;
    for (const wake of this.quietWaiters.splice(0)) wake();
  }

  private settle(id: number, result: Result<unknown, HostError>): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    p.resolve(result);
    this.notifyIfQuiet();
  }

  private die(reason: HostError): void {
    if (this.deadReason) return;
    this.deadReason = reason;
    clearTimeout(this.bootTimer);
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      this.pending.delete(id);
      p.resolve(err(reason.kind, reason.message));
    }
    for (const listener of this.exitListeners.splice(0)) listener(reason);
    this.notifyIfQuiet();
  }
}
