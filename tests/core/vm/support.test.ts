import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { None, NotSupportedError, compile, runModule, startTrace, type OpcodeName } from '../../../core/index.js';
import { Vm } from '../../../core/vm/index.js';
import { UNSUPPORTED_OPCODES, checkSupported } from '../../../core/vm/support.js';
import { assemble } from './asm.js';

const quietHost = { writeStdout: () => undefined, writeStderr: () => undefined };

describe('UNSUPPORTED_OPCODES', () => {
  for (const name of Object.keys(UNSUPPORTED_OPCODES) as OpcodeName[]) {
    it(`lists ${name}, which the interpreter really does not execute yet`, () => {
      // Executed directly (no pre-flight check): the loop's default arm must refuse it. When the VM
      // learns this opcode, this test fails and the opcode must leave the table.
      const code = assemble({ code: [['RESUME', 0], [name, 0], ['LOAD_CONST', 0], ['RETURN_VALUE']], consts: [None], stacksize: 8 });
      const vm = new Vm(code, quietHost);
      assert.throws(() => vm.run(10), (e: unknown) => e instanceof NotSupportedError && e.construct === `opcode ${name}`);
    });
  }
});

describe('checkSupported', () => {
  it('reports the construct and line before anything runs, so no partial output is printed', () => {
    let out = '';
    const code = compile('print("before")\nx = 1\nclass A:\n    pass\n', 'c.py');
    assert.throws(
      () => runModule(code, { writeStdout: (t) => void (out += t), writeStderr: () => undefined }),
      (e: unknown) => e instanceof NotSupportedError && e.message === 'not supported yet: class definition at line 3',
    );
    assert.equal(out, '');
  });

  it('names the earliest line over every code object, nested functions included', () => {
    const code = compile('def f():\n    return {1, 2}\nimport os\n', 'n.py');
    assert.throws(() => checkSupported(code), (e: unknown) => e instanceof NotSupportedError && e.construct === 'set' && e.lineno === 2);
  });

  it('refuses a generator function at its def line, and startTrace refuses it too', () => {
    const code = compile('x = 1\ndef gen():\n    yield x\n', 'g.py');
    assert.throws(() => startTrace(code), (e: unknown) => e instanceof NotSupportedError && e.lineno === 2);
  });

  it('accepts every program of the subset', () => {
    assert.doesNotThrow(() => checkSupported(compile('def f(a, b=2):\n    return a[1:] + [b]\nprint(f([1, 2]))\n', 'ok.py')));
  });
});

describe('attributes CPython has and Bytescope lacks', () => {
  const run = (src: string): { err: unknown; stderr: string } => {
    let stderr = '';
    try {
      runModule(compile(src, 'a.py'), { writeStdout: () => undefined, writeStderr: (t) => void (stderr += t) });
      return { err: null, stderr };
    } catch (e) {
      return { err: e, stderr };
    }
  };

  it('are "not supported yet" with the type, name and line, never an AttributeError', () => {
    const { err } = run('x = 5\nprint(x.bit_length())\n');
    assert.ok(err instanceof NotSupportedError);
    assert.equal(err.message, 'not supported yet: int.bit_length at line 2');
    assert.equal((run('print(range(3).count(1))\n').err as NotSupportedError).construct, 'range.count');
    assert.equal((run('print((1).__add__(2))\n').err as NotSupportedError).construct, 'int.__add__');
  });

  it('still raise AttributeError for names CPython does not have either', () => {
    const { err, stderr } = run('print((5).foo)\n');
    assert.equal(err, null);
    assert.match(stderr, /AttributeError: 'int' object has no attribute 'foo'\n$/);
  });
});
