import '../objects/runtime.js';
import { OPNAME } from '../bytecode/opcodes.generated.js';
import {
  binaryOp,
  call,
  contains,
  delItem,
  getItem,
  getIter,
  inplaceOp,
  invert,
  isTrue,
  negative,
  next,
  positive,
  recursion,
  richCompare,
  setItem,
} from '../objects/abstract.js';
import { PyDict } from '../objects/dict.js';
import { AssertionError, newError, PyBaseException, RecursionError, unboundLocalError } from '../objects/exceptions.js';
import { bigBinary, intAdd, intFloorDiv, intMod, intMul, intSub } from '../objects/int.js';
import { PyBuiltinFunction, PyCell, PyFunction, PyMethod, PyMethodDescriptor } from '../objects/function.js';
import { PyType, listType, typeOf } from '../objects/types.js';
import { PyList, PyListIterator } from '../objects/list.js';
import { PyRangeIterator } from '../objects/range.js';
import { PySlice } from '../objects/slice.js';
import { compareStr } from '../objects/str.js';
import { None, PyFloat, PyTuple, type PyInt, type PyValue } from '../objects/values.js';
import { InternalError, NotSupportedError } from '../source/errors.js';
import type { Frame, ThreadState } from './frame.js';
import { callGuarded, pushFunctionFrame } from './ops/calls.js';
import {
  buildConstKeyMap,
  buildMap,
  buildString,
  dictMerge,
  dictUpdate,
  formatValue,
  listExtend,
  makeFunction,
  prepareCallEx,
  unpackEx,
  unpackIterable,
} from './ops/build.js';
import { checkCompareRecursion, subscriptFast } from './ops/compare.js';
import { deleteName, loadGlobalMiss, loadNameMiss, freeVarError } from './ops/names.js';
import { addTraceback, checkExcMatch, raiseVarargs, setContext } from './ops/exceptions.js';
import { loadAttr, loadMethod, storeAttr, deleteAttr, setupAnnotations } from './ops/attributes.js';

/**
 * The evaluation loop: CPython 3.11's _PyEval_EvalFrameDefault over the code units of co_code.
 *
 * Shape, for speed: the current frame's arrays and indices live in locals; each instruction is
 * one switch arm on the opcode (numeric case labels, so V8 builds a jump table); ints that fit a
 * JS number, strs and floats take inline fast paths before the generic protocol of
 * objects/abstract.ts. Python-to-Python calls push a Frame and continue in this same loop, and
 * RETURN_VALUE pops it: no JS recursion, as in CPython 3.11, which also lets a stepper stop
 * between any two instructions.
 *
 * `budget` bounds the instructions executed (EXTENDED_ARG counts as one; CACHE units are skipped
 * as part of their instruction). Python exceptions are thrown as PyBaseException objects by
 * anything below and caught in exactly one place, the unwinder at the bottom, which consults
 * co_exceptiontable as CPython's exception_unwind does.
 *
 * Opcodes the interpreter does not implement raise NotSupportedError naming them (the opcode is a
 * byte, not a union, so the default arm plays the part of assertNever).
 *
 * The loop is one function on purpose, so it runs past the usual file size: splitting the
 * switch would turn each instruction into a call and lose the locals. Everything that is not
 * the common path lives in ops/.
 * CPython: Python/ceval.c.
 */

/** list.append, which CALL runs inline (CPython: PRECALL_NO_KW_LIST_APPEND). */
const LIST_APPEND = listType.dict.get('append');

/** evalFrames results. */
export const EXIT_BUDGET = 0;
export const EXIT_RETURNED = 1;
export const EXIT_RAISED = 2;

