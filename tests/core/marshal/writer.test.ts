import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeObject, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyObject, PyTuple, None, type PyValue } from '../../../core/index.js';
import { MarshalDict, MarshalList, UnmarshallableError, dumpPyc, dumps, loadPyc, loads } from '../../../core/marshal/index.js';
import { plain } from './plain.js';
import { bytesToHex, codeFromJson, hexToBytes, listCases, type CodeJson } from '../../support/goldens.js';

// Expected bytes are CPython 3.11.7's `x = <expr>; marshal.dumps(x)`: the value is held by its
// caller, as py_compile holds the code object it writes.
describe('dumps', () => {
  const cases: [string, PyValue, string][] = [
    ['an int32', 1000, 'e9e8030000'],
    ['the lowest int32', -(2 ** 31), 'e900000080'],
    ['the highest int32', 2 ** 31 - 1, 'e9ffffff7f'],
    ['ints just outside int32 as 15-bit-digit longs', 2 ** 31, 'ec03000000000000000200'],
    ['a big positive long', 10n ** 20n, 'ec0500000000002046b5783a5e5600'],
    ['a big negative long', -(10n ** 20n), 'ecfbffffff00002046b5783a5e5600'],
    ['a binary float', new PyFloat(2.5), 'e70000000000000440'],
    ['both zeros as distinct floats', new PyTuple([new PyFloat(0), new PyFloat(-0)]), 'a902670000000000000000670000000000000080'],
    ['a binary complex', new PyComplex(1, 2), 'f9000000000000f03f0000000000000040'],
    ['a short ASCII str', 'a b', 'fa03612062'],
    ['an identifier-like str as interned', 'name_like', 'da096e616d655f6c696b65'],
    ['a long ASCII str with a 4-byte length', 'x'.repeat(300), 'c12c010000' + '78'.repeat(300)],
    ['a non-ASCII str as UTF-8', 'caf\u00e9 ok', 'f508000000636166c3a9206f6b'],
    ['a lone surrogate with surrogatepass', new PyTuple(['\ud800']), 'a9017503000000eda080'],
    ['bytes', new PyBytes(new Uint8Array([0, 1])), 'f3020000000001'],
    ['the empty tuple, always shared', new PyTuple([]), 'a900'],
    ['unshared items of a tuple plainly', new PyTuple([1000, 'a b']), 'a90269e80300007a03612062'],
    ['a singleton str twice as a flag then a reference', new PyTuple(['k', 'k']), 'a902da016b7201000000'],
    ['small ints flagged and other ints plain', new PyTuple([-5, 256, 257]), 'a903e9fbffffffe9000100006901010000'],
    [
      'equal tuples once, then a reference (compile-time merging)',
      new PyTuple([new PyTuple([1000, 2000]), new PyTuple([1000, 2000])]),
      'a902a90269e803000069d00700007201000000',
    ],
    ['b"" twice as one object', new PyTuple([new PyBytes(new Uint8Array()), new PyBytes(new Uint8Array())]), 'a902f3000000007201000000'],
    [
      'frozenset items sorted by their own marshal bytes, each flagged',
      new PyFrozenSet(['b b', 'a a', new PyFloat(1.5)]),
      'be03000000e7000000000000f83ffa03612061fa03622062',
    ],
  ];
  for (const [what, value, hex] of cases) {
    it(`writes ${what}`, () => {
      assert.equal(bytesToHex(dumps(value)), hex);
    });
  }

  it('writes lists and dicts, the dict ended by a NULL', () => {
    assert.equal(bytesToHex(dumps(new MarshalList([1, None]))), 'db02000000e9010000004e');
    assert.equal(bytesToHex(dumps(new MarshalDict([[1, 2]]))), 'fbe901000000e90200000030');
  });

  it('reads back what it writes', () => {
    const value = new PyTuple([1, -(2n ** 100n), new PyFloat(-1.5), new PyComplex(0, -0), 'x\u20ac\u{1f600}', new PyBytes(new Uint8Array([9]))]);
    assert.deepEqual(plain(loads(dumps(value))), plain(value));
  });

  it('refuses objects marshal has no type code for', () => {
    class Opaque extends PyObject {}
    assert.throws(() => dumps(new Opaque()), UnmarshallableError);
  });

  it('writes nesting up to 2000 levels and refuses deeper', () => {
    let v: PyValue = None;
    for (let i = 0; i < 1999; i++) v = new PyTuple([v]);
    assert.equal(dumps(v).length, 1999 * 2 + 1);
    assert.throws(() => dumps(new PyTuple([new PyTuple([v])])), UnmarshallableError);
  });
});

describe('dumpPyc', () => {
  it('writes the magic number, flags 0, mtime and size, then the code', () => {
    const golden = listCases('programs').find((c) => c.name === 'walkthrough')!;
    const code = codeFromJson(JSON.parse(golden.expected('.code.json')!) as CodeJson);
    const pyc = dumpPyc(code, { mtime: 0x01020304, sourceSize: 0xfffffffff });
    assert.equal(bytesToHex(pyc.subarray(0, 16)), 'a70d0d0a' + '00000000' + '04030201' + 'ffffffff');
  });

  it('writes hash-based headers', () => {
    const code = loadPyc(listCases('programs')[0].expectedBytes('.pyc')!).code;
    const pyc = dumpPyc(code, { sourceHash: hexToBytes('0102030405060708'), checkSource: true });
    assert.equal(bytesToHex(pyc.subarray(0, 16)), 'a70d0d0a030000000102030405060708');
    const header = loadPyc(pyc).header;
    assert.equal(header.kind, 'hash');
  });

  // The FLAG_REF model against every .pyc that py_compile wrote for the conformance cases.
  for (const c of listCases()) {
    const pyc = c.expectedBytes('.pyc');
    if (pyc === null) continue;
    it(`reproduces ${c.area}/${c.name}.pyc byte for byte`, () => {
      const { header, code } = loadPyc(pyc);
      assert.ok(header.kind === 'timestamp');
      const out = dumpPyc(code, header);
      assert.equal(bytesToHex(out), bytesToHex(pyc));
    });
    const golden = c.expected('.code.json');
    if (golden === null) continue;
    it(`writes the .code.json of ${c.area}/${c.name} as py_compile does`, () => {
      // Built from JSON, so no object is shared with the reader: the model works from values alone.
      const code: CodeObject = codeFromJson(JSON.parse(golden) as CodeJson);
      const out = dumpPyc(code, { mtime: 0, sourceSize: loadPyc(pyc).header.kind === 'timestamp' ? sizeOf(pyc) : 0 });
      assert.equal(bytesToHex(out), bytesToHex(pyc));
    });
  }
});

function sizeOf(pyc: Uint8Array): number {
  return (pyc[12] | (pyc[13] << 8) | (pyc[14] << 16) | (pyc[15] << 24)) >>> 0;
}
