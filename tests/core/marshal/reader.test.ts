import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeObject,
  Ellipsis,
  None,
  PyBytes,
  PyComplex,
  PyFloat,
  PyFrozenSet,
  PyTuple,
  type PyValue,
} from '../../../core/index.js';
import {
  MarshalDict,
  MarshalError,
  MarshalList,
  MarshalSet,
  StopIteration,
  loadPyc,
  loads,
  readPycHeader,
} from '../../../core/marshal/index.js';
import { plain } from './plain.js';
import { codeToJson, hexToBytes, listCases, normalizeCodeJson, type CodeJson } from '../../support/goldens.js';

/** marshal.loads of a hex string. */
function load(hex: string): PyValue {
  return loads(hexToBytes(hex));
}

/** Asserts that reading `hex` fails with a MarshalError whose reason matches and that names `offset`. */
function assertBad(hex: string, reason: RegExp, offset: number, read: (b: Uint8Array) => unknown = loads): void {
  assert.throws(
    () => read(hexToBytes(hex)),
    (e: unknown) => {
      assert.ok(e instanceof MarshalError, `expected a MarshalError, got ${String(e)}`);
      assert.match(e.reason, reason);
      assert.equal(e.offset, offset);
      assert.ok(e.message.endsWith(`at byte ${offset}`), e.message);
      return true;
    },
  );
}

