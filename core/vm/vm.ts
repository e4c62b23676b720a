import type { CodeObject } from '../bytecode/code-object.js';
import { recursion } from '../objects/abstract.js';
import { PyDict } from '../objects/dict.js';
import type { PyBaseException } from '../objects/exceptions.js';
import { PyFunction } from '../objects/function.js';
import { functionType } from '../objects/types.js';
import { None, serials, type PyValue } from '../objects/values.js';
import '../objects/runtime.js';
import { makeBuiltins } from './builtins/index.js';
import { codeInfo } from './code-info.js';
import { Frame, ThreadState, running } from './frame.js';
import type { VmHost } from './host.js';
import { EXIT_BUDGET, EXIT_RAISED, evalFrames } from './interpreter.js';
import { pushFunctionFrame } from './ops/calls.js';

/**
 * One run of a module: its namespaces, thread state and status. `run(n)` executes up to n more
 * instructions; the trace stepper calls it with 1, runModule with large chunks.
 *
 * Process-wide interpreter state (the recursion depth, the object serial counter, the current
 * thread) is swapped in for the duration of each `run`, so several Vms (trace sessions, tests)
 * can interleave in one JS thread and each replays deterministically.
 */
export type VmStatus = 'running' | 'finished' | 'raised' | 'stopped';

/** Thrown through native code when the host asks a run to stop inside a nested call. */
export class StopSignal extends Error {
  constructor() {
    super('run stopped by the host');
  }
}


/** Module dunders of __main__ run as a script (those Bytescope models). */
function mainGlobals(code: CodeObject): PyDict {
  const g = new PyDict();
  g.setStr('__name__', '__main__');
  g.setStr('__doc__', None);
  g.setStr('__package__', None);
  g.setStr('__spec__', None);
  g.setStr('__annotations__', new PyDict());
  g.setStr('__file__', code.co_filename);
  g.setStr('__cached__', None);
  return g;
}


export class Vm {
  readonly ts: ThreadState;
  readonly globals: PyDict;
  readonly builtins: PyDict;
  status: VmStatus = 'running';
  /** The uncaught exception once status is 'raised'. */
  exception: PyBaseException | null = null;
  private serial: number;
  private depth = 1;
  /** The initial global names (not shown as program variables). */
  readonly presetGlobals: ReadonlySet<string>;

  /** The first object serial of this run; a replay passes the same base to get the same ids. */
  readonly serialBase: number;

  constructor(
    readonly code: CodeObject,
    readonly host: VmHost,
    serialBase: number = serials.next,
  ) {
    this.ts = new ThreadState(host);
    const saved = serials.next;
    this.serialBase = serialBase;
    serials.next = serialBase;
    this.globals = mainGlobals(code);
    this.presetGlobals = new Set(this.globals.keys() as string[]);
    this.builtins = makeBuiltins();
    const frame = new Frame(codeInfo(code), this.globals, this.builtins, this.globals, null, null);
    frame.entry = true;
    this.ts.frame = frame;
    this.serial = serials.next;
    serials.next = Math.max(saved, this.serial);
  }

  /** Total instructions executed so far. */
  get steps(): number {
    return this.ts.steps;
  }

  /** The innermost frame, or null once the run has ended. */
  get frame(): Frame | null {
    return this.ts.frame;
  }

  /** Executes up to `budget` instructions; returns the status afterwards. */
  run(budget: number): VmStatus {
    if (this.status !== 'running') return this.status;
    const outerThread = running.thread;
    const outerSerial = serials.next;
    const outerDepth = recursion.depth;
    running.thread = this.ts;
    serials.next = this.serial;
    recursion.depth = this.depth;
    try {
      const exit = evalFrames(this.ts, budget);
      if (exit === EXIT_RAISED) {
        this.status = 'raised';
        this.exception = this.ts.exc;
      } else if (exit !== EXIT_BUDGET) {
        this.status = 'finished';
      }
    } catch (e) {
      if (e instanceof StopSignal) this.status = 'stopped';
      else throw e;
    } finally {
      this.serial = serials.next;
      this.depth = recursion.depth;
      running.thread = outerThread;
      serials.next = Math.max(outerSerial, this.serial);
      recursion.depth = outerDepth;
    }
    return this.status;
  }

  /** Marks the run as stopped (the host's interrupt or step budget). */
  stop(): void {
    if (this.status === 'running') this.status = 'stopped';
  }
}

/** Instructions between polls of VmHost.shouldStop inside nested calls. */
const NESTED_CHUNK = 1024;

/**
 * Calls a Python function from native code (a builtin's key= callback): runs a nested
 * evaluation loop until the entry frame returns, as CPython's _PyEval_Vector does. The whole
 * call is part of the instruction that made it.
 */
function callFunctionNested(fn: PyValue, args: readonly PyValue[], kwnames: readonly string[] | null): PyValue {
  const ts = running.thread;
  if (ts === null) throw new Error('no running thread');
  const func = fn as PyFunction;
  const caller = ts.frame;
  const frame = pushFunctionFrame(func, args, 0, args.length, kwnames, caller);
  frame.entry = true;
  ts.frame = frame;
  const savedKw = ts.kwnames;
  ts.kwnames = null;
  try {
    for (;;) {
      const exit = evalFrames(ts, NESTED_CHUNK);
      if (exit === EXIT_BUDGET) {
        if (ts.host.shouldStop?.()) throw new StopSignal();
        continue;
      }
      ts.frame = caller;
      if (exit === EXIT_RAISED) throw ts.exc as PyBaseException;
      const r = ts.retval as PyValue;
      ts.retval = null;
      return r;
    }
  } finally {
    ts.kwnames = savedKw;
  }
}
functionType.tp_call = callFunctionNested;
