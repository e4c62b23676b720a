import type * as ast from '../../ast/nodes.generated.js';
import type { CodeObject } from '../../bytecode/code-object.js';
import { assembleUnit } from '../assemble.js';
import { compilerBody } from './functions.js';
import { enterScope, exitScope } from './scopes.js';
import type { Compiler } from './unit.js';

/**
 * The module's code object: its body compiled in the module scope, then assembled (nested code
 * objects are assembled first, as constants of their parents).
 * CPython: Python/compile.c (compiler_mod).
 */
export function compilerMod(c: Compiler, mod: ast.Module): CodeObject {
  enterScope(c, '<module>', 'module', mod, 1);
  c.u.lineno = 1;
  compilerBody(c, mod.body);
  const co = assembleUnit(c, true);
  exitScope(c);
  return co;
}
