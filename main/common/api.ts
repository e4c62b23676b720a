/**
 * The typed host API: every request the renderer may make (its parameters and its result) and
 * every event the host pushes. One contract, two transports: Electron's preload/IPC and browser
 * mode's WebSocket carry exactly these names. Shaped after VS Code's `IChannel` (call + listen).
 *
 * Everything here is plain data (no classes, Maps or cycles) so it survives structured clone and
 * JSON alike. No node or electron imports: the renderer type-checks against this file.
 */
import type { MachineState } from '../../core/trace/state.js';
import type { Instruction } from '../../core/dis/index.js';
import type { SyntaxErrorType } from '../../core/source/errors.js';
import type { Result } from './result.js';

export type { MachineState, FrameView, ValueView, BindingView, PositionView, RunStatus } from '../../core/trace/state.js';
export type { Instruction } from '../../core/dis/index.js';

/** Prefix of every IPC channel; the preload refuses any other (VS Code's `vscode:` rule). */
export const CHANNEL_PREFIX = 'bytescope:';

/** One code object as the bytecode panel shows it: its identity, its tables and its dis listing. */
export interface CodeListing {
  /** Index in core's `flattenCode` order; trace frames refer to code objects by this number. */
  codeIndex: number;
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  stacksize: number;
  flags: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  names: string[];
  /** `repr()` of each constant in co_consts (code objects as dis shows them). */
  consts: string[];
  /** `dis.get_instructions(code)`: CACHE entries left out, as dis prints them by default. */
  instructions: Instruction[];
}

/**
 * A syntax error as data, with CPython's attributes: `lineno` 1-based; `offset` and `end_offset`
 * 1-based *code point* offsets in the line (`end_offset` exclusive); `text` the source line.
 * `formatted` is what `python3 FILE` prints for it.
 */
export interface SyntaxErrorView {
  type: SyntaxErrorType;
  msg: string;
  filename: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
  formatted: string;
}

/** What compiling a source gave: code objects, the user's syntax error, or a construct not supported yet. */
export type CompileOutcome =
  | { kind: 'compiled'; codes: CodeListing[] }
  | { kind: 'syntax-error'; error: SyntaxErrorView }
  | { kind: 'not-supported'; construct: string; lineno: number; message: string };

/** A trace session's position after a request. */
export interface TraceStep {
  state: MachineState;
  /** True once the program has ended at or before this step. */
  ended: boolean;
  /** Total steps once known (the run has ended), else null. */
  totalSteps: number | null;
  /** True when a `run` or `goTo` stopped early: a `stopTrace`, or the step or time budget ran out. */
  interrupted: boolean;
}

/** How to move a trace session. `goTo` needs `to`; `run` runs forward until the program ends or is stopped. */
export type StepAction = 'forward' | 'back' | 'reset' | 'goTo' | 'run';
export const STEP_ACTIONS: readonly StepAction[] = ['forward', 'back', 'reset', 'goTo', 'run'];

/** An entry of an open folder: a Python file or a package directory, path relative to the folder with `/`. */
export interface FolderEntry {
  path: string;
  kind: 'file' | 'package';
}

/** What the .pyc cache did after a save. */
export type PycacheOutcome =
  | { kind: 'written'; pycPath: string }
  | { kind: 'syntax-error'; error: SyntaxErrorView }
  | { kind: 'not-supported'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Every request: `params` is what the renderer sends, `result` what comes back inside `Result`.
 * Add a request here, then to {@link REQUEST_METHODS}; the compiler then points at every place
 * (validation, host handlers, preload) that must learn it.
 */
export interface HostRequests {
  /** Which shell runs the host, and the versions a teacher may be asked for. */
  hostInfo: { params: Record<string, never>; result: HostInfo };
  /** Compiles a source to its code objects and dis listings (or its syntax error). */
  compile: { params: { source: string; filename: string }; result: CompileOutcome };
  /** Compiles a source and, when it compiles, starts a step-by-step run of it in its own worker. */
  startTrace: {
    params: { source: string; filename: string; stdin?: string };
    result: {
      outcome: CompileOutcome;
      session: { sessionId: string; step: TraceStep } | null;
      /** Why no session started although the source compiled (the engine failed to start the run). */
      traceError: string | null;
    };
  };
  /** Moves a trace session forward, back, to a step, or runs it on until it ends or is stopped. */
  step: { params: { sessionId: string; action: StepAction; to?: number }; result: TraceStep };
  /**
   * Stops a `run` in progress within 100 ms. The session keeps the step it reached
   * (`sessionKept`), unless its worker had to be terminated, which ends the session.
   */
  stopTrace: { params: { sessionId: string }; result: { sessionKept: boolean } };
  /** Ends a trace session and frees its worker. */
  closeTrace: { params: { sessionId: string }; result: { closed: boolean } };
  /** Opens a local project folder (a path; Electron may ask with a dialog when none is given). */
  openFolder: { params: { path?: string }; result: { folderId: string; root: string; entries: FolderEntry[] } | null };
  /** Reads a file of an open folder. */
  readFile: { params: { folderId: string; path: string }; result: { text: string } };
  /** Saves a file of an open folder atomically, then regenerates its `__pycache__` entry. */
  saveFile: { params: { folderId: string; path: string; text: string }; result: { pycache: PycacheOutcome } };
}

export type RequestMethod = keyof HostRequests;
export type RequestParams<M extends RequestMethod> = HostRequests[M]['params'];
export type RequestResult<M extends RequestMethod> = HostRequests[M]['result'];

/** The request names, in one list the preload, the validators and the tests share. */
export const REQUEST_METHODS = [
  'hostInfo',
  'compile',
  'startTrace',
  'step',
  'stopTrace',
  'closeTrace',
  'openFolder',
  'readFile',
  'saveFile',
] as const satisfies readonly RequestMethod[];

/** Every event the host pushes to the renderer, with its payload. */
export interface HostEvents {
  /** A trace session ended without being asked to (its worker died or was terminated). */
  sessionLost: { sessionId: string; reason: string };
  /** A file of an open folder changed on disk (the folder watcher; minimal in the skeleton). */
  fileChanged: { folderId: string; path: string; change: 'created' | 'changed' | 'deleted' };
}

export type EventName = keyof HostEvents;
export const EVENT_NAMES = ['sessionLost', 'fileChanged'] as const satisfies readonly EventName[];

export interface HostInfo {
  shell: 'electron' | 'browser';
  appVersion: string;
  /** The CPython whose bytecode Bytescope reproduces. */
  pythonVersion: string;
}

/** The API as the renderer sees it: one promise-returning method per request, plus `on` for events. */
export type HostApi = {
  [M in RequestMethod]: (params: RequestParams<M>) => Promise<Result<RequestResult<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
};

/** True when `x` names a request. */
export function isRequestMethod(x: unknown): x is RequestMethod {
  return typeof x === 'string' && (REQUEST_METHODS as readonly string[]).includes(x);
}

/** True when `x` names an event. */
export function isEventName(x: unknown): x is EventName {
  return typeof x === 'string' && (EVENT_NAMES as readonly string[]).includes(x);
}
