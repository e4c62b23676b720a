import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { None, NotSupportedError, Opcode, PyFloat, PyTuple, runModule, type PyValue } from '../../../core/index.js';
import { Vm } from '../../../core/vm/index.js';
import { repr } from '../../../core/objects/abstract.js';
import { repoRoot } from '../../support/paths.js';
import { FUNCTION_FLAGS, assemble, type AsmSpec } from './asm.js';

/**
 * The evaluation loop, one opcode family at a time, on hand-assembled bytecode. Each test runs a
 * module and checks the globals it leaves (as reprs) or the exception it raises.
 */

interface Outcome {
  status: string;
  globals: Record<string, string>;
  stdout: string;
  error: string | null;
  steps: number;
}

function run(spec: AsmSpec): Outcome {
  let stdout = '';
  const vm = new Vm(assemble(spec), { writeStdout: (t) => void (stdout += t), writeStderr: () => undefined });
  vm.run(100_000);
  const globals: Record<string, string> = {};
  for (const [k, v] of vm.globals.entries()) if (typeof k === 'string' && !vm.presetGlobals.has(k)) globals[k] = repr(v);
  const e = vm.exception;
  return { status: vm.status, globals, stdout, error: e ? `${e.type.name}: ${repr(e.args.items[0] ?? '')}` : null, steps: vm.steps };
}

/** Module code computing `a <op> b` for BINARY_OP `op`, stored in x. */
function binary(a: PyValue, b: PyValue, op: number): Outcome {
  return run({
    code: [['LOAD_CONST', 0], ['LOAD_CONST', 1], ['BINARY_OP', op], ['STORE_NAME', 0], ['LOAD_CONST', 2], ['RETURN_VALUE']],
    consts: [a, b, None],
    names: ['x'],
  });
}

const END: AsmSpec['code'] = [['LOAD_CONST', 0], ['RETURN_VALUE']];

describe('evalFrames: stack and constants', () => {
  it('loads constants and stores names', () => {
    const o = run({ code: [['RESUME', 0], ['NOP'], ['LOAD_CONST', 1], ['STORE_NAME', 0], ...END], consts: [None, 42], names: ['x'] });
    assert.equal(o.status, 'finished');
    assert.deepEqual(o.globals, { x: '42' });
  });
  it('counts RESUME, NOP and every instruction as one step, skipping CACHE units', () => {
    const o = binary(2, 3, 0);
    assert.equal(o.steps, 6);
  });
  it('combines EXTENDED_ARG prefixes into the next argument', () => {
    const consts: PyValue[] = Array.from({ length: 300 }, (_, i) => i);
    const o = run({ code: [['LOAD_CONST', 299], ['STORE_NAME', 0], ['LOAD_CONST', 0], ['RETURN_VALUE']], consts, names: ['x'] });
    assert.deepEqual(o.globals, { x: '299' });
    assert.equal(o.steps, 5);
  });
  it('copies and swaps stack entries', () => {
    const o = run({
      code: [['LOAD_CONST', 1], ['LOAD_CONST', 2], ['LOAD_CONST', 3], ['SWAP', 3], ['COPY', 2], ['BUILD_TUPLE', 4], ['STORE_NAME', 0], ['LOAD_CONST', 1], ['POP_TOP'], ...END],
      consts: [None, 'a', 'b', 'c'],
      names: ['x'],
    });
    assert.equal(o.globals.x, "('c', 'b', 'a', 'b')");
  });
});

