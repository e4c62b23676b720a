/**
 * The machine state after a step, as plain serialisable data: what the renderer draws and what
 * crosses the worker and IPC boundaries (no classes, no Maps, no cycles).
 *
 * Step numbering: step 0 is the state before the first instruction; step N is the state after N
 * instructions have executed (CACHE units are not instructions; EXTENDED_ARG is one). Each frame
 * names the *next* instruction it will execute.
 */

/** A Python value as shown to the user. */
export interface ValueView {
  /** Python type name as `type(v).__name__` gives it (`int`, `str`, `list`, `function`...), or `NULL`
   *  for the C NULL that 3.11's value stack holds below a callable (PUSH_NULL). */
  type: string;
  /** CPython's `repr()` of the value, shortened with `...` past a display limit. */
  repr: string;
  /** Stable identity of a mutable or heap object within one run, so that aliasing is visible. */
  id?: number;
}

/** One name binding in a namespace; `value` null means unbound (a local not yet assigned). */
export interface BindingView {
  name: string;
  value: ValueView | null;
}

/** Source span from co_positions: lines 1-based, columns 0-based UTF-8 byte offsets; null when absent. */
export interface PositionView {
  lineno: number | null;
  end_lineno: number | null;
  col_offset: number | null;
  end_col_offset: number | null;
}

/** One frame on the call stack. */
export interface FrameView {
  /** Index of the frame's code object in {@link flattenCode} order (the module is 0; the order dis prints). */
  codeIndex: number;
  name: string;
  qualname: string;
  /** Byte offset of the next instruction this frame executes (for a caller: the CALL in progress). */
  offset: number;
  /** Source span of that instruction. */
  position: PositionView;
  /** The value stack, bottom first. */
  stack: ValueView[];
  /** Fast locals (functions) in co_varnames order; empty for module frames, whose names are the globals. */
  locals: BindingView[];
}

/** How the program stands after this step. */
export type RunStatus = 'running' | 'finished' | 'raised' | 'stopped';

/** The state of the whole machine after `step` instructions. */
export interface MachineState {
  step: number;
  status: RunStatus;
  /** Call stack, outermost (the module) first. Empty once the program has ended. */
  frames: FrameView[];
  /** The module's globals in insertion order (builtins excluded). */
  globals: BindingView[];
  /** Everything the program has written to stdout / stderr so far. */
  stdout: string;
  stderr: string;
  /** The instruction the last step executed; absent at step 0. */
  last?: { codeIndex: number; offset: number; opname: string };
  /** The uncaught exception, once status is 'raised': its traceback as CPython prints it. */
  exception?: { type: string; message: string; traceback: string };
  /**
   * Set when the run stopped (status 'stopped') because the program used something Bytescope
   * cannot run yet: what, where, and the message to show.
   */
  notSupported?: { construct: string; lineno: number; message: string };
  /** Once the program has ended by itself (finished or raised): the exit status python3 gives. */
  exitCode?: number;
}
