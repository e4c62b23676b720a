/**
 * What the host needs from a Python engine: compile a source to listings, write a .pyc, and start
 * a step-by-step run. The shipped engine is core's (core-engine.ts); tests may load another module
 * into the worker to exercise the host without the real compiler and VM.
 *
 * An engine runs inside a worker thread (engine-worker.ts) and is loaded there by module URL, so
 * it must be a module exporting `createEngine(): Engine`.
 */
import type { StepSession, TraceOptions } from '../../core/trace/session.js';
import type { CompileOutcome, PycacheOutcome } from '../common/api.js';

/** A step session as the worker drives it: core's StepSession without the code objects. */
export type EngineSession = Omit<StepSession, 'codes'>;

export interface Engine {
  /** Compiles a source to its code objects' listings, or reports its syntax error. Never throws for bad Python. */
  compile(source: string, filename: string): CompileOutcome;
  /** Compiles and, when that works, starts a run. `session` is null when the source does not compile. */
  startTrace(source: string, filename: string, options: TraceOptions): { outcome: CompileOutcome; session: EngineSession | null };
  /** The bytes `py_compile` would write for this source (header with mtime and size), or why there are none. */
  compilePyc(
    source: Uint8Array,
    filename: string,
    header: { mtime: number; sourceSize: number },
  ): { kind: 'pyc'; bytes: Uint8Array } | Exclude<PycacheOutcome, { kind: 'written' }>;
}

/** The shape of an engine module: what the worker imports. */
export interface EngineModule {
  createEngine(): Engine;
}

/** The module URL of the shipped engine (core's compiler, dis and trace). */
export const CORE_ENGINE_MODULE = new URL('./core-engine.js', import.meta.url).href;
