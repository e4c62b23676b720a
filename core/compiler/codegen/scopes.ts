import type { expr_context } from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { InternalError } from '../../source/errors.js';
import { Scope } from '../../symtable/flags.js';
import { mangle } from '../../symtable/mangle.js';
import type { BlockKey } from '../../symtable/index.js';
import { Unit, addName, addopI, compilerError, type Compiler, type ScopeType } from './unit.js';

/**
 * Entering and leaving code units, qualified names, and name resolution (which opcode loads,
 * stores or deletes a name, and from which table).
 * CPython: Python/compile.c (compiler_enter_scope, compiler_exit_scope, compiler_set_qualname,
 * compiler_nameop, get_ref_type).
 */

/** Starts compiling a new code object for the block owned by `key`; emits its RESUME. */
export function enterScope(c: Compiler, name: string, scopeType: ScopeType, key: BlockKey, lineno: number): void {
  const ste = c.st.blocks.get(key);
  if (ste === undefined) throw new InternalError(`no symbol table entry for ${name}`);
  const u = new Unit(ste, name, scopeType, lineno);
  if (c.active) {
    c.stack.push(c.u);
    u.private_ = c.u.private_;
  }
  c.u = u;
  c.active = true;
  c.nestlevel++;
  if (scopeType === 'module') u.lineno = 0;
  else setQualname(c);
  addopI(c, Opcode.RESUME, 0);
  if (scopeType === 'module') u.lineno = -1;
}

/** Returns to the enclosing unit. */
export function exitScope(c: Compiler): void {
  c.nestlevel--;
  const parent = c.stack.pop();
  if (parent !== undefined) c.u = parent;
  else c.active = false;
}

function isFunctionScope(t: ScopeType): boolean {
  return t === 'function' || t === 'async_function' || t === 'lambda';
}

/** `f.<locals>.g`, `C.m`; a def declared global in its parent gets the bare name. */
function setQualname(c: Compiler): void {
  const u = c.u;
  let base: string | null = null;
  if (c.stack.length > 1) {
    const parent = c.stack[c.stack.length - 1];
    let forceGlobal = false;
    if (u.scopeType === 'function' || u.scopeType === 'async_function' || u.scopeType === 'class') {
      const scope = parent.ste.getScope(mangle(parent.private_, u.name));
      if (scope === Scope.GLOBAL_EXPLICIT) forceGlobal = true;
    }
    if (!forceGlobal) {
      base = isFunctionScope(parent.scopeType) ? `${parent.qualname}.<locals>` : parent.qualname;
    }
  }
  u.qualname = base !== null ? `${base}.${u.name}` : u.name;
}

/** `__debug__` cannot be assigned or deleted (forbidden_name). */
export function checkForbiddenName(c: Compiler, name: string, ctx: expr_context): void {
  if (name !== '__debug__') return;
  if (ctx === 'Store') compilerError(c, 'cannot assign to __debug__');
  if (ctx === 'Del') compilerError(c, 'cannot delete __debug__');
}

/** The scope of a name for closures: `__class__` in a class body is always its cell. */
export function getRefType(c: Compiler, name: string): number {
  if (c.u.scopeType === 'class' && name === '__class__') return Scope.CELL;
  const scope = c.u.ste.getScope(name);
  if (scope === 0) throw new InternalError(`unknown scope for name '${name}' in ${c.u.name}`);
  return scope;
}

/** Loads, stores or deletes a variable with the opcode its scope calls for (compiler_nameop). */
export function nameop(c: Compiler, name: string, ctx: expr_context): void {
  checkForbiddenName(c, name, ctx);
  const u = c.u;
  const mangled = mangle(u.private_, name);
  const scope = u.ste.getScope(mangled);
  const isFunction = u.ste.type === 'FunctionBlock';
  let dict = u.names;
  let optype: 'fast' | 'global' | 'deref' | 'name' = 'name';
  switch (scope) {
    case Scope.FREE:
      dict = u.freevars;
      optype = 'deref';
      break;
    case Scope.CELL:
      dict = u.cellvars;
      optype = 'deref';
      break;
    case Scope.LOCAL:
      if (isFunction) optype = 'fast';
      break;
    case Scope.GLOBAL_IMPLICIT:
      if (isFunction) optype = 'global';
      break;
    case Scope.GLOBAL_EXPLICIT:
      optype = 'global';
      break;
  }
  let op: number;
  switch (optype) {
    case 'deref':
      op = ctx === 'Load' ? (u.ste.type === 'ClassBlock' ? Opcode.LOAD_CLASSDEREF : Opcode.LOAD_DEREF) : ctx === 'Store' ? Opcode.STORE_DEREF : Opcode.DELETE_DEREF;
      break;
    case 'fast':
      op = ctx === 'Load' ? Opcode.LOAD_FAST : ctx === 'Store' ? Opcode.STORE_FAST : Opcode.DELETE_FAST;
      addopI(c, op, addName(u.varnames, mangled));
      return;
    case 'global':
      op = ctx === 'Load' ? Opcode.LOAD_GLOBAL : ctx === 'Store' ? Opcode.STORE_GLOBAL : Opcode.DELETE_GLOBAL;
      break;
    case 'name':
      op = ctx === 'Load' ? Opcode.LOAD_NAME : ctx === 'Store' ? Opcode.STORE_NAME : Opcode.DELETE_NAME;
      break;
  }
  let arg = addName(dict, mangled);
  if (op === Opcode.LOAD_GLOBAL) arg <<= 1;
  addopI(c, op, arg);
}