describe('evalFrames: BINARY_OP', () => {
  const cases: [number, number, number, string][] = [
    [0, 7, 3, '10'],
    [1, 12, 10, '8'],
    [2, -7, 2, '-4'],
    [3, 3, 4, '48'],
    [5, -6, 7, '-42'],
    [6, -7, 3, '2'],
    [7, 12, 3, '15'],
    [8, 3, 4, '81'],
    [9, -20, 2, '-5'],
    [10, 3, 10, '-7'],
    [11, 7, 2, '3.5'],
    [12, 12, 10, '6'],
  ];
  for (const [op, a, b, want] of cases) {
    it(`computes ${a} ${['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'][op]} ${b} as ${want}`, () => {
      assert.equal(binary(a, b, op).globals.x, want);
    });
  }
  it('has no matrix multiplication for ints', () => {
    assert.equal(binary(2, 3, 4).error, "TypeError: \"unsupported operand type(s) for @: 'int' and 'int'\"");
  });
  it('gives the in-place forms (13-25) the same results on immutable values', () => {
    for (let op = 0; op < 13; op++) {
      if (op === 4) continue;
      assert.equal(binary(7, 3, op + 13).globals.x, binary(7, 3, op).globals.x, `op ${op}`);
    }
  });
  it('overflows safe integers into exact big ints and back', () => {
    assert.equal(binary(2 ** 52, 2 ** 52, 0).globals.x, '9007199254740992');
    assert.equal(binary(9007199254740991, 9007199254740991, 5).globals.x, '81129638414606663681390495662081');
    assert.equal(binary(2, 100, 8).globals.x, '1267650600228229401496703205376');
  });
  it('raises ZeroDivisionError with the int and float messages', () => {
    assert.equal(binary(1, 0, 2).error, "ZeroDivisionError: 'integer division or modulo by zero'");
    assert.equal(binary(1, 0, 6).error, "ZeroDivisionError: 'integer modulo by zero'");
    assert.equal(binary(1, 0, 11).error, "ZeroDivisionError: 'division by zero'");
    assert.equal(binary(new PyFloat(1), 0, 11).error, "ZeroDivisionError: 'float division by zero'");
  });
  it('reports unsupported operand types naming both types', () => {
    assert.equal(binary(1, 'a', 0).error, "TypeError: \"unsupported operand type(s) for +: 'int' and 'str'\"");
    assert.equal(binary(1, 'a', 13).error, "TypeError: \"unsupported operand type(s) for +=: 'int' and 'str'\"");
    assert.equal(binary('a', 1, 0).error, 'TypeError: \'can only concatenate str (not "int") to str\'');
    assert.equal(binary(None, 2, 8).error, "TypeError: \"unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'\"");
  });
  it('concatenates and repeats sequences', () => {
    assert.equal(binary('ab', 3, 5).globals.x, "'ababab'");
    assert.equal(binary(2, new PyTuple([1]), 5).globals.x, '(1, 1)');
    assert.equal(binary(new PyTuple([1]), new PyTuple([2]), 0).globals.x, '(1, 2)');
  });
});

