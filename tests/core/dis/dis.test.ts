import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeObject, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyTuple, coPositions, type PyValue } from '../../../core/index.js';
import { DisError, argRepr, deoptOpcode, disassemble, getInstructions, opnameOf, setIterationOrder } from '../../../core/dis/index.js';
import { dumps, loadPyc, loads } from '../../../core/marshal/index.js';
import { codeFromJson, listCases, type CodeJson } from '../../support/goldens.js';

/** Code object addresses differ between runs: the goldens say 0xADDR, we print CODE_ADDRESS. */
function maskAddresses(text: string): string {
  return text.replace(/ at 0x[0-9a-fA-F]+/g, ' at 0xADDR');
}

function walkthrough(): CodeObject {
  const c = listCases('programs').find((x) => x.name === 'walkthrough')!;
  return loadPyc(c.expectedBytes('.pyc')!).code;
}

describe('disassemble', () => {
  for (const c of listCases()) {
    const pyc = c.expectedBytes('.pyc');
    const golden = c.expected('.dis');
    if (pyc === null || golden === null) continue;
    it(`prints ${c.area}/${c.name}.pyc exactly as python3 -m dis printed the source`, () => {
      assert.equal(maskAddresses(disassemble(loadPyc(pyc).code)), golden);
    });
  }

  it('omits the line-number column when the code has no line numbers', () => {
    // def f(a): return a + 1, with a location table of two "no location" entries.
    const fib = walkthrough().co_consts[0] as CodeObject;
    const code = new CodeObject({
      ...fib,
      co_code: new Uint8Array([0x97, 0, 0x7c, 0, 0x64, 1, 0x7a, 0, 0, 0, 0x53, 0]),
      co_consts: [fib.co_consts[0], 1],
      co_linetable: new Uint8Array([0xf8 | 7, 0xf8 | 0]),
      co_exceptiontable: new Uint8Array(),
    });
    assert.equal(
      disassemble(code),
      [
        '          0 RESUME                   0',
        '          2 LOAD_FAST                0 (n)',
        '          4 LOAD_CONST               1 (1)',
        '          6 BINARY_OP                0 (+)',
        '         10 RETURN_VALUE',
        '',
      ].join('\n'),
    );
  });

  it('reports an operand past its table as a DisError naming the offset', () => {
    const fib = walkthrough().co_consts[0] as CodeObject;
    const code = new CodeObject({ ...fib, co_consts: [fib.co_consts[0]] });
    assert.throws(
      () => disassemble(code),
      (e: unknown) => e instanceof DisError && e.offset === 4 && /co_consts index 1 out of range/.test(e.message),
    );
  });
});

describe('getInstructions', () => {
  it('gives the fields of dis.get_instructions for each instruction', () => {
    const fib = walkthrough().co_consts[0] as CodeObject;
    const ins = getInstructions(fib);
    assert.deepEqual(
      ins.slice(0, 5).map((i) => [i.offset, i.opname, i.opcode, i.arg, i.argrepr, i.starts_line, i.is_jump_target]),
      [
        [0, 'RESUME', 151, 0, '', 2, false],
        [2, 'LOAD_FAST', 124, 0, 'n', 3, false],
        [4, 'LOAD_CONST', 100, 1, '2', null, false],
        [6, 'COMPARE_OP', 107, 0, '<', null, false],
        [12, 'POP_JUMP_FORWARD_IF_FALSE', 114, 2, 'to 18', null, false],
      ],
    );
    const target = ins.find((i) => i.offset === 18)!;
    assert.equal(target.is_jump_target, true);
    assert.equal(target.opname, 'LOAD_GLOBAL');
    assert.equal(target.argrepr, 'NULL + fib');
  });

  it('skips CACHE entries but gives each instruction the position of its first code unit', () => {
    const code = walkthrough();
    const positions = coPositions(code);
    const ins = getInstructions(code);
    assert.ok(ins.every((i) => i.opname !== 'CACHE'));
    for (const i of ins) assert.deepEqual(i.positions, positions[i.offset / 2]);
  });

  it('marks exception-table targets as jump targets', () => {
    const c = listCases('dis').find((x) => x.name === 'exceptions')!;
    const classify = loadPyc(c.expectedBytes('.pyc')!).code.co_consts[0] as CodeObject;
    const targets = getInstructions(classify).filter((i) => i.is_jump_target);
    assert.ok(targets.some((i) => i.opname === 'PUSH_EXC_INFO'));
  });

  it('keeps working from a code object rebuilt from JSON (no reader involved)', () => {
    const c = listCases('programs').find((x) => x.name === 'walkthrough')!;
    const code = codeFromJson(JSON.parse(c.expected('.code.json')!) as CodeJson);
    assert.equal(maskAddresses(disassemble(code)), c.expected('.dis'));
  });
});

