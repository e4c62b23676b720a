import type { CodeObject } from '../bytecode/code-object.js';
import type { PyDict } from '../objects/dict.js';
import type { PyBaseException, TracebackFrame } from '../objects/exceptions.js';
import type { PyFunction } from '../objects/function.js';
import type { PyValue } from '../objects/values.js';
import type { CodeInfo } from './code-info.js';
import type { VmHost } from './host.js';

/**
 * An activation record, laid out as CPython 3.11's _PyInterpreterFrame: one flat array holds the
 * localsplus slots (locals, cells, free variables) followed by the value stack, so a frame is
 * two allocations and a push is one store. `null` is C's NULL: an unbound local, or the marker
 * PUSH_NULL puts below a callable.
 *
 * Frames form a linked list through `back`; Python-to-Python calls push a frame and keep going
 * in the same interpreter loop (no JS recursion), which is also what lets a stepper stop inside
 * a call. CPython: Include/internal/pycore_frame.h.
 */
export class Frame implements TracebackFrame {
  readonly code: CodeObject;
  /** localsplus, then the stack. */
  readonly f: (PyValue | null)[];
  /** Index in `f` of the first free stack slot. */
  sp: number;
  /** Byte offset of the next instruction. */
  pc = 0;
  /** Byte offset of the instruction being executed (CPython: prev_instr), for tracebacks. */
  lasti = 0;
  /**
   * True for a frame entered from native code (a builtin calling a Python function): returning
   * or raising out of it leaves the interpreter loop instead of resuming a caller frame.
   */
  entry = false;

  constructor(
    readonly info: CodeInfo,
    readonly globals: PyDict,
    readonly builtins: PyDict,
    /** The namespace of LOAD_NAME/STORE_NAME: the globals for a module, null for functions. */
    readonly locals: PyDict | null,
    readonly func: PyFunction | null,
    public back: Frame | null,
  ) {
    this.code = info.code;
    // Grown by push so V8 keeps it a packed array (loads skip the hole check).
    const f: (PyValue | null)[] = [];
    for (let i = 0; i < info.frameSize; i++) f.push(null);
    this.f = f;
    this.sp = info.nlocalsplus;
  }
}

/**
 * Per-run interpreter state (CPython: PyThreadState): the current frame, the exception being
 * handled (sys.exc_info()), the keyword names KW_NAMES set for the next CALL, and what the loop
 * leaves behind when it exits.
 */
export class ThreadState {
  frame: Frame | null = null;
  /** The exception currently being handled (exc_info->exc_value), or null. */
  handled: PyBaseException | null = null;
  /** KW_NAMES operand waiting for its CALL. */
  kwnames: readonly string[] | null = null;
  /** Pending EXTENDED_ARG prefix bits when a step ends right after an EXTENDED_ARG. */
  ext = 0;
  /** Value returned by the entry frame, or the exception that escaped it. */
  retval: PyValue | null = null;
  exc: PyBaseException | null = null;
  /** Instructions executed so far (including those of nested calls made by builtins). */
  steps = 0;
  /** Instructions the most recent outermost evalFrames call executed. */
  executed = 0;

  constructor(readonly host: VmHost) {}
}

/** The thread running right now (builtins like print reach the host through it). */
export const running: { thread: ThreadState | null } = { thread: null };