describe('evalFrames: unary, comparison, identity and membership', () => {
  const unary = (op: 'UNARY_NEGATIVE' | 'UNARY_POSITIVE' | 'UNARY_NOT' | 'UNARY_INVERT', v: PyValue): Outcome =>
    run({ code: [['LOAD_CONST', 1], [op], ['STORE_NAME', 0], ...END], consts: [None, v], names: ['x'] });
  it('applies the four unary operators', () => {
    assert.equal(unary('UNARY_NEGATIVE', 5).globals.x, '-5');
    assert.equal(unary('UNARY_NEGATIVE', 0).globals.x, '0');
    assert.equal(unary('UNARY_POSITIVE', new PyFloat(-0.5)).globals.x, '-0.5');
    assert.equal(unary('UNARY_NOT', '').globals.x, 'True');
    assert.equal(unary('UNARY_INVERT', 5).globals.x, '-6');
    assert.equal(unary('UNARY_INVERT', true).globals.x, '-2');
    assert.equal(unary('UNARY_NEGATIVE', 'a').error, "TypeError: \"bad operand type for unary -: 'str'\"");
  });
  const compare = (a: PyValue, b: PyValue, op: number, opcode: 'COMPARE_OP' | 'IS_OP' | 'CONTAINS_OP' = 'COMPARE_OP'): Outcome =>
    run({ code: [['LOAD_CONST', 1], ['LOAD_CONST', 2], [opcode, op], ['STORE_NAME', 0], ...END], consts: [None, a, b], names: ['x'] });
  it('compares with all six COMPARE_OP arguments', () => {
    const got = [0, 1, 2, 3, 4, 5].map((op) => compare(2, 3, op).globals.x);
    assert.deepEqual(got, ['True', 'True', 'False', 'True', 'False', 'False']);
    assert.equal(compare('b', 'ab', 4).globals.x, 'True');
    assert.equal(compare(new PyFloat(2.5), 2, 4).globals.x, 'True');
    assert.equal(compare(2n ** 64n, new PyFloat(2 ** 64), 2).globals.x, 'True');
    assert.equal(compare(1, 'a', 0).error, "TypeError: \"'<' not supported between instances of 'int' and 'str'\"");
  });
  it('tests identity and membership, with their negated forms', () => {
    assert.equal(compare(None, None, 0, 'IS_OP').globals.x, 'True');
    assert.equal(compare(None, None, 1, 'IS_OP').globals.x, 'False');
    assert.equal(compare('b', 'abc', 0, 'CONTAINS_OP').globals.x, 'True');
    assert.equal(compare(2, new PyTuple([1, 2]), 1, 'CONTAINS_OP').globals.x, 'False');
    assert.equal(compare(1, 5, 0, 'CONTAINS_OP').error, "TypeError: \"argument of type 'int' is not iterable\"");
  });
});

describe('evalFrames: jumps and loops', () => {
  // x = 'yes' if <const> else 'no', through each conditional jump.
  const jumpTaken = (op: 'POP_JUMP_FORWARD_IF_FALSE' | 'POP_JUMP_FORWARD_IF_TRUE' | 'POP_JUMP_FORWARD_IF_NONE' | 'POP_JUMP_FORWARD_IF_NOT_NONE', v: PyValue): boolean => {
    const o = run({
      code: [['LOAD_CONST', 1], [op, 3], ['LOAD_CONST', 2], ['STORE_NAME', 0], ['JUMP_FORWARD', 2], ['LOAD_CONST', 3], ['STORE_NAME', 0], ...END],
      consts: [None, v, 'fell', 'jumped'],
      names: ['x'],
    });
    return o.globals.x === "'jumped'";
  };
  it('pops and jumps forward on false, true, None and not None', () => {
    assert.deepEqual([jumpTaken('POP_JUMP_FORWARD_IF_FALSE', 0), jumpTaken('POP_JUMP_FORWARD_IF_FALSE', 'x')], [true, false]);
    assert.deepEqual([jumpTaken('POP_JUMP_FORWARD_IF_TRUE', new PyTuple([0])), jumpTaken('POP_JUMP_FORWARD_IF_TRUE', '')], [true, false]);
    assert.deepEqual([jumpTaken('POP_JUMP_FORWARD_IF_NONE', None), jumpTaken('POP_JUMP_FORWARD_IF_NONE', 0)], [true, false]);
    assert.deepEqual([jumpTaken('POP_JUMP_FORWARD_IF_NOT_NONE', false), jumpTaken('POP_JUMP_FORWARD_IF_NOT_NONE', None)], [true, false]);
  });
  it('loops backward until a counter runs out (POP_JUMP_BACKWARD_IF_TRUE)', () => {
    // n = 5; while True: n -= 1; if n: continue  -> ends at 0 after 5 iterations
    const o = run({
      code: [['LOAD_CONST', 1], ['STORE_NAME', 0], ['LOAD_NAME', 0], ['LOAD_CONST', 2], ['BINARY_OP', 23], ['STORE_NAME', 0], ['LOAD_NAME', 0], ['POP_JUMP_BACKWARD_IF_TRUE', 7], ...END],
      consts: [None, 5, 1],
      names: ['n'],
    });
    assert.deepEqual(o.globals, { n: '0' });
    assert.equal(o.steps, 2 + 5 * 6 + 2);
  });
  it('keeps the value when JUMP_IF_TRUE_OR_POP jumps and pops it otherwise', () => {
    const orExpr = (a: PyValue, b: PyValue): string =>
      run({ code: [['LOAD_CONST', 1], ['JUMP_IF_TRUE_OR_POP', 1], ['LOAD_CONST', 2], ['STORE_NAME', 0], ...END], consts: [None, a, b], names: ['x'] }).globals.x;
    assert.equal(orExpr(0, 'b'), "'b'");
    assert.equal(orExpr('a', 'b'), "'a'");
    const andExpr = (a: PyValue, b: PyValue): string =>
      run({ code: [['LOAD_CONST', 1], ['JUMP_IF_FALSE_OR_POP', 1], ['LOAD_CONST', 2], ['STORE_NAME', 0], ...END], consts: [None, a, b], names: ['x'] }).globals.x;
    assert.equal(andExpr(0, 'b'), '0');
    assert.equal(andExpr('a', 'b'), "'b'");
  });
  it('iterates with GET_ITER / FOR_ITER and jumps past the loop when exhausted', () => {
    // total = 0; for v in <iterable>: total += v
    const sum = (iterable: PyValue): string =>
      run({
        code: [['LOAD_CONST', 1], ['STORE_NAME', 0], ['LOAD_CONST', 2], ['GET_ITER'], ['FOR_ITER', 7], ['STORE_NAME', 1], ['LOAD_NAME', 0], ['LOAD_NAME', 1], ['BINARY_OP', 13], ['STORE_NAME', 0], ['JUMP_BACKWARD', 8], ...END],
        consts: [None, 0, iterable],
        names: ['total', 'v'],
      }).globals.total;
    assert.equal(sum(new PyTuple([1, 2, 3])), '6');
    assert.equal(sum(new PyTuple([])), '0');
    assert.equal(sum(new PyTuple([new PyFloat(0.5), 2])), '2.5');
  });
});