// Byte strings below are what CPython 3.11.7's marshal.dumps wrote for each value (FLAG_REF bits
// included where CPython set them).
describe('loads', () => {
  it('reads the singletons None, True, False, Ellipsis and StopIteration', () => {
    assert.equal(load('4e'), None);
    assert.equal(load('54'), true);
    assert.equal(load('46'), false);
    assert.equal(load('2e'), Ellipsis);
    assert.equal(load('53'), StopIteration);
  });

  it('reads int32 values of either sign', () => {
    assert.equal(load('e900000000'), 0);
    assert.equal(load('e9ffffffff'), -1);
    assert.equal(load('e9ffffff7f'), 2 ** 31 - 1);
    assert.equal(load('e900000080'), -(2 ** 31));
  });

  it('reads long ints from signed 15-bit digit counts', () => {
    assert.equal(load('ec03000000000000000200'), 2 ** 31);
    assert.equal(load('ecfdffffff010000000200'), -(2 ** 31) - 1);
    assert.equal(load('ec0500000000000000000000000400'), 2n ** 62n);
    assert.equal(load('ec0500000000000000000000001000'), 2n ** 64n);
    assert.equal(load('ecf9ffffff0000000000000000000000000004'), -(2n ** 100n));
  });

  it('normalises longs inside the safe-integer range to numbers', () => {
    // 2**53 - 1 written as a long (4 digits).
    assert.equal(load('ec04000000ff7fff7fff7fff00'), 2 ** 53 - 1);
    assert.equal(load('ec040000000000000000000001'.padEnd(26, '0')), 2n ** 53n);
    assert.equal(typeof load('ec0500000000000000000000000400'), 'bigint');
  });

  it('reads the legacy int64 code', () => {
    assert.equal(load('490100000000000000'), 1);
    assert.equal(load('49ffffffffffffffff'), -1);
    assert.equal(load('490000000000000040'), 2n ** 62n);
  });

  it('reads binary floats bit for bit, negative zero and nan included', () => {
    assert.deepEqual(plain(load('e7000000000000f83f')), plain(new PyFloat(1.5)));
    assert.ok(Object.is((load('e70000000000000080') as PyFloat).value, -0));
    assert.equal((load('e7000000000000f07f') as PyFloat).value, Infinity);
    assert.ok(Number.isNaN((load('e7000000000000f87f') as PyFloat).value));
  });

  it('reads binary complexes', () => {
    assert.deepEqual(plain(load('f9000000000000f03f0000000000000040')), plain(new PyComplex(1, 2)));
    const c = load('f90000000000000080000000000000f0bf') as PyComplex;
    assert.ok(Object.is(c.real, -0));
    assert.equal(c.imag, -1);
  });

  it('reads the legacy text float and complex codes', () => {
    assert.deepEqual(plain(load('6603312e35')), plain(new PyFloat(1.5)));
    assert.deepEqual(plain(load('66042d696e66')), plain(new PyFloat(-Infinity)));
    assert.deepEqual(plain(load('7801310132')), plain(new PyComplex(1, 2)));
  });

  it('reads bytes', () => {
    assert.deepEqual(plain(load('f300000000')), plain(new PyBytes(new Uint8Array())));
    assert.deepEqual(plain(load('f304000000616200ff')), plain(new PyBytes(new Uint8Array([0x61, 0x62, 0x00, 0xff]))));
  });

  it('reads every str code: short and long ASCII, interned or not, and UTF-8', () => {
    assert.equal(load('da00'), '');
    assert.equal(load('da03616263'), 'abc');
    assert.equal(load('7a03616263'), 'abc');
    assert.equal(load('c12c010000' + '61'.repeat(300)), 'a'.repeat(300));
    assert.equal(load('412c010000' + '61'.repeat(300)), 'a'.repeat(300));
    assert.equal(load('f505000000636166c3a9'), 'caf\u00e9');
    assert.equal(load('7405000000636166c3a9'), 'caf\u00e9');
    assert.equal(load('f504000000f09f9880'), '\u{1f600}');
  });

  it('decodes ASCII-coded bytes above 0x7f as Latin-1, as CPython does', () => {
    assert.equal(load('6101000000e9'), '\u00e9');
  });

  it('passes lone surrogates through UTF-8 strings', () => {
    assert.equal(load('f503000000eda080'), '\ud800');
  });

  it('reads small and large tuples', () => {
    assert.deepEqual(plain(load('a900')), plain(new PyTuple([])));
    assert.deepEqual(plain(load('a902e901000000e902000000')), plain(new PyTuple([1, 2])));
    const big = load('a82c010000' + Array.from({ length: 300 }, (_, i) => 'e9' + hex32(i)).join('')) as PyTuple;
    assert.equal(big.items.length, 300);
    assert.equal(big.items[299], 299);
  });

  it('reads lists, dicts and sets into marshal containers', () => {
    assert.deepEqual(plain(load('db02000000e9010000005b01000000e902000000')), plain(new MarshalList([1, new MarshalList([2])])));
    assert.deepEqual(plain(load('fbe901000000e902000000da01614e30')), plain(new MarshalDict([[1, 2], ['a', None]])));
    assert.deepEqual(plain(load('bc03000000e901000000e902000000e903000000')), plain(new MarshalSet([1, 2, 3])));
    assert.deepEqual(plain(load('be00000000')), plain(new PyFrozenSet([])));
    assert.deepEqual(plain(load('be01000000da0178')), plain(new PyFrozenSet(['x'])));
  });

  it('ends a dict at a NULL value as well as at a NULL key', () => {
    assert.deepEqual(plain(load('7be90100000030')), plain(new MarshalDict([])));
  });

  it('resolves references to earlier flagged objects, to the same object', () => {
    assert.deepEqual((load('2903da016172000000007200000000') as PyTuple).items, ['a', 'a', 'a']);
    const shared = load('2902f301000000ff7200000000') as PyTuple;
    assert.equal(shared.items[0], shared.items[1]);
  });

  it('does not give unflagged objects or flagged singletons a reference slot', () => {
    // (1 unflagged, None flagged, 'a' flagged, ref 0) -> the ref names 'a'.
    assert.deepEqual((load('290469010000' + '00' + 'ce' + 'da0161' + '7200000000') as PyTuple).items, [1, None, 'a', 'a']);
  });

  it('reads a code object with every 3.11 field', () => {
    // marshal.dumps(compile('x = 1', 'f.py', 'exec')) from CPython 3.11.7.
    const code = load(
      '630000000000000000000000000100000000000000f30a000000970064005a00640153002902e9010000004e2901da0178a900f300000000fa04662e7079fa083c6d6f64756c653e720600000001000000730e000000f003010101d804058001800180017204000000',
    );
    assert.ok(code instanceof CodeObject);
    assert.equal(code.co_name, '<module>');
    assert.equal(code.co_qualname, '<module>');
    assert.equal(code.co_filename, 'f.py');
    assert.deepEqual(code.co_consts, [1, None]);
    assert.deepEqual(code.co_localsplusnames, []);
    assert.deepEqual(code.co_names, ['x']);
    assert.equal(code.co_stacksize, 1);
    assert.equal(code.co_firstlineno, 1);
    assert.deepEqual(Array.from(code.co_code), [0x97, 0, 0x64, 0, 0x5a, 0, 0x64, 1, 0x53, 0]);
  });
});

