import type * as ast from '../../ast/nodes.generated.js';
import { NotSupportedError } from '../../source/errors.js';
import type { Compiler } from './unit.js';

/**
 * Code generation for `match` statements (PEP 634): not implemented yet.
 * CPython: Python/compile.c (compiler_match, compiler_pattern_*).
 */
export function compilerMatch(c: Compiler, s: ast.Match): void {
  void c;
  throw new NotSupportedError('match statement', s.lineno);
}