describe('evalFrames: containers', () => {
  it('builds lists, tuples, dicts, slices and strings', () => {
    const o = run({
      code: [
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BUILD_LIST', 2], ['STORE_NAME', 0],
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BUILD_TUPLE', 2], ['STORE_NAME', 1],
        ['LOAD_CONST', 3], ['LOAD_CONST', 1], ['LOAD_CONST', 4], ['LOAD_CONST', 2], ['BUILD_MAP', 2], ['STORE_NAME', 2],
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['LOAD_CONST', 5], ['BUILD_CONST_KEY_MAP', 2], ['STORE_NAME', 3],
        ['LOAD_CONST', 0], ['LOAD_CONST', 2], ['BUILD_SLICE', 2], ['STORE_NAME', 4],
        ['LOAD_CONST', 3], ['LOAD_CONST', 4], ['BUILD_STRING', 2], ['STORE_NAME', 5],
        ...END,
      ],
      consts: [None, 1, 2, 'a', 'b', new PyTuple(['k', 'l'])],
      names: ['l', 't', 'd', 'c', 's', 'j'],
    });
    assert.deepEqual(o.globals, { l: '[1, 2]', t: '(1, 2)', d: "{'a': 1, 'b': 2}", c: "{'k': 1, 'l': 2}", s: 'slice(None, 2, None)', j: "'ab'" });
  });
  it('extends, appends, converts and merges', () => {
    const o = run({
      code: [
        ['BUILD_LIST', 0], ['LOAD_CONST', 1], ['LIST_EXTEND', 1], ['LOAD_CONST', 2], ['LIST_APPEND', 1], ['COPY', 1], ['STORE_NAME', 0], ['LIST_TO_TUPLE'], ['STORE_NAME', 1],
        ['BUILD_MAP', 0], ['LOAD_CONST', 2], ['LOAD_CONST', 2], ['MAP_ADD', 1], ['STORE_NAME', 2],
        ...END,
      ],
      consts: [None, new PyTuple([1, 2]), 3],
      names: ['l', 't', 'd'],
    });
    assert.deepEqual(o.globals, { l: '[1, 2, 3]', t: '(1, 2, 3)', d: '{3: 3}' });
  });
  it('subscripts, stores and deletes items', () => {
    const o = run({
      code: [
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['LOAD_CONST', 3], ['BUILD_LIST', 3], ['STORE_NAME', 0],
        ['LOAD_CONST', 4], ['LOAD_NAME', 0], ['LOAD_CONST', 5], ['STORE_SUBSCR'],
        ['LOAD_NAME', 0], ['LOAD_CONST', 1], ['DELETE_SUBSCR'],
        ['LOAD_NAME', 0], ['LOAD_CONST', 5], ['BINARY_SUBSCR'], ['STORE_NAME', 1],
        ...END,
      ],
      consts: [None, 0, 1, 2, 'z', -1],
      names: ['l', 'last'],
    });
    assert.deepEqual(o.globals, { l: "[1, 'z']", last: "'z'" });
  });
  it('raises IndexError and TypeError with CPython subscript messages', () => {
    const sub = (c: PyValue, k: PyValue): Outcome =>
      run({ code: [['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BINARY_SUBSCR'], ['STORE_NAME', 0], ...END], consts: [None, c, k], names: ['x'] });
    assert.equal(sub(new PyTuple([1]), 5).error, "IndexError: 'tuple index out of range'");
    assert.equal(sub('abc', 3).error, "IndexError: 'string index out of range'");
    assert.equal(sub(3, 0).error, "TypeError: \"'int' object is not subscriptable\"");
    assert.equal(sub(new PyTuple([1]), 'x').error, "TypeError: 'tuple indices must be integers or slices, not str'");
  });
  it('unpacks sequences, iterables and starred targets', () => {
    const o = run({
      code: [
        ['LOAD_CONST', 1], ['UNPACK_SEQUENCE', 2], ['STORE_NAME', 0], ['STORE_NAME', 1],
        ['LOAD_CONST', 2], ['UNPACK_EX', 1 | (1 << 8)], ['STORE_NAME', 2], ['STORE_NAME', 3], ['STORE_NAME', 4],
        ...END,
      ],
      consts: [None, new PyTuple([1, 2]), 'abcd'],
      names: ['a', 'b', 'h', 'mid', 't'],
    });
    assert.deepEqual(o.globals, { a: '1', b: '2', h: "'a'", mid: "['b', 'c']", t: "'d'" });
    const bad = (v: PyValue, n: number): string | null =>
      run({ code: [['LOAD_CONST', 1], ['UNPACK_SEQUENCE', n], ...END], consts: [None, v] }).error;
    assert.equal(bad(new PyTuple([1, 2, 3]), 2), "ValueError: 'too many values to unpack (expected 2)'");
    assert.equal(bad('ab', 3), "ValueError: 'not enough values to unpack (expected 3, got 2)'");
    assert.equal(bad(7, 2), "TypeError: 'cannot unpack non-iterable int object'");
  });
});

