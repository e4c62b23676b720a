/**
 * From a trace step to what the panels draw: the frame in focus, the instruction each frame is at,
 * the names to show (a function's locals, or the module's globals) and the console text. Pure:
 * no DOM, no React, so every panel reads one consistent picture of the step.
 */
import type { BindingView, FrameView, PositionView, TraceStep, ValueView } from '../../main/common/api.js';

/** An instruction a frame is at: the code object (flattenCode index) and byte offset. */
export interface InstructionRef {
  codeIndex: number;
  offset: number;
}

export interface StepView {
  step: number;
  status: TraceStep['state']['status'];
  ended: boolean;
  totalSteps: number | null;
  /** Frames, outermost (the module) first. */
  frames: FrameView[];
  /** The innermost frame, whose next instruction runs next; null once the program has ended. */
  top: FrameView | null;
  /** The next instruction of the innermost frame. */
  current: InstructionRef | null;
  /** Where each calling frame waits (its CALL in progress). */
  callers: InstructionRef[];
  /** The innermost frame's source position. */
  position: PositionView | null;
  /** The innermost frame's value stack, bottom first. */
  stack: ValueView[];
  names: { title: string; bindings: BindingView[] };
  /** The instruction the last step executed. */
  lastOpname: string | null;
  stdout: string;
  stderr: string;
  exception: { type: string; message: string; traceback: string } | null;
  /** Why the run stopped early, when the program used something Bytescope cannot run yet. */
  notSupported: string | null;
}

export function stepView(t: TraceStep): StepView {
  const s = t.state;
  const top = s.frames.length > 0 ? s.frames[s.frames.length - 1] : null;
  const isFunction = top !== null && s.frames.length > 1;
  return {
    step: s.step,
    status: s.status,
    ended: t.ended,
    totalSteps: t.totalSteps,
    frames: s.frames,
    top,
    current: top ? { codeIndex: top.codeIndex, offset: top.offset } : null,
    callers: s.frames.slice(0, -1).map((f) => ({ codeIndex: f.codeIndex, offset: f.offset })),
    position: top ? top.position : null,
    stack: top ? top.stack : [],
    names:
      isFunction && top
        ? { title: `Locals of ${top.qualname}`, bindings: top.locals }
        : { title: 'Globals', bindings: s.globals },
    lastOpname: s.last?.opname ?? null,
    stdout: s.stdout,
    stderr: s.stderr,
    exception: s.exception ?? null,
    notSupported: s.notSupported?.message ?? null,
  };
}
