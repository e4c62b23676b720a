import { CodeObject } from '../bytecode/code-object.js';
import { MAGIC_NUMBER } from '../bytecode/opcodes.generated.js';
import { MarshalError } from './errors.js';
import { loads } from './reader.js';
import { dumps } from './writer.js';

/**
 * The .pyc container: a 16-byte header, then `marshal.dumps(code)`.
 *
 *   bytes 0-3   magic: 3495 as uint16 LE, then `\r\n` (a7 0d 0d 0a)
 *   bytes 4-7   flags (uint32 LE): 0 timestamp; 0b01 hash-based (unchecked); 0b11 hash-based, checked
 *   bytes 8-15  timestamp pyc: source mtime, source size (uint32 LE each, both & 0xFFFFFFFF)
 *               hash-based pyc: the 8-byte SipHash-1-3 of the source (importlib.util.source_hash)
 *
 * The header is a tagged union because its last eight bytes mean different things per kind.
 * See core/notes/pyc.md. CPython: Lib/importlib/_bootstrap_external.py (_classify_pyc,
 * _code_to_timestamp_pyc, _code_to_hash_pyc), Lib/py_compile.py.
 */
export type PycHeader =
  | {
      kind: 'timestamp';
      flags: 0;
      /** Source mtime in seconds, & 0xFFFFFFFF. */
      mtime: number;
      /** Source size in bytes, & 0xFFFFFFFF. */
      sourceSize: number;
    }
  | {
      kind: 'hash';
      flags: 1 | 3;
      /** Whether the importer re-hashes the source before trusting the pyc (flags bit 1). */
      checkSource: boolean;
      /** The 8-byte source hash. */
      sourceHash: Uint8Array;
    };

/** What {@link dumpPyc} needs to write a header: timestamp fields, or a source hash. */
export type PycHeaderInput = { mtime: number; sourceSize: number } | { sourceHash: Uint8Array; checkSource: boolean };

const HEADER_SIZE = 16;

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function putU32(out: Uint8Array, at: number, v: number): void {
  const x = v >>> 0; // & 0xFFFFFFFF, as importlib's _pack_uint32 does
  out[at] = x & 0xff;
  out[at + 1] = (x >>> 8) & 0xff;
  out[at + 2] = (x >>> 16) & 0xff;
  out[at + 3] = (x >>> 24) & 0xff;
}

/** Reads and validates the 16-byte header, with importlib's checks and wording. */
export function readPycHeader(bytes: Uint8Array): PycHeader {
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== MAGIC_NUMBER[i]) {
      const got = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new MarshalError(`bad magic number ${got || '(empty)'} (CPython 3.11 writes a7 0d 0d 0a)`, 0);
    }
  }
  if (bytes.length < HEADER_SIZE) throw new MarshalError(`reached EOF while reading pyc header (${bytes.length} of 16 bytes)`, bytes.length);
  const flags = u32(bytes, 4);
  if (flags & ~0b11) throw new MarshalError(`invalid flags ${flags} in pyc header`, 4);
  if (flags === 0) return { kind: 'timestamp', flags: 0, mtime: u32(bytes, 8), sourceSize: u32(bytes, 12) };
  if (flags === 2) throw new MarshalError('invalid flags 2 in pyc header (check_source without hash-based)', 4);
  return { kind: 'hash', flags: flags as 1 | 3, checkSource: (flags & 2) !== 0, sourceHash: bytes.slice(8, 16) };
}

/** Reads a .pyc file: header and module code object. Offsets in errors count from the file's start. */
export function loadPyc(bytes: Uint8Array): { header: PycHeader; code: CodeObject } {
  const header = readPycHeader(bytes);
  const code = loads(bytes, HEADER_SIZE);
  if (!(code instanceof CodeObject)) throw new MarshalError('non-code object in pyc body', HEADER_SIZE);
  return { header, code };
}

/**
 * A .pyc as py_compile writes it: timestamp-based from `{mtime, sourceSize}`, or hash-based from
 * `{sourceHash, checkSource}`; then `marshal.dumps(code)`.
 */
export function dumpPyc(code: CodeObject, header: PycHeaderInput): Uint8Array {
  const body = dumps(code);
  const out = new Uint8Array(HEADER_SIZE + body.length);
  out.set(MAGIC_NUMBER, 0);
  if ('sourceHash' in header) {
    if (header.sourceHash.length !== 8) throw new RangeError(`a pyc source hash has 8 bytes, not ${header.sourceHash.length}`);
    putU32(out, 4, header.checkSource ? 3 : 1);
    out.set(header.sourceHash, 8);
  } else {
    putU32(out, 4, 0);
    putU32(out, 8, header.mtime);
    putU32(out, 12, header.sourceSize);
  }
  out.set(body, HEADER_SIZE);
  return out;
}