describe('evalFrames: functions and calls', () => {
  // def f(a, b=10): return a - b
  const f = assemble({
    code: [['RESUME', 0], ['LOAD_FAST', 0], ['LOAD_FAST', 1], ['BINARY_OP', 10], ['RETURN_VALUE']],
    consts: [None],
    varnames: ['a', 'b'],
    argcount: 2,
    flags: FUNCTION_FLAGS,
    name: 'f',
  });
  const callF = (args: AsmSpec['code'], consts: PyValue[]): Outcome =>
    run({
      code: [['LOAD_CONST', 1], ['LOAD_CONST', 2], ['MAKE_FUNCTION', 1], ['STORE_NAME', 0], ['PUSH_NULL'], ['LOAD_NAME', 0], ...args, ['STORE_NAME', 1], ...END],
      consts: [None, new PyTuple([10]), f, ...consts],
      names: ['f', 'x'],
    });
  it('makes a function with defaults and calls it in the same loop', () => {
    assert.equal(callF([['LOAD_CONST', 3], ['PRECALL', 1], ['CALL', 1]], [15]).globals.x, '5');
    assert.equal(callF([['LOAD_CONST', 3], ['LOAD_CONST', 3], ['PRECALL', 2], ['CALL', 2]], [15]).globals.x, '0');
  });
  it('binds keyword arguments named by KW_NAMES', () => {
    const o = callF([['LOAD_CONST', 3], ['LOAD_CONST', 4], ['KW_NAMES', 5], ['PRECALL', 2], ['CALL', 2]], [1, 100, new PyTuple(['b'])]);
    assert.equal(o.globals.x, '-99');
  });
  it('reports missing and surplus arguments with CPython messages', () => {
    assert.equal(callF([['PRECALL', 0], ['CALL', 0]], []).error, "TypeError: \"f() missing 1 required positional argument: 'a'\"");
    assert.equal(
      callF([['LOAD_CONST', 3], ['LOAD_CONST', 3], ['LOAD_CONST', 3], ['PRECALL', 3], ['CALL', 3]], [1]).error,
      "TypeError: 'f() takes from 1 to 2 positional arguments but 3 were given'",
    );
    assert.equal(
      callF([['LOAD_CONST', 3], ['LOAD_CONST', 3], ['KW_NAMES', 4], ['PRECALL', 2], ['CALL', 2]], [1, new PyTuple(['c'])]).error,
      "TypeError: \"f() got an unexpected keyword argument 'c'\"",
    );
  });
  it('calls builtins found through LOAD_GLOBAL with the NULL bit', () => {
    const o = run({
      code: [['LOAD_GLOBAL', 1], ['LOAD_CONST', 1], ['PRECALL', 1], ['CALL', 1], ['STORE_NAME', 1], ...END],
      consts: [None, 'hello'],
      names: ['len', 'n'],
    });
    assert.deepEqual(o.globals, { n: '5' });
  });
  it('raises UnboundLocalError for a local read before assignment', () => {
    const g = assemble({ code: [['LOAD_FAST', 0], ['RETURN_VALUE']], consts: [None], varnames: ['v'], flags: FUNCTION_FLAGS, name: 'g' });
    const o = run({ code: [['LOAD_CONST', 1], ['MAKE_FUNCTION', 0], ['PUSH_NULL'], ['SWAP', 2], ['PRECALL', 0], ['CALL', 0], ...END], consts: [None, g] });
    assert.equal(o.error, "UnboundLocalError: \"cannot access local variable 'v' where it is not associated with a value\"");
  });
});

