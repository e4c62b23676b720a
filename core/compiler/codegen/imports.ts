import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None, PyTuple } from '../../objects/values.js';
import { nameop } from './scopes.js';
import { addop, addopI, addopName, addopRawName, compilerError, loadConst, type Compiler } from './unit.js';

/**
 * Code generation for `import` and `from ... import`.
 * CPython: Python/compile.c (compiler_import, compiler_import_as, compiler_from_import).
 */

/** `import a.b.c as d`: walk the attributes with IMPORT_FROM, then bind. */
function importAs(c: Compiler, name: string, asname: string): void {
  let dot = name.indexOf('.');
  if (dot !== -1) {
    for (;;) {
      const pos = dot + 1;
      dot = name.indexOf('.', pos);
      const attr = name.slice(pos, dot !== -1 ? dot : undefined);
      addopRawName(c, Opcode.IMPORT_FROM, attr);
      if (dot === -1) break;
      addopI(c, Opcode.SWAP, 2);
      addop(c, Opcode.POP_TOP);
    }
    nameop(c, asname, 'Store');
    addop(c, Opcode.POP_TOP);
    return;
  }
  nameop(c, asname, 'Store');
}

export function compilerImport(c: Compiler, s: ast.Import): void {
  for (const alias of s.names) {
    loadConst(c, 0);
    loadConst(c, None);
    addopName(c, Opcode.IMPORT_NAME, alias.name);
    if (alias.asname !== null) {
      importAs(c, alias.name, alias.asname);
    } else {
      const dot = alias.name.indexOf('.');
      nameop(c, dot === -1 ? alias.name : alias.name.slice(0, dot), 'Store');
    }
  }
}

export function compilerFromImport(c: Compiler, s: ast.ImportFrom): void {
  loadConst(c, s.level ?? 0);
  const names = new PyTuple(s.names.map((a) => a.name));
  if (s.lineno > c.futureLineno && s.module === '__future__') compilerError(c, 'from __future__ imports must occur at the beginning of the file');
  loadConst(c, names);
  addopName(c, Opcode.IMPORT_NAME, s.module ?? '');
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name.startsWith('*')) {
      addop(c, Opcode.IMPORT_STAR);
      return;
    }
    addopName(c, Opcode.IMPORT_FROM, alias.name);
    nameop(c, alias.asname ?? alias.name, 'Store');
  }
  // Remove the imported module.
  addop(c, Opcode.POP_TOP);
}
