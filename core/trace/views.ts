import { CO } from '../bytecode/code-object.js';
import type { CodeObject } from '../bytecode/code-object.js';
import { repr } from '../objects/abstract.js';
import { PyDict } from '../objects/dict.js';
import { PyCell } from '../objects/function.js';
import { PyList } from '../objects/list.js';
import { strRepr } from '../objects/repr.js';
import { typeOf } from '../objects/types.js';
import { PyObject, PyTuple, type PyValue } from '../objects/values.js';
import type { Frame } from '../vm/frame.js';
import type { Vm } from '../vm/vm.js';
import type { BindingView, FrameView, PositionView, ValueView } from './state.js';

/**
 * Turning live VM state into the plain data of MachineState: values as ValueViews (type, a
 * bounded repr, the object's stable serial as id), frames, locals and globals.
 * Building a view never runs Python code and never changes the VM.
 */

/** Longest repr shown for one value; longer ones end in '...'. */
export const REPR_LIMIT = 200;

/** A repr that stops early for big containers and never throws. */
export function boundedRepr(v: PyValue, limit = REPR_LIMIT): string {
  try {
    const r = quickRepr(v, limit, new Set());
    return r.length > limit ? r.slice(0, limit) + '...' : r;
  } catch {
    return `<${typeOf(v).name} object>`;
  }
}

function quickRepr(v: PyValue, limit: number, active: Set<PyObject>): string {
  if (typeof v === 'string') return strRepr(v.length > limit ? v.slice(0, limit) : v);
  if (typeof v === 'bigint') {
    const s = v.toString();
    return s.length > limit ? s.slice(0, limit) : s;
  }
  const items = v instanceof PyList || v instanceof PyTuple ? v.items : null;
  if (items !== null) {
    const obj = v as PyObject;
    const [open, close] = v instanceof PyList ? ['[', ']'] : ['(', items.length === 1 ? ',)' : ')'];
    if (active.has(obj)) return v instanceof PyList ? '[...]' : '(...)';
    active.add(obj);
    let out = open;
    for (let i = 0; i < items.length && out.length <= limit; i++) out += (i ? ', ' : '') + quickRepr(items[i], limit, active);
    active.delete(obj);
    return out + close;
  }
  if (v instanceof PyDict) {
    if (active.has(v)) return '{...}';
    active.add(v);
    let out = '{';
    let first = true;
    for (const [c, value] of v.values) {
      if (out.length > limit) break;
      out += (first ? '' : ', ') + quickRepr(v.keyOf(c), limit, active) + ': ' + quickRepr(value, limit, active);
      first = false;
    }
    active.delete(v);
    return out + '}';
  }
  return repr(v);
}

export function valueView(v: PyValue | null): ValueView {
  if (v === null) return { type: 'NULL', repr: 'NULL' };
  const view: ValueView = { type: typeOf(v).name, repr: boundedRepr(v) };
  if (v instanceof PyObject) view.id = v.serial;
  return view;
}

export function positionView(frame: Frame, offset: number): PositionView {
  const p = frame.info.positionAt(offset);
  return { lineno: p.lineno, end_lineno: p.end_lineno, col_offset: p.col_offset, end_col_offset: p.end_col_offset };
}

/** A frame's fast locals (function frames only), cells shown by their contents. */
function localsView(frame: Frame): BindingView[] {
  const code = frame.code;
  if (!(code.co_flags & CO.OPTIMIZED)) return [];
  const out: BindingView[] = [];
  const names = code.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = frame.f[i];
    if (v instanceof PyCell) v = v.contents;
    out.push({ name: names[i], value: v === null ? null : valueView(v) });
  }
  return out;
}

/** The start of the instruction a code unit belongs to (callers wait on a CALL's last cache unit). */
function instructionStart(code: Uint8Array, offset: number): number {
  while (offset > 0 && code[offset] === 0) offset -= 2;
  return offset;
}

/**
 * The call stack, outermost first. The innermost frame names its next instruction; callers name
 * the CALL they are executing.
 */
export function framesView(vm: Vm, codeIndex: ReadonlyMap<CodeObject, number>): FrameView[] {
  const chain: Frame[] = [];
  for (let f = vm.frame; f !== null; f = f.back) chain.push(f);
  chain.reverse();
  return chain.map((frame, i) => {
    const offset = i === chain.length - 1 ? frame.pc : instructionStart(frame.code.co_code, frame.lasti);
    const stack: ValueView[] = [];
    for (let k = frame.info.nlocalsplus; k < frame.sp; k++) stack.push(valueView(frame.f[k]));
    return {
      codeIndex: codeIndex.get(frame.code) ?? -1,
      name: frame.code.co_name,
      qualname: frame.code.co_qualname,
      offset,
      position: positionView(frame, offset),
      stack,
      locals: localsView(frame),
    };
  });
}

/** The module's variables in insertion order, without the names every module starts with. */
export function globalsView(vm: Vm): BindingView[] {
  const out: BindingView[] = [];
  for (const [c, v] of vm.globals.values) {
    const key = vm.globals.keyOf(c);
    if (typeof key === 'string' && vm.presetGlobals.has(key)) continue;
    out.push({ name: typeof key === 'string' ? key : boundedRepr(key), value: valueView(v) });
  }
  return out;
}
