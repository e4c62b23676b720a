/**
 * A marshal stream or .pyc file that cannot be read: bad magic, short header, truncated data,
 * an unknown type code, a bad back-reference, a malformed code object. `offset` is the byte
 * (from the start of the buffer handed to the reader) where the problem was found, and the message
 * names it, so a corrupt file is reported precisely instead of crashing or yielding a wrong value.
 * The reason text follows CPython's wording where CPython has one ("bad marshal data (unknown type
 * code)", "EOF read where object expected").
 * CPython: Python/marshal.c (r_object errors), Lib/importlib/_bootstrap_external.py (_classify_pyc).
 */
export class MarshalError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at byte ${offset}`);
    this.name = 'MarshalError';
  }
}

/**
 * A value `dumps` cannot write: something marshal has no type code for (CPython raises
 * `ValueError: unmarshallable object`), or nesting deeper than marshal's limit.
 * CPython: Python/marshal.c (WFERR_UNMARSHALLABLE, WFERR_NESTEDTOODEEP).
 */
export class UnmarshallableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnmarshallableError';
  }
}
