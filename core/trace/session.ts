import { CodeObject, flattenCode } from '../bytecode/code-object.js';
import { OPNAME } from '../bytecode/opcodes.generated.js';
import { str } from '../objects/abstract.js';
import { NotSupportedError } from '../source/errors.js';
import type { VmHost } from '../vm/host.js';
import { uncaughtReport } from '../vm/run.js';
import { Vm } from '../vm/vm.js';
import type { MachineState, RunStatus } from './state.js';
import { framesView, globalsView } from './views.js';
import { checkSupported } from '../vm/support.js';

/** What a traced run may read from the outside world (recorded, so replays are identical). */
export interface TraceOptions {
  /** Standard input text the program reads with input(). */
  stdin?: string;
  /** sys.argv. */
  argv?: readonly string[];
  /** Stop recording after this many instructions (the run's status becomes 'stopped'). */
  maxSteps?: number;
  /** The module's source text, for the source lines of tracebacks (keyed by its co_filename). */
  source?: string;
  /** Source text of any file a traceback mentions; takes precedence over `source`. */
  sourceText?: (filename: string) => string | null;
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

/**
 * A restartable run (see core/notes/trace.md): the VM is deterministic (all input comes through the host, which replays the
 * recorded stdin), so any earlier step is reached by restarting and running forward. Checkpoints
 * are the extension point for long runs: `restoreBefore(n)` returns the latest run positioned at
 * or before step n; today the only checkpoint is step 0.
 */
class Run {
  vm!: Vm;
  step = 0;
  stdout = '';
  stderr = '';
  last: MachineState['last'];
  exception: MachineState['exception'];
  notSupported: MachineState['notSupported'];
  stopped = false;
  /** The exit status python3 would end with, once the program has ended by itself. */
  exitCode: number | undefined;
  private stdinPos = 0;
  private serialBase: number | undefined;

  constructor(
    private readonly code: CodeObject,
    private readonly options: TraceOptions,
    private readonly codeIndex: ReadonlyMap<CodeObject, number>,
  ) {
    this.restart();
  }

  private host(): VmHost {
    const stdin = this.options.stdin ?? '';
    return {
      writeStdout: (t) => void (this.stdout += t),
      writeStderr: (t) => void (this.stderr += t),
      readLine: () => {
        if (this.stdinPos >= stdin.length) return null;
        const nl = stdin.indexOf('\n', this.stdinPos);
        const end = nl < 0 ? stdin.length : nl + 1;
        const line = stdin.slice(this.stdinPos, end);
        this.stdinPos = end;
        return line;
      },
      argv: this.options.argv,
      sourceText: (f) => this.source(f),
    };
  }

  source(filename: string): string | null {
    const fromHost = this.options.sourceText?.(filename);
    if (fromHost !== undefined && fromHost !== null) return fromHost;
    return filename === this.code.co_filename ? (this.options.source ?? null) : null;
  }

  restart(): void {
    this.stdout = '';
    this.stderr = '';
    this.stdinPos = 0;
    this.step = 0;
    this.last = undefined;
    this.exception = undefined;
    this.notSupported = undefined;
    this.stopped = false;
    this.exitCode = undefined;
    this.vm = new Vm(this.code, this.host(), this.serialBase);
    this.serialBase = this.vm.serialBase;
  }

  get status(): RunStatus {
    if (this.stopped) return 'stopped';
    return this.vm.status;
  }

  get ended(): boolean {
    return this.status !== 'running';
  }

  /** Executes up to n instructions; the last one is recorded as `last`. */
  advance(n: number): void {
    const max = this.options.maxSteps ?? Infinity;
    n = Math.min(n, max - this.step);
    if (n <= 0) {
      if (this.step >= max && !this.ended) this.stopped = true;
      return;
    }
    if (n > 1) this.execute(n - 1);
    if (this.ended) return;
    const frame = this.vm.frame!;
    const offset = frame.pc;
    this.last = { codeIndex: this.codeIndex.get(frame.code) ?? -1, offset, opname: OPNAME[frame.code.co_code[offset]] };
    this.execute(1);
    if (this.step >= max && !this.ended) this.stopped = true;
  }

  private execute(n: number): void {
    let status;
    try {
      status = this.vm.run(n);
    } catch (e) {
      if (!(e instanceof NotSupportedError)) throw e;
      this.step += this.vm.ts.executed;
      this.stopped = true;
      this.notSupported = { construct: e.construct, lineno: e.lineno, message: e.message };
      return;
    }
    this.step += this.vm.ts.executed;
    if (status === 'finished') this.exitCode = 0;
    if (status === 'raised') {
      const exc = this.vm.exception!;
      const source = (f: string): string | null => this.source(f);
      const { stderr: report, exitCode } = uncaughtReport(exc, source);
      this.exitCode = exitCode;
      this.stderr += report;
      let message: string;
      try {
        message = str(exc);
      } catch {
        message = '<exception str() failed>';
      }
      this.exception = { type: exc.type.name, message, traceback: report };
    }
  }
}

class TraceSession implements StepSession {
  readonly codes: readonly CodeObject[];
  private readonly codeIndex: Map<CodeObject, number>;
  private readonly run: Run;
  private total: number | null = null;

  constructor(code: CodeObject, options: TraceOptions) {
    this.codes = flattenCode(code);
    this.codeIndex = new Map(this.codes.map((c, i) => [c, i]));
    this.run = new Run(code, options, this.codeIndex);
  }

  get step(): number {
    return this.run.step;
  }
  get ended(): boolean {
    return this.run.ended;
  }
  get totalSteps(): number | null {
    return this.total;
  }

  private noteEnd(): void {
    if (this.run.ended && this.total === null) this.total = this.run.step;
  }

  forward(): MachineState {
    if (!this.run.ended) {
      this.run.advance(1);
      this.noteEnd();
    }
    return this.state();
  }

  back(): MachineState {
    return this.goTo(this.run.step - 1);
  }

  goTo(n: number): MachineState {
    let target = Math.max(0, Math.floor(n));
    if (this.total !== null) target = Math.min(target, this.total);
    if (target < this.run.step) this.run.restart();
    if (target > this.run.step) {
      this.run.advance(target - this.run.step);
      this.noteEnd();
    }
    return this.state();
  }

  state(): MachineState {
    const run = this.run;
    const status = run.status;
    const s: MachineState = {
      step: run.step,
      status,
      frames: status === 'running' ? framesView(run.vm, this.codeIndex) : [],
      globals: globalsView(run.vm),
      stdout: run.stdout,
      stderr: run.stderr,
    };
    if (run.last) s.last = { ...run.last };
    if (run.exception) s.exception = { ...run.exception };
    if (run.notSupported) s.notSupported = { ...run.notSupported };
    if (run.exitCode !== undefined) s.exitCode = run.exitCode;
    return s;
  }
}

/**
 * Starts a step-by-step run of a module code object.
 * CPython: no counterpart; the nearest is sys.settrace with f_trace_opcodes, one event per
 * instruction, but stepping back is Bytescope's own (deterministic replay).
 * Throws NotSupportedError before the first step if the program needs an opcode the VM lacks.
 */
export function startTrace(code: CodeObject, options: TraceOptions = {}): StepSession {
  checkSupported(code);
  return new TraceSession(code, options);
}
