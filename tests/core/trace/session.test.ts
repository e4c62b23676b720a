import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NotSupportedError, PyTuple, None, compile, startTrace, type MachineState } from '../../../core/index.js';
import { listCases, type CodeJson } from '../../support/goldens.js';
import { goldenCode, type RunJson } from '../vm/golden-run.js';
import { FUNCTION_FLAGS, assemble } from '../vm/asm.js';

/**
 * The step API: one instruction per forward(), going back by replay, goTo in both directions,
 * and the machine state a renderer draws (frames, stack, locals, globals, output, exception).
 */

function caseSession(name: string) {
  const c = listCases('programs').find((k) => k.name === name)!;
  const code = goldenCode(JSON.parse(c.expected('.code.json')!) as CodeJson);
  const source = readFileSync(c.sourcePath, 'utf8');
  return { session: startTrace(code, { sourceText: (f) => (f.startsWith('<DIR>/') ? source : null) }), want: JSON.parse(c.expected('.run.json')!) as RunJson };
}

describe('startTrace', () => {
  it('starts at step 0 before the first instruction', () => {
    const { session } = caseSession('walkthrough');
    const s = session.state();
    assert.equal(s.step, 0);
    assert.equal(s.status, 'running');
    assert.equal(s.frames.length, 1);
    assert.equal(s.frames[0].offset, 0);
    assert.equal(s.frames[0].name, '<module>');
    assert.equal(s.last, undefined);
    assert.deepEqual(s.globals, []);
    assert.equal(session.totalSteps, null);
  });

  it('executes exactly one instruction per forward()', () => {
    const { session } = caseSession('walkthrough');
    const a = session.forward();
    assert.equal(a.step, 1);
    assert.deepEqual(a.last, { codeIndex: 0, offset: 0, opname: 'RESUME' });
    assert.equal(a.frames[0].offset, 2);
    const b = session.forward();
    assert.deepEqual(b.last, { codeIndex: 0, offset: 2, opname: 'LOAD_CONST' });
    assert.equal(b.frames[0].stack.length, 1);
    assert.equal(b.frames[0].stack[0].type, 'code');
  });

  it('returns to the same state going forward N then back as going forward N-1', () => {
    const { session } = caseSession('recursion');
    const states: string[] = [JSON.stringify(session.state())];
    for (let n = 1; n <= 400; n++) states.push(JSON.stringify(session.forward()));
    for (let n = 400; n >= 1; n--) {
      session.goTo(n);
      assert.equal(JSON.stringify(session.back()), states[n - 1], `back from ${n}`);
    }
  });

  it('goes to any step in either direction with identical states', () => {
    const { session } = caseSession('functions');
    const seen = new Map<number, string>();
    for (const n of [10, 300, 50, 299, 301, 0, 1000, 20, 1000]) {
      const s = JSON.stringify(session.goTo(n));
      if (seen.has(n)) assert.equal(s, seen.get(n), `step ${n}`);
      seen.set(n, s);
      assert.equal(session.step, Math.min(n, session.totalSteps ?? n));
    }
  });

  it('ends with the output and exit of python3, and clamps goTo to the last step', () => {
    const { session, want } = caseSession('walkthrough');
    const end = session.goTo(Number.MAX_SAFE_INTEGER);
    assert.equal(end.status, 'finished');
    assert.equal(end.stdout, want.stdout);
    assert.equal(end.frames.length, 0);
    assert.ok(session.ended);
    assert.equal(session.totalSteps, end.step);
    assert.equal(session.forward().step, end.step);
    assert.equal(session.goTo(end.step + 5).step, end.step);
  });

  it('reports an uncaught exception with the traceback python3 printed', () => {
    const { session, want } = caseSession('err_deep_traceback');
    const end = session.goTo(Number.MAX_SAFE_INTEGER);
    assert.equal(end.status, 'raised');
    assert.equal(end.stderr, want.stderr);
    assert.equal(end.exception?.type, 'ZeroDivisionError');
    assert.equal(end.exception?.message, 'division by zero');
    assert.equal(end.exception?.traceback, want.stderr);
  });

  it('shows the stack, the locals and the call stack inside a call', () => {
    // def f(a, b): c = a * b; return c      f(6, 7)
    const f = assemble({
      code: [['RESUME', 0], ['LOAD_FAST', 0], ['LOAD_FAST', 1], ['BINARY_OP', 5], ['STORE_FAST', 2], ['LOAD_FAST', 2], ['RETURN_VALUE']],
      consts: [None],
      varnames: ['a', 'b', 'c'],
      argcount: 2,
      flags: FUNCTION_FLAGS,
      name: 'f',
    });
    const module = assemble({
      code: [['LOAD_CONST', 1], ['MAKE_FUNCTION', 0], ['STORE_NAME', 0], ['PUSH_NULL'], ['LOAD_NAME', 0], ['LOAD_CONST', 2], ['LOAD_CONST', 3], ['PRECALL', 2], ['CALL', 2], ['STORE_NAME', 1], ['LOAD_CONST', 0], ['RETURN_VALUE']],
      consts: [None, f, 6, 7],
      names: ['f', 'r'],
    });
    const session = startTrace(module);
    assert.equal(session.codes.length, 2);
    let s: MachineState = session.goTo(8);
    assert.deepEqual(
      s.frames[0].stack.map((v) => v.type),
      ['NULL', 'function', 'int', 'int'],
    );
    s = session.forward(); // CALL
    assert.equal(s.frames.length, 2);
    assert.equal(s.frames[0].offset, 18, 'the caller shows its CALL');
    assert.deepEqual(s.frames[1], {
      codeIndex: 1,
      name: 'f',
      qualname: 'f',
      offset: 0,
      position: { lineno: 1, end_lineno: 1, col_offset: null, end_col_offset: null },
      stack: [],
      locals: [
        { name: 'a', value: { type: 'int', repr: '6' } },
        { name: 'b', value: { type: 'int', repr: '7' } },
        { name: 'c', value: null },
      ],
    });
    s = session.goTo(14); // after STORE_FAST c
    assert.deepEqual(s.frames[1].locals[2], { name: 'c', value: { type: 'int', repr: '42' } });
    s = session.goTo(16); // returned
    assert.equal(s.frames.length, 1);
    assert.deepEqual(s.frames[0].stack.map((v) => v.repr), ['42']);
    s = session.forward();
    assert.deepEqual(
      s.globals.map((g) => [g.name, g.value?.repr]),
      [
        ['f', s.globals[0].value?.repr],
        ['r', '42'],
      ],
    );
    assert.match(s.globals[0].value!.repr, /^<function f at 0x[0-9a-f]+>$/);
  });

  it('gives heap objects stable ids that survive going back', () => {
    const module = assemble({
      code: [['LOAD_CONST', 1], ['BUILD_LIST', 1], ['STORE_NAME', 0], ['LOAD_NAME', 0], ['STORE_NAME', 1], ['LOAD_CONST', 0], ['RETURN_VALUE']],
      consts: [None, 3],
      names: ['a', 'b'],
    });
    const session = startTrace(module);
    const s = session.goTo(5);
    const ids = s.globals.map((g) => g.value?.id);
    assert.equal(typeof ids[0], 'number');
    assert.equal(ids[0], ids[1], 'aliases share an id');
    session.goTo(0);
    assert.deepEqual(
      session.goTo(5).globals.map((g) => g.value?.id),
      ids,
    );
  });

  it('stops at maxSteps with status stopped', () => {
    const loop = assemble({ code: [['NOP'], ['JUMP_BACKWARD', 2]], consts: [None] });
    const session = startTrace(loop, { maxSteps: 50 });
    const s = session.goTo(1000);
    assert.equal(s.status, 'stopped');
    assert.equal(s.step, 50);
    assert.equal(session.totalSteps, 50);
  });

  it('stops with a not-supported note when the program reaches something the VM cannot do yet', () => {
    // Setting a function attribute is refused only when it happens, so the run stops there.
    const code = compile('def f():\n    pass\nprint("a")\nf.x = 1\nprint("b")\n', 'fa.py');
    const session = startTrace(code);
    const s = session.goTo(1000);
    assert.equal(s.status, 'stopped');
    assert.equal(s.stdout, 'a\n');
    assert.equal(s.notSupported!.message, 'not supported yet: setting attributes of a function at line 4');
  });

  it('refuses up front a program that needs an opcode the VM lacks', () => {
    const code = assemble({ code: [['NOP'], ['LOAD_BUILD_CLASS'], ['LOAD_CONST', 0], ['RETURN_VALUE']], consts: [None] });
    assert.throws(() => startTrace(code), (e: unknown) => e instanceof NotSupportedError && e.construct === 'class definition');
  });

  it('feeds recorded stdin to input() identically on replay', () => {
    const module = assemble({
      code: [['PUSH_NULL'], ['LOAD_NAME', 0], ['LOAD_CONST', 1], ['PRECALL', 1], ['CALL', 1], ['STORE_NAME', 1], ['LOAD_CONST', 0], ['RETURN_VALUE']],
      consts: [None, '? '],
      names: ['input', 'answer'],
    });
    const session = startTrace(module, { stdin: 'yes\nno\n' });
    const end = session.goTo(100);
    assert.equal(end.stdout, '? ');
    assert.deepEqual(end.globals, [{ name: 'answer', value: { type: 'str', repr: "'yes'" } }]);
    session.goTo(0);
    assert.deepEqual(session.goTo(100).globals, end.globals);
  });

  it('shows long and self-referencing values with a bounded repr', () => {
    const module = assemble({
      code: [['LOAD_CONST', 1], ['LOAD_CONST', 2], ['BINARY_OP', 5], ['STORE_NAME', 0], ['LOAD_CONST', 0], ['RETURN_VALUE']],
      consts: [None, new PyTuple([1234567]), 1000],
      names: ['t'],
    });
    const s = startTrace(module).goTo(10);
    const repr = s.globals[0].value!.repr;
    assert.ok(repr.length <= 203, `${repr.length}`);
    assert.ok(repr.startsWith('(1234567, 1234567') && repr.endsWith('...'));
  });
});