describe('evalFrames: exceptions', () => {
  it('unwinds to a handler from co_exceptiontable and matches the exception type', () => {
    // try: x = 1 // 0  except ZeroDivisionError: x = 'caught'
    const o = run({
      code: [
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BINARY_OP', 2], ['STORE_NAME', 0], ['LOAD_CONST', 0], ['RETURN_VALUE'],
        ['PUSH_EXC_INFO'], ['LOAD_NAME', 1], ['CHECK_EXC_MATCH'], ['POP_JUMP_FORWARD_IF_FALSE', 6], ['POP_TOP'], ['LOAD_CONST', 3], ['STORE_NAME', 0], ['POP_EXCEPT'], ['LOAD_CONST', 0], ['RETURN_VALUE'],
        ['RERAISE', 0],
      ],
      consts: [None, 1, 0, 'caught'],
      names: ['x', 'ZeroDivisionError'],
      handlers: [{ start: 0, end: 4, target: 6, depth: 0 }],
    });
    assert.equal(o.status, 'finished');
    assert.deepEqual(o.globals, { x: "'caught'" });
  });
  it('re-raises an exception that does not match', () => {
    const o = run({
      code: [
        ['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BINARY_OP', 2], ['STORE_NAME', 0], ['LOAD_CONST', 0], ['RETURN_VALUE'],
        ['PUSH_EXC_INFO'], ['LOAD_NAME', 1], ['CHECK_EXC_MATCH'], ['POP_JUMP_FORWARD_IF_FALSE', 4], ['POP_TOP'], ['POP_EXCEPT'], ['LOAD_CONST', 0], ['RETURN_VALUE'],
        ['RERAISE', 0],
      ],
      consts: [None, 1, 0],
      names: ['x', 'KeyError'],
      handlers: [{ start: 0, end: 4, target: 6, depth: 0 }],
    });
    assert.equal(o.status, 'raised');
    assert.equal(o.error, "ZeroDivisionError: 'integer division or modulo by zero'");
  });
  it('raises with RAISE_VARARGS, instantiating exception classes', () => {
    const o = run({ code: [['LOAD_NAME', 0], ['LOAD_CONST', 1], ['PRECALL', 0], ['CALL', 0], ['RAISE_VARARGS', 1]], consts: [None, 'boom'], names: ['ValueError'] });
    assert.equal(o.error, "ValueError: 'boom'");
    const bare = run({ code: [['LOAD_NAME', 0], ['RAISE_VARARGS', 1]], names: ['KeyError'] });
    assert.equal(bare.error, "KeyError: ''");
  });
  it('reports an opcode it does not implement as NotSupportedError naming its construct, before running', () => {
    const code = assemble({ code: [['LOAD_BUILD_CLASS'], ...END], consts: [None] });
    assert.throws(() => runModule(code, { writeStdout: () => undefined, writeStderr: () => undefined }), (e: unknown) => {
      return e instanceof NotSupportedError && e.message === 'not supported yet: class definition at line 1';
    });
  });
});