describe('opnameOf', () => {
  it('names unused opcode slots after the specialized instructions and maps them back, as dis does', () => {
    // dis._all_opname[i] and dis._deoptop(i) in CPython 3.11.7.
    const expected: [number, string, number][] = [
      [3, 'BINARY_OP_ADAPTIVE', 122],
      [4, 'BINARY_OP_ADD_FLOAT', 122],
      [113, 'PRECALL_NO_KW_METHOD_DESCRIPTOR_O', 166],
      [177, 'UNPACK_SEQUENCE_ADAPTIVE', 92],
      [178, 'UNPACK_SEQUENCE_LIST', 92],
      [250, '<250>', 250],
      [100, 'LOAD_CONST', 100],
    ];
    for (const [op, name, base] of expected) {
      assert.equal(opnameOf(op), name);
      assert.equal(deoptOpcode(op), base);
    }
  });
});

// Orders below were printed by CPython 3.11.7 with PYTHONHASHSEED=0: `repr` of the constant
// compile() made from `x in {...}`, and of the same frozenset after marshal.loads(marshal.dumps()).
describe('setIterationOrder', () => {
  const cases: [string, PyValue[], string, string][] = [
    ['colliding strings', ['if', 'else', 'endif'], "frozenset({'endif', 'else', 'if'})", "frozenset({'endif', 'if', 'else'})"],
    ['digit strings', ['1', '2', '3'], "frozenset({'1', '2', '3'})", "frozenset({'2', '1', '3'})"],
    ['ints sharing low hash bits', [1, 9, 17, 25, 33], 'frozenset({1, 33, 9, 17, 25})', 'frozenset({1, 33, 9, 17, 25})'],
    [
      'mixed types',
      ['a b', new PyFloat(2.5), 7, new PyTuple([1, 'x']), new PyBytes(new Uint8Array([0x71])), new PyComplex(0, 1)],
      "frozenset({2.5, 1j, b'q', 7, 'a b', (1, 'x')})",
      "frozenset({2.5, 1j, b'q', 7, 'a b', (1, 'x')})",
    ],
    ['strings with spaces', ['pass ', 'PASS '], "frozenset({'pass ', 'PASS '})", "frozenset({'PASS ', 'pass '})"],
    ['-1 and -2, which hash alike', [-1, -2, new PyFloat(0.5), 2n ** 64n], 'frozenset({0.5, 18446744073709551616, -1, -2})', 'frozenset({0.5, 18446744073709551616, -2, -1})'],
  ];
  for (const [what, items, compiled, loaded] of cases) {
    it(`orders ${what} as compile() leaves them`, () => {
      assert.equal(argRepr(new PyFrozenSet(items)), compiled);
    });
    it(`orders ${what} as a set read from a .pyc`, () => {
      assert.equal(argRepr(loads(dumps(new PyFrozenSet(items)))), loaded);
    });
  }

  it('keeps sets of fewer than two items as they are', () => {
    assert.deepEqual(setIterationOrder(['a'], 'compiled'), ['a']);
    assert.deepEqual(setIterationOrder([], 'inserted'), []);
  });
});