export function evalFrames(ts: ThreadState, budget: number): number {
  let frame = ts.frame as Frame;
  let info = frame.info;
  let code = info.bytes;
  let words = info.words;
  let consts = info.consts;
  let names = info.names;
  let f = frame.f;
  let globals = frame.globals;
  let sp = frame.sp;
  let pc = frame.pc;
  let ext = ts.ext;
  ts.ext = 0;
  let here = pc;
  let reraise = false;
  const start = budget;

  for (;;) {
    try {
      for (;;) {
        if (budget <= 0) {
          frame.sp = sp;
          frame.pc = pc;
          ts.frame = frame;
          ts.ext = ext;
          ts.executed = start - budget;
          ts.steps += ts.executed;
          return EXIT_BUDGET;
        }
        budget--;
        here = pc;
        const word = words[pc >> 1];
        const op = word & 0xff;
        const oparg = (word >> 8) | ext;
        ext = 0;
        pc += 2;
        switch (op) {
          case 9: // NOP
          case 151: // RESUME
            continue;
          case 144: // EXTENDED_ARG
            ext = oparg << 8;
            continue;
          case 1: // POP_TOP
            sp--;
            continue;
          case 2: // PUSH_NULL
            f[sp++] = null;
            continue;
          case 120: // COPY
            f[sp] = f[sp - oparg];
            sp++;
            continue;
          case 99: {
            // SWAP
            const t = f[sp - 1];
            f[sp - 1] = f[sp - oparg];
            f[sp - oparg] = t;
            continue;
          }
          case 100: // LOAD_CONST
            f[sp++] = consts[oparg];
            continue;
          case 124: {
            // LOAD_FAST
            const v = f[oparg];
            if (v === null) throw unboundLocalError(frame.code.co_localsplusnames[oparg]);
            f[sp++] = v;
            continue;
          }
          case 125: // STORE_FAST
            f[oparg] = f[--sp];
            continue;
          case 126: // DELETE_FAST
            if (f[oparg] === null) throw unboundLocalError(frame.code.co_localsplusnames[oparg]);
            f[oparg] = null;
            continue;
          case 101: {
            // LOAD_NAME
            const name = names[oparg];
            let v = (frame.locals as PyDict).values.get(name);
            if (v === undefined) v = globals.values.get(name);
            if (v === undefined) v = frame.builtins.values.get(name);
            if (v === undefined) throw loadNameMiss(name);
            f[sp++] = v;
            continue;
          }
          case 90: // STORE_NAME
            (frame.locals as PyDict).values.set(names[oparg], f[--sp] as PyValue);
            continue;
          case 91: // DELETE_NAME
            deleteName(frame.locals as PyDict, names[oparg]);
            continue;
          case 116: {
            // LOAD_GLOBAL
            const name = names[oparg >> 1];
            let v = globals.values.get(name);
            if (v === undefined) v = frame.builtins.values.get(name);
            if (v === undefined) throw loadGlobalMiss(name);
            if (oparg & 1) f[sp++] = null;
            f[sp++] = v;
            pc += 10;
            continue;
          }
          case 97: // STORE_GLOBAL
            globals.values.set(names[oparg], f[--sp] as PyValue);
            continue;
          case 98: // DELETE_GLOBAL
            deleteName(globals, names[oparg]);
            continue;
          case 135: {
            // MAKE_CELL
            f[oparg] = new PyCell(f[oparg]);
            continue;
          }
          case 136: // LOAD_CLOSURE
            f[sp++] = f[oparg];
            continue;
          case 137: {
            // LOAD_DEREF
            const v = (f[oparg] as PyCell).contents;
            if (v === null) throw freeVarError(frame.code, oparg);
            f[sp++] = v;
            continue;
          }
          case 138: // STORE_DEREF
            (f[oparg] as PyCell).contents = f[--sp];
            continue;
          case 139: {
            // DELETE_DEREF
            const cell = f[oparg] as PyCell;
            if (cell.contents === null) throw freeVarError(frame.code, oparg);
            cell.contents = null;
            continue;
          }
          case 149: {
            // COPY_FREE_VARS
            const closure = (frame.func as PyFunction).closure as readonly PyCell[];
            const offset = info.nlocalsplus - oparg;
            for (let i = 0; i < oparg; i++) f[offset + i] = closure[i];
            continue;
          }

          case 122: {
            // BINARY_OP
            const b = f[--sp] as PyValue;
            const a = f[sp - 1] as PyValue;
            pc += 2;
            if (typeof a === 'number' && typeof b === 'number') {
              let r: number;
              switch (oparg) {
                case 0: // +
                case 13:
                  r = a + b;
                  f[sp - 1] = Number.isSafeInteger(r) ? r : intAdd(a, b);
                  continue;
                case 10: // -
                case 23:
                  r = a - b;
                  f[sp - 1] = Number.isSafeInteger(r) ? r : intSub(a, b);
                  continue;
                case 5: // *
                case 18:
                  r = a * b + 0;
                  f[sp - 1] = Number.isSafeInteger(r) ? r : intMul(a, b);
                  continue;
                case 2: // //
                case 15:
                  if (b !== 0) {
                    f[sp - 1] = intFloorDiv(a, b);
                    continue;
                  }
                  break;
                case 6: // %
                case 19:
                  if (b !== 0) {
                    f[sp - 1] = intMod(a, b);
                    continue;
                  }
                  break;
                case 11: // /
                case 24:
                  if (b !== 0) {
                    f[sp - 1] = new PyFloat(a / b);
                    continue;
                  }
                  break;
              }
            } else if (typeof a === 'bigint' ? typeof b === 'bigint' || typeof b === 'number' : typeof b === 'bigint' && typeof a === 'number') {
              const r = bigBinary(a as PyInt, b as PyInt, oparg);
              if (r !== undefined) {
                f[sp - 1] = r;
                continue;
              }
            } else if (typeof a === 'string' && typeof b === 'string' && (oparg === 0 || oparg === 13)) {
              f[sp - 1] = a + b;
              continue;
            } else if (a instanceof PyFloat && b instanceof PyFloat) {
              switch (oparg) {
                case 0:
                case 13:
                  f[sp - 1] = new PyFloat(a.value + b.value);
                  continue;
                case 10:
                case 23:
                  f[sp - 1] = new PyFloat(a.value - b.value);
                  continue;
                case 5:
                case 18:
                  f[sp - 1] = new PyFloat(a.value * b.value);
                  continue;
              }
            }
            f[sp - 1] = oparg < 13 ? binaryOp(a, b, oparg) : inplaceOp(a, b, oparg - 13);
            continue;
          }
          case 107: {
            // COMPARE_OP
            const b = f[--sp] as PyValue;
            const a = f[sp - 1] as PyValue;
            pc += 4;
            if (recursion.depth >= recursion.limit) checkCompareRecursion(a, b, oparg, code, pc);
            if (typeof a === 'number' && typeof b === 'number') {
              f[sp - 1] = compareNumbers(a, b, oparg);
            } else if (typeof a === 'string' && typeof b === 'string') {
              const c = compareStr(a, b);
              f[sp - 1] = compareNumbers(c, 0, oparg);
            } else {
              f[sp - 1] = richCompare(a, b, oparg);
            }
            continue;
          }
          case 117: {
            // IS_OP
            const b = f[--sp];
            const r = f[sp - 1] === b;
            f[sp - 1] = oparg ? !r : r;
            continue;
          }
          case 118: {
            // CONTAINS_OP
            const b = f[--sp] as PyValue;
            const r = contains(b, f[sp - 1] as PyValue);
            f[sp - 1] = oparg ? !r : r;
            continue;
          }
          case 11: // UNARY_NEGATIVE
            {
              const v = f[sp - 1] as PyValue;
              f[sp - 1] = typeof v === 'number' ? 0 - v : negative(v);
            }
            continue;
          case 10: // UNARY_POSITIVE
            f[sp - 1] = positive(f[sp - 1] as PyValue);
            continue;
          case 12: {
            // UNARY_NOT
            const v = f[sp - 1] as PyValue;
            f[sp - 1] = typeof v === 'boolean' ? !v : !isTrue(v);
            continue;
          }
          case 15: // UNARY_INVERT
            f[sp - 1] = invert(f[sp - 1] as PyValue);
            continue;

          case 110: // JUMP_FORWARD
            pc += oparg << 1;
            continue;
          case 140: // JUMP_BACKWARD
          case 134: // JUMP_BACKWARD_NO_INTERRUPT
            pc -= oparg << 1;
            continue;
          case 114: {
            // POP_JUMP_FORWARD_IF_FALSE
            const v = f[--sp];
            if (v === false || (v !== true && !isTrue(v as PyValue))) pc += oparg << 1;
            continue;
          }
          case 115: {
            // POP_JUMP_FORWARD_IF_TRUE
            const v = f[--sp];
            if (v === true || (v !== false && isTrue(v as PyValue))) pc += oparg << 1;
            continue;
          }
          case 175: {
            // POP_JUMP_BACKWARD_IF_FALSE
            const v = f[--sp];
            if (v === false || (v !== true && !isTrue(v as PyValue))) pc -= oparg << 1;
            continue;
          }
          case 176: {
            // POP_JUMP_BACKWARD_IF_TRUE
            const v = f[--sp];
            if (v === true || (v !== false && isTrue(v as PyValue))) pc -= oparg << 1;
            continue;
          }
          case 129: // POP_JUMP_FORWARD_IF_NONE
            if (f[--sp] === None) pc += oparg << 1;
            continue;
          case 128: // POP_JUMP_FORWARD_IF_NOT_NONE
            if (f[--sp] !== None) pc += oparg << 1;
            continue;
          case 174: // POP_JUMP_BACKWARD_IF_NONE
            if (f[--sp] === None) pc -= oparg << 1;
            continue;
          case 173: // POP_JUMP_BACKWARD_IF_NOT_NONE
            if (f[--sp] !== None) pc -= oparg << 1;
            continue;
          case 111: {
            // JUMP_IF_FALSE_OR_POP
            const v = f[sp - 1];
            if (v === false || (v !== true && !isTrue(v as PyValue))) pc += oparg << 1;
            else sp--;
            continue;
          }
          case 112: {
            // JUMP_IF_TRUE_OR_POP
            const v = f[sp - 1];
            if (v === true || (v !== false && isTrue(v as PyValue))) pc += oparg << 1;
            else sp--;
            continue;
          }

          case 68: // GET_ITER
            f[sp - 1] = getIter(f[sp - 1] as PyValue);
            continue;
          case 93: {
            // FOR_ITER
            const it = f[sp - 1];
            if (it instanceof PyRangeIterator) {
              if (it.remaining > 0) {
                f[sp++] = it.next;
                it.next += it.step;
                it.remaining--;
              } else {
                sp--;
                pc += oparg << 1;
              }
              continue;
            }
            if (it instanceof PyListIterator) {
              const l = it.list;
              if (l !== null && it.index < l.items.length) {
                f[sp++] = l.items[it.index++];
              } else {
                it.list = null;
                sp--;
                pc += oparg << 1;
              }
              continue;
            }
            const v = next(it as PyValue);
            if (v !== undefined) f[sp++] = v;
            else {
              sp--;
              pc += oparg << 1;
            }
            continue;
          }

          case 102: {
            // BUILD_TUPLE
            const items = f.slice(sp - oparg, sp) as PyValue[];
            sp -= oparg;
            f[sp++] = new PyTuple(items);
            continue;
          }
          case 103: {
            // BUILD_LIST
            const items = f.slice(sp - oparg, sp) as PyValue[];
            sp -= oparg;
            f[sp++] = new PyList(items);
            continue;
          }
          case 105: // BUILD_MAP
            sp = buildMap(f, sp, oparg);
            continue;
          case 156: // BUILD_CONST_KEY_MAP
            sp = buildConstKeyMap(f, sp, oparg);
            continue;
          case 133: {
            // BUILD_SLICE
            const step = oparg === 3 ? (f[--sp] as PyValue) : None;
            const stop = f[--sp] as PyValue;
            f[sp - 1] = new PySlice(f[sp - 1] as PyValue, stop, step);
            continue;
          }
          case 157: // BUILD_STRING
            sp = buildString(f, sp, oparg);
            continue;
          case 155: // FORMAT_VALUE
            sp = formatValue(f, sp, oparg);
            continue;
          case 145: {
            // LIST_APPEND
            const v = f[--sp] as PyValue;
            (f[sp - oparg] as PyList).items.push(v);
            continue;
          }
          case 162: // LIST_EXTEND
            sp = listExtend(f, sp, oparg);
            continue;
          case 82: // LIST_TO_TUPLE
            f[sp - 1] = new PyTuple((f[sp - 1] as PyList).items.slice());
            continue;
          case 147: {
            // MAP_ADD
            const value = f[--sp] as PyValue;
            const key = f[--sp] as PyValue;
            (f[sp - oparg] as PyDict).set(key, value);
            continue;
          }
          case 165: // DICT_UPDATE
            sp = dictUpdate(f, sp, oparg);
            continue;
          case 164: // DICT_MERGE
            sp = dictMerge(f, sp, oparg);
            continue;

          case 25: {
            // BINARY_SUBSCR
            const key = f[--sp] as PyValue;
            const container = f[sp - 1] as PyValue;
            pc += 8;
            const r = subscriptFast(container, key);
            f[sp - 1] = r !== undefined ? r : getItem(container, key);
            continue;
          }
          case 60: {
            // STORE_SUBSCR
            const key = f[sp - 1] as PyValue;
            const container = f[sp - 2] as PyValue;
            const value = f[sp - 3] as PyValue;
            sp -= 3;
            pc += 2;
            if (container instanceof PyList && typeof key === 'number' && key >= 0 && key < container.items.length) {
              container.items[key] = value;
            } else setItem(container, key, value);
            continue;
          }
          case 61: {
            // DELETE_SUBSCR
            const key = f[sp - 1] as PyValue;
            const container = f[sp - 2] as PyValue;
            sp -= 2;
            delItem(container, key);
            continue;
          }
          case 92: {
            // UNPACK_SEQUENCE
            const seq = f[sp - 1] as PyValue;
            pc += 2;
            if ((seq instanceof PyTuple || seq instanceof PyList) && seq.items.length === oparg) {
              const items = seq.items;
              sp--;
              for (let i = oparg - 1; i >= 0; i--) f[sp++] = items[i];
            } else {
              sp = unpackIterable(f, sp, oparg);
            }
            continue;
          }
          case 94: // UNPACK_EX
            sp = unpackEx(f, sp, oparg);
            continue;

          case 172: // KW_NAMES
            ts.kwnames = (consts[oparg] as PyTuple).items as readonly string[];
            continue;
          case 166: {
            // PRECALL
            pc += 2;
            const callable = f[sp - oparg - 1];
            if (f[sp - oparg - 2] === null && callable instanceof PyMethod) {
              f[sp - oparg - 2] = callable.func;
              f[sp - oparg - 1] = callable.self;
            }
            continue;
          }
          case 171: {
            // CALL
            const kwnames = ts.kwnames;
            ts.kwnames = null;
            pc += 8;
            const isMethod = f[sp - oparg - 2] !== null;
            const callable = (isMethod ? f[sp - oparg - 2] : f[sp - oparg - 1]) as PyValue;
            const argStart = isMethod ? sp - oparg - 1 : sp - oparg;
            const nargs = isMethod ? oparg + 1 : oparg;
            if (callable instanceof PyFunction) {
              const callee = pushFunctionFrame(callable, f, argStart, nargs, kwnames, frame);
              sp -= oparg + 2;
              frame.sp = sp;
              frame.pc = pc;
              // CPython leaves prev_instr on the CALL's last cache unit while the callee runs.
              frame.lasti = pc - 2;
              frame = callee;
              info = frame.info;
              code = info.bytes;
              words = info.words;
              consts = info.consts;
              names = info.names;
              f = frame.f;
              globals = frame.globals;
              sp = frame.sp;
              pc = 0;
              continue;
            }
            frame.lasti = here;
            ts.frame = frame; // builtins that call back into Python push their frames above this one
            if (isMethod && callable instanceof PyMethodDescriptor && kwnames === null) {
              // A method of a builtin type found by LOAD_METHOD: call it on the object directly.
              const self = f[argStart] as PyValue;
              if (callable === LIST_APPEND && oparg === 1 && self instanceof PyList) {
                self.items.push(f[sp - 1] as PyValue);
                sp -= 3;
                f[sp++] = None;
                continue;
              }
              if (typeOf(self).isSubtype(callable.owner)) {
                const result = callable.impl(self, f.slice(argStart + 1, argStart + nargs) as PyValue[], null);
                sp -= oparg + 2;
                f[sp++] = result;
                continue;
              }
            }
            const args = f.slice(argStart, argStart + nargs) as PyValue[];
            let result: PyValue;
            if (callable instanceof PyBuiltinFunction) {
              result = callable.levels.length === 0 ? callable.impl(args, kwnames) : callGuarded(callable.impl, callable.levels, args, kwnames);
            } else if (callable instanceof PyType && callable.callLevels.length !== 0) {
              frame.sp = sp;
              result = callGuarded((a, k) => call(callable, a, k), callable.callLevels, args, kwnames);
            } else {
              frame.sp = sp;
              result = call(callable, args, kwnames);
            }
            sp -= oparg + 2;
            f[sp++] = result;
            continue;
          }
          case 142: {
            // CALL_FUNCTION_EX: [NULL, func, args, kwargs?]
            const ex = prepareCallEx(f, sp, oparg);
            sp -= oparg & 1 ? 4 : 3;
            frame.lasti = here;
            if (ex.func instanceof PyFunction) {
              const callee = pushFunctionFrame(ex.func, ex.args, 0, ex.args.length, ex.kwnames, frame);
              frame.sp = sp;
              frame.pc = pc;
              frame.lasti = pc - 2;
              frame = callee;
              info = frame.info;
              code = info.bytes;
              words = info.words;
              consts = info.consts;
              names = info.names;
              f = frame.f;
              globals = frame.globals;
              sp = frame.sp;
              pc = 0;
              continue;
            }
            frame.sp = sp;
            ts.frame = frame;
            const exFunc = ex.func;
            if (exFunc instanceof PyBuiltinFunction && exFunc.levels.length !== 0) {
              f[sp++] = callGuarded(exFunc.impl, exFunc.levels, ex.args, ex.kwnames);
            } else f[sp++] = call(exFunc, ex.args, ex.kwnames);
            continue;
          }
          case 132: // MAKE_FUNCTION
            sp = makeFunction(f, sp, oparg, frame);
            continue;
          case 83: {
            // RETURN_VALUE
            const retval = f[--sp] as PyValue;
            recursion.depth--;
            const back = frame.back;
            if (frame.entry || back === null) {
              frame.sp = sp;
              frame.pc = pc;
              ts.frame = back;
              ts.retval = retval;
              ts.executed = start - budget;
              ts.steps += ts.executed;
              return EXIT_RETURNED;
            }
            frame = back;
            info = frame.info;
            code = info.bytes;
            words = info.words;
            consts = info.consts;
            names = info.names;
            f = frame.f;
            globals = frame.globals;
            sp = frame.sp;
            pc = frame.pc;
            f[sp++] = retval;
            continue;
          }

          case 106: // LOAD_ATTR
            f[sp - 1] = loadAttr(f[sp - 1] as PyValue, names[oparg]);
            pc += 8;
            continue;
          case 160: // LOAD_METHOD
            sp = loadMethod(f, sp, names[oparg]);
            pc += 20;
            continue;
          case 95: // STORE_ATTR
            storeAttr(f[sp - 1] as PyValue, names[oparg], f[sp - 2] as PyValue);
            sp -= 2;
            pc += 8;
            continue;
          case 96: // DELETE_ATTR
            deleteAttr(f[--sp] as PyValue, names[oparg]);
            continue;
          case 85: // SETUP_ANNOTATIONS
            setupAnnotations(frame);
            continue;

          case 35: {
            // PUSH_EXC_INFO
            const exc = f[sp - 1] as PyBaseException;
            f[sp - 1] = ts.handled ?? None;
            f[sp++] = exc;
            ts.handled = exc;
            continue;
          }
          case 89: {
            // POP_EXCEPT
            const v = f[--sp];
            ts.handled = v === None ? null : (v as PyBaseException);
            continue;
          }
          case 36: {
            // CHECK_EXC_MATCH
            const right = f[sp - 1] as PyValue;
            f[sp - 1] = checkExcMatch(f[sp - 2] as PyValue, right);
            continue;
          }
          case 119: {
            // RERAISE
            const exc = f[--sp] as PyBaseException;
            frame.lasti = oparg ? (f[sp - oparg] as number) << 1 : here;
            reraise = true;
            throw exc;
          }
          case 130: // RAISE_VARARGS
            if (oparg === 0) {
              // A bare `raise` restores the handled exception as is: no new traceback entry.
              frame.lasti = here;
              reraise = true;
            }
            throw raiseVarargs(ts, f, sp, oparg);
          case 74: // LOAD_ASSERTION_ERROR
            f[sp++] = AssertionError;
            continue;

          case 0: // CACHE
            throw new InternalError(`executed a CACHE unit at offset ${here} of ${frame.code.co_qualname}`);
          default:
            throw new NotSupportedError(`opcode ${OPNAME[op]}`, info.lineAt(here) ?? 0);
        }
      }
    } catch (e) {
      let exc: PyBaseException;
      if (e instanceof PyBaseException) exc = e;
      else if (e instanceof RangeError && /call stack/i.test(e.message)) {
        exc = newError(RecursionError, 'maximum recursion depth exceeded');
      } else {
        ts.executed = start - budget;
        ts.steps += ts.executed;
        frame.sp = sp;
        frame.pc = here;
        ts.frame = frame;
        if (e instanceof NotSupportedError && e.lineno === 0) throw new NotSupportedError(e.construct, info.lineAt(here) ?? 0);
        throw e;
      }
      if (reraise) reraise = false;
      else {
        frame.lasti = here;
        setContext(ts, exc);
        addTraceback(exc, frame);
      }
      // exception_unwind: find a handler in this frame, else pop frames outward. The handler is
      // looked up at the instruction executing (not at lasti, which RERAISE may have moved).
      for (let at = here; ; at = frame.lasti) {
        const handler = frame.info.findHandler(at);
        if (handler !== null) {
          info = frame.info;
          code = info.bytes;
          words = info.words;
          consts = info.consts;
          names = info.names;
          f = frame.f;
          globals = frame.globals;
          sp = info.nlocalsplus + handler.depth;
          if (handler.lasti) f[sp++] = frame.lasti >> 1;
          f[sp++] = exc;
          pc = handler.target;
          break;
        }
        recursion.depth--;
        const back = frame.back;
        if (frame.entry || back === null) {
          frame.sp = info.nlocalsplus;
          ts.frame = back;
          ts.exc = exc;
          ts.executed = start - budget;
          ts.steps += ts.executed;
          return EXIT_RAISED;
        }
        frame = back;
        info = frame.info;
        addTraceback(exc, frame);
      }
    }
  }
}

/** COMPARE_OP on two JS numbers (ints, or a three-way result against 0). */
function compareNumbers(a: number, b: number, op: number): boolean {
  switch (op) {
    case 0:
      return a < b;
    case 1:
      return a <= b;
    case 2:
      return a === b;
    case 3:
      return a !== b;
    case 4:
      return a > b;
    default:
      return a >= b;
  }
}
