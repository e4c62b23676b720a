import type { CodeObject } from '../bytecode/code-object.js';
import { InternalError } from '../source/errors.js';
import type { MachineState } from './state.js';

/** What a traced run may read from the outside world (recorded, so replays are identical). */
export interface TraceOptions {
  /** Standard input text the program reads with input(). */
  stdin?: string;
  /** sys.argv. */
  argv?: readonly string[];
  /** Stop recording after this many instructions (the run's status becomes 'stopped'). */
  maxSteps?: number;
}

/**
 * A program run one bytecode instruction per step, that can move forward and back.
 * Step 0 is before the first instruction; `forward()` executes one instruction.
 */
export interface StepSession {
  /** The current step number. */
  readonly step: number;
  /** True once the program has ended (finished, raised or stopped) at or before the current step. */
  readonly ended: boolean;
  /** Total number of steps, known once the run has ended; null before. */
  readonly totalSteps: number | null;
  /** The code objects of the program in flattenCode order (frame `codeIndex` refers to these). */
  readonly codes: readonly CodeObject[];
  /** Executes one instruction (no-op once ended) and returns the new state. */
  forward(): MachineState;
  /** Returns to the previous step's state (no-op at step 0). */
  back(): MachineState;
  /** Moves to step `n` (clamped to [0, totalSteps]) in either direction. */
  goTo(n: number): MachineState;
  /** The state at the current step. */
  state(): MachineState;
}

/** Starts a step-by-step run of a module code object. */
export function startTrace(code: CodeObject, options: TraceOptions = {}): StepSession {
  void code;
  void options;
  throw new InternalError('trace not implemented yet');
}
