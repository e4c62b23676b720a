/**
 * The one-byte type codes of marshal version 4, shared by the reader and the writer.
 * A type byte may have {@link FLAG_REF} OR-ed in: the object then takes the next slot of the
 * reference table, and later `r` codes name that slot. See core/notes/pyc.md.
 * CPython: Python/marshal.c (TYPE_* defines).
 */
export const TYPE = {
  NULL: 0x30, // '0'  terminates a dict; an error anywhere else
  NONE: 0x4e, // 'N'
  FALSE: 0x46, // 'F'
  TRUE: 0x54, // 'T'
  STOPITER: 0x53, // 'S'  the StopIteration class
  ELLIPSIS: 0x2e, // '.'
  INT: 0x69, // 'i'  int32
  INT64: 0x49, // 'I'  legacy, read only
  FLOAT: 0x66, // 'f'  legacy text float, read only
  BINARY_FLOAT: 0x67, // 'g'
  COMPLEX: 0x78, // 'x'  legacy text complex, read only
  BINARY_COMPLEX: 0x79, // 'y'
  LONG: 0x6c, // 'l'  15-bit digits
  STRING: 0x73, // 's'  bytes
  INTERNED: 0x74, // 't'  interned str, UTF-8
  REF: 0x72, // 'r'
  TUPLE: 0x28, // '('
  LIST: 0x5b, // '['
  DICT: 0x7b, // '{'
  CODE: 0x63, // 'c'
  UNICODE: 0x75, // 'u'  str, UTF-8 (surrogatepass)
  UNKNOWN: 0x3f, // '?'  written for unmarshallable objects; never readable
  SET: 0x3c, // '<'
  FROZENSET: 0x3e, // '>'
  ASCII: 0x61, // 'a'
  ASCII_INTERNED: 0x41, // 'A'
  SMALL_TUPLE: 0x29, // ')'
  SHORT_ASCII: 0x7a, // 'z'
  SHORT_ASCII_INTERNED: 0x5a, // 'Z'
} as const;

/** OR-ed into a type byte: remember this object in the reference table. */
export const FLAG_REF = 0x80;

/** Deepest nesting marshal reads or writes. CPython: MAX_MARSHAL_STACK_DEPTH (non-Windows). */
export const MAX_MARSHAL_STACK_DEPTH = 2000;

/** marshal's default format version, the one .pyc files use. CPython: Py_MARSHAL_VERSION. */
export const MARSHAL_VERSION = 4;