function hex32(n: number): string {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('loads on bad data', () => {
  it('reports an empty stream at byte 0', () => {
    assertBad('', /EOF read where object expected/, 0);
  });
  it('reports an unknown type code at its offset', () => {
    assertBad('2902e9010000003f', /unknown type code 0x3f/, 7);
    assertBad('29015e', /unknown type code 0x5e/, 2);
  });
  it('reports truncated payloads', () => {
    assertBad('e90100', /EOF read where int expected/, 1);
    assertBad('f30a0000006162', /EOF read where bytes data expected/, 5);
    assertBad('a906e901000000', /EOF read where tuple items expected/, 2);
    assertBad('2902e901000000', /EOF read where object expected/, 7);
  });
  it('refuses lengths that cannot fit in the data before allocating', () => {
    assertBad('28ffffff7f', /EOF read where tuple items expected/, 5);
    assertBad('73ffffffff', /bytes object size out of range/, 1);
  });
  it('refuses references to slots that do not exist', () => {
    assertBad('7200000000', /invalid reference 0/, 0);
    assertBad('2902da01617205000000', /invalid reference 5/, 5);
  });
  it('refuses references to a container still being read', () => {
    assertBad('a9017200000000', /still being read/, 2);
  });
  it('refuses NULL outside a dict', () => {
    assertBad('30', /NULL object in marshal data for object/, 0);
    assertBad('290130', /NULL object in marshal data for tuple/, 2);
  });
  it('refuses unnormalised longs and out-of-range digits', () => {
    assertBad('6c010000000000', /unnormalized long data/, 5);
    assertBad('6c010000000080', /digit out of range in long/, 5);
  });
  it('refuses invalid UTF-8 and names the bad byte', () => {
    assertBad('7504000000616263ff', /invalid UTF-8/, 8);
    assertBad('7502000000c0af', /invalid UTF-8/, 5);
  });
  it('refuses nesting deeper than 2000 levels', () => {
    assertBad('2901'.repeat(2001) + '4e', /recursion limit exceeded/, 4000);
  });
  it('refuses a code object whose fields have the wrong types', () => {
    // A code object whose co_code is an int.
    assertBad('63' + '00000000'.repeat(5) + 'e901000000', /co_code has the wrong type/, 21);
  });
});

describe('loadPyc', () => {
  it('reports a bad magic number at byte 0', () => {
    assertBad('a60d0d0a000000000000000000000000e3', /bad magic number a6 0d 0d 0a/, 0, loadPyc);
  });
  it('reports a header shorter than 16 bytes at its end', () => {
    assertBad('a70d0d0a00000000', /reached EOF while reading pyc header/, 8, loadPyc);
  });
  it('reports unknown flag bits at byte 4', () => {
    assertBad('a70d0d0a040000000000000000000000e3', /invalid flags 4/, 4, loadPyc);
  });
  it('reports a body that is not a code object', () => {
    assertBad('a70d0d0a0000000000000000000000004e', /non-code object/, 16, loadPyc);
  });
  it('reads the hash-based header variants', () => {
    assert.deepEqual(readPycHeader(hexToBytes('a70d0d0a030000000102030405060708')), {
      kind: 'hash',
      flags: 3,
      checkSource: true,
      sourceHash: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    });
    assert.equal((readPycHeader(hexToBytes('a70d0d0a010000000102030405060708')) as { checkSource: boolean }).checkSource, false);
    assertBad('a70d0d0a020000000000000000000000', /invalid flags 2/, 4, readPycHeader);
  });

  for (const c of listCases()) {
    const pyc = c.expectedBytes('.pyc');
    const golden = c.expected('.code.json');
    if (pyc === null || golden === null) continue;
    it(`reads ${c.area}/${c.name}.pyc into the code object of its .code.json`, () => {
      const { header, code } = loadPyc(pyc);
      assert.equal(header.kind, 'timestamp');
      if (header.kind === 'timestamp') assert.equal(header.mtime, 0);
      assert.deepEqual(normalizeCodeJson(codeToJson(code)), normalizeCodeJson(JSON.parse(golden) as CodeJson));
    });
  }
});
