import { flattenCode, type CodeObject } from '../bytecode/code-object.js';
import { coPositions } from '../bytecode/linetable.js';
import { EXTENDED_ARG, INLINE_CACHE_ENTRIES, Opcode, type OpcodeName } from '../bytecode/opcodes.generated.js';
import { NotSupportedError } from '../source/errors.js';

/**
 * The opcodes the interpreter does not execute yet, each with the construct that produces it.
 * The compiler handles all of Python 3.11, the VM a growing part of it; checking a program's code
 * objects against this table before the first instruction runs turns "not supported yet" into an
 * up-front error, instead of a run that prints half its output and then stops.
 * tests/core/vm/support.test.ts checks that every opcode listed here really reaches the
 * interpreter's "not supported" arm, so an opcode implemented later must leave this table.
 */
export const UNSUPPORTED_OPCODES: Readonly<Partial<Record<OpcodeName, string>>> = {
  LOAD_BUILD_CLASS: 'class definition',
  LOAD_CLASSDEREF: 'class definition',
  IMPORT_NAME: 'import',
  IMPORT_FROM: 'import',
  IMPORT_STAR: 'import',
  RETURN_GENERATOR: 'generator or coroutine',
  YIELD_VALUE: 'generator or coroutine',
  GET_YIELD_FROM_ITER: 'yield from',
  SEND: 'generator or coroutine',
  GET_AWAITABLE: 'await',
  GET_AITER: 'async for',
  GET_ANEXT: 'async for',
  END_ASYNC_FOR: 'async for',
  BEFORE_ASYNC_WITH: 'async with',
  ASYNC_GEN_WRAP: 'async generator',
  BEFORE_WITH: 'with statement',
  WITH_EXCEPT_START: 'with statement',
  BUILD_SET: 'set',
  SET_ADD: 'set comprehension',
  SET_UPDATE: 'set',
  GET_LEN: 'match statement',
  MATCH_MAPPING: 'match statement',
  MATCH_SEQUENCE: 'match statement',
  MATCH_KEYS: 'match statement',
  MATCH_CLASS: 'match statement',
  CHECK_EG_MATCH: 'except* clause',
  PREP_RERAISE_STAR: 'except* clause',
  PRINT_EXPR: 'interactive statement',
};

const CONSTRUCT_OF: (string | undefined)[] = [];
for (const [name, construct] of Object.entries(UNSUPPORTED_OPCODES)) CONSTRUCT_OF[Opcode[name as OpcodeName]] = construct;

/**
 * Throws NotSupportedError for the earliest source line (over every code object of the program)
 * that needs an opcode the interpreter does not execute. Cheap: one pass over co_code.
 */
export function checkSupported(module: CodeObject): void {
  let found: { construct: string; line: number } | null = null;
  for (const code of flattenCode(module)) {
    const bytes = code.co_code;
    let positions: ReturnType<typeof coPositions> | null = null;
    for (let i = 0; i < bytes.length; ) {
      const op = bytes[i];
      const construct = op === EXTENDED_ARG ? undefined : CONSTRUCT_OF[op];
      if (construct !== undefined) {
        positions ??= coPositions(code);
        const line = positions[i >> 1]?.lineno ?? code.co_firstlineno;
        if (found === null || line < found.line) found = { construct, line };
      }
      i += 2 + 2 * INLINE_CACHE_ENTRIES[op];
    }
  }
  if (found !== null) throw new NotSupportedError(found.construct, found.line);
}