describe('runModule', () => {
  const forever = assemble({ code: [['NOP'], ['JUMP_BACKWARD', 2]], consts: [None] });
  it('stops a program that loops forever when the host asks', () => {
    let polls = 0;
    const r = runModule(forever, { writeStdout: () => undefined, writeStderr: () => undefined, shouldStop: () => ++polls > 5 });
    assert.deepEqual(r, { status: 'stopped', exitCode: 130 });
    assert.equal(polls, 6);
  });
  it('stops after maxSteps instructions', () => {
    const r = runModule(forever, { writeStdout: () => undefined, writeStderr: () => undefined, maxSteps: 1000 });
    assert.equal(r.status, 'stopped');
  });
  it('prints the traceback of an uncaught exception to stderr and exits with 1', () => {
    let err = '';
    const code = assemble({ code: [['LOAD_NAME', 0], ...END], consts: [None], names: ['undefined_name'] });
    const r = runModule(code, { writeStdout: () => undefined, writeStderr: (t) => void (err += t) });
    assert.deepEqual(r, { status: 'raised', exitCode: 1 });
    assert.equal(err, "Traceback (most recent call last):\n  File \"asm.py\", line 1, in <module>\nNameError: name 'undefined_name' is not defined\n");
  });
});

describe('interpreter.ts', () => {
  it('labels every case with the opcode its number stands for', () => {
    const source = readFileSync(join(repoRoot, 'core', 'vm', 'interpreter.ts'), 'utf8');
    const labels = [...source.matchAll(/case (\d+):(?: \{)?\s*\/\/ ([A-Z_]+)/g)];
    assert.ok(labels.length > 80);
    for (const [, num, name] of labels) assert.equal(Opcode[name as keyof typeof Opcode], Number(num), name);
  });
});
