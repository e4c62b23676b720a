/**
 * Messages between the host (engine-thread.ts) and its engine worker (engine-worker.ts).
 * Requests carry an id and are answered in order with a `Result`. The stop signal does not travel
 * as a message (the worker is busy when it matters): it is a counter in a SharedArrayBuffer that
 * the worker reads with `Atomics.load` between chunks of steps (stack.md §5).
 */
import type { StepAction } from '../../common/api.js';
import type { HostError, Result } from '../../common/result.js';

/** What the worker is started with. */
export interface WorkerSetup {
  /** URL of the engine module to import (`createEngine`). */
  engineModule: string;
  /** Int32Array[1]: the stop generation. The host increments it to stop whatever is running. */
  stopFlag: SharedArrayBuffer;
  /** A `run` or `goTo` ends (interrupted) after this many milliseconds. */
  runMillis: number;
  /** A trace records at most this many instructions (core's `maxSteps`). */
  maxSteps: number;
}

export type WorkerRequest =
  | { op: 'compile'; source: string; filename: string }
  | { op: 'start'; source: string; filename: string; stdin?: string }
  | { op: 'step'; action: StepAction; to?: number; stopGeneration: number }
  | { op: 'pyc'; source: Uint8Array; filename: string; mtime: number; sourceSize: number };

export type ToWorker = WorkerRequest & { id: number };

/** A reply to request `id`, or the one-time notice that the engine module has loaded (or failed to). */
export type FromWorker = { id: number; result: Result<unknown, HostError> } | { ready: Result<null, HostError> };
