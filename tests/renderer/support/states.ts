/**
 * Small builders for the plain data the host sends (MachineState, TraceStep, code listings), so
 * each test spells out only the fields it is about. Shapes follow core/trace/state.ts.
 */
import type {
  BindingView,
  CodeListing,
  FrameView,
  MachineState,
  PositionView,
  TraceStep,
  ValueView,
} from '../../../main/common/api.js';

export function value(type: string, repr: string, id?: number): ValueView {
  return id === undefined ? { type, repr } : { type, repr, id };
}

export function binding(name: string, v: ValueView | null): BindingView {
  return { name, value: v };
}

export function position(lineno: number, col_offset: number, end_col_offset: number, end_lineno = lineno): PositionView {
  return { lineno, end_lineno, col_offset, end_col_offset };
}

export function frame(patch: Partial<FrameView> = {}): FrameView {
  return {
    codeIndex: 0,
    name: '<module>',
    qualname: '<module>',
    offset: 0,
    position: position(1, 0, 1),
    stack: [],
    locals: [],
    ...patch,
  };
}

export function machineState(patch: Partial<MachineState> = {}): MachineState {
  return { step: 0, status: 'running', frames: [frame()], globals: [], stdout: '', stderr: '', ...patch };
}

export function traceStep(state: Partial<MachineState> = {}, patch: Partial<Omit<TraceStep, 'state'>> = {}): TraceStep {
  return { state: machineState(state), ended: false, totalSteps: null, interrupted: false, ...patch };
}

/** The step a run that ended by itself reports: no frames left, `ended` set, the total known. */
export function endedStep(step: number, state: Partial<MachineState> = {}): TraceStep {
  return traceStep({ step, status: 'finished', frames: [], ...state }, { ended: true, totalSteps: step });
}

export function listing(codeIndex = 0, qualname = '<module>'): CodeListing {
  return {
    codeIndex,
    name: qualname,
    qualname,
    filename: 'main.py',
    firstlineno: 1,
    argcount: 0,
    stacksize: 1,
    flags: 0,
    varnames: [],
    cellvars: [],
    freevars: [],
    names: [],
    consts: ['None'],
    instructions: [],
  };
}
