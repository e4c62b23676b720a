import type * as ast from '../../ast/nodes.generated.js';
import type { CodeObject } from '../../bytecode/code-object.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { None, PyTuple } from '../../objects/values.js';
import { InternalError } from '../../source/errors.js';
import { mangle } from '../../symtable/mangle.js';
import { Scope } from '../../symtable/flags.js';
import { assembleUnit } from '../assemble.js';
import { exprAsUnicode } from '../unparse.js';
import { callHelper } from './calls.js';
import { addYieldFrom } from './exceptions.js';
import { visitExpr, visitExprs } from './expressions.js';
import { checkForbiddenName, enterScope, exitScope, getRefType, nameop } from './scopes.js';
import { visitStmt } from './statements.js';
import {
  addConst,
  addop,
  addopI,
  compilerError,
  loadConst,
  saveLoc,
  setLoc,
  unsetLoc,
  type Compiler,
} from './unit.js';

/**
 * Code generation for code-object-creating constructs: function definitions (with defaults,
 * keyword-only defaults, annotations, decorators and closures), lambdas, classes, and module
 * and class bodies (docstring, SETUP_ANNOTATIONS); also yield, yield from and await.
 * CPython: Python/compile.c (compiler_function, compiler_lambda, compiler_class,
 * compiler_make_closure, compiler_default_arguments, compiler_visit_annotations, compiler_body).
 */

const CO_FUTURE_ANNOTATIONS = 0x1000000;

/** The docstring of a body, if its first statement is a string constant (_PyAST_GetDocString). */
export function getDocstring(body: ast.stmt[]): string | null {
  const first = body[0];
  if (first === undefined || first._type !== 'Expr' || first.value._type !== 'Constant') return null;
  const v = first.value.value;
  return typeof v === 'string' ? v : null;
}

/** Whether statements (not nested scopes) contain an annotated assignment (find_ann). */
export function findAnn(stmts: ast.stmt[]): boolean {
  for (const st of stmts) {
    switch (st._type) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'AsyncFor':
      case 'While':
      case 'If':
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case 'With':
      case 'AsyncWith':
        if (findAnn(st.body)) return true;
        break;
      case 'Try':
      case 'TryStar':
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        if (findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse)) return true;
        break;
      case 'Match':
        for (const m of st.cases) if (findAnn(m.body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** A module or class body: SETUP_ANNOTATIONS if needed, the docstring, the statements. */
export function compilerBody(c: Compiler, stmts: ast.stmt[]): void {
  let i = 0;
  // The module's first instructions take the first statement's location.
  if (c.u.scopeType === 'module' && stmts.length) setLoc(c, stmts[0]);
  if (findAnn(stmts)) addop(c, Opcode.SETUP_ANNOTATIONS);
  if (!stmts.length) return;
  if (c.optimize < 2) {
    const doc = getDocstring(stmts);
    if (doc !== null) {
      i = 1;
      const st = stmts[0] as ast.Expr;
      visitExpr(c, st.value);
      unsetLoc(c);
      nameop(c, '__doc__', 'Store');
    }
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]);
}

/** LOAD_CLOSUREs for the child's free variables, then the code and MAKE_FUNCTION. */
export function makeClosure(c: Compiler, co: CodeObject, flags: number): void {
  const freevars = co.co_freevars;
  if (freevars.length) {
    for (const name of freevars) {
      // A name that is both local and free in a class body is handled by the closure.
      const reftype = getRefType(c, name);
      const arg = reftype === Scope.CELL ? c.u.cellvars.get(name) : c.u.freevars.get(name);
      if (arg === undefined) throw new InternalError(`closure variable '${name}' not found in ${c.u.name}`);
      addopI(c, Opcode.LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    addopI(c, Opcode.BUILD_TUPLE, freevars.length);
  }
  loadConst(c, co);
  addopI(c, Opcode.MAKE_FUNCTION, flags);
}

function checkDebugArgs(c: Compiler, args: ast.arguments): void {
  for (const a of args.posonlyargs) checkForbiddenName(c, a.arg, 'Store');
  for (const a of args.args) checkForbiddenName(c, a.arg, 'Store');
  if (args.vararg) checkForbiddenName(c, args.vararg.arg, 'Store');
  for (const a of args.kwonlyargs) checkForbiddenName(c, a.arg, 'Store');
  if (args.kwarg) checkForbiddenName(c, args.kwarg.arg, 'Store');
}

/** Pushes the defaults tuple and keyword-only defaults dict; returns the MAKE_FUNCTION flags. */
function defaultArguments(c: Compiler, args: ast.arguments): number {
  let flags = 0;
  if (args.defaults.length > 0) {
    visitExprs(c, args.defaults);
    addopI(c, Opcode.BUILD_TUPLE, args.defaults.length);
    flags |= 0x01;
  }
  const keys: string[] = [];
  for (let i = 0; i < args.kwonlyargs.length; i++) {
    const d = args.kw_defaults[i];
    if (d) {
      keys.push(mangle(c.u.private_, args.kwonlyargs[i].arg));
      visitExpr(c, d);
    }
  }
  if (keys.length) {
    loadConst(c, new PyTuple(keys));
    addopI(c, Opcode.BUILD_CONST_KEY_MAP, keys.length);
    flags |= 0x02;
  }
  return flags;
}

/** Pushes `('name', annotation, ...)` as one tuple; returns whether anything was pushed. */
function visitAnnotations(c: Compiler, args: ast.arguments, returns: ast.expr | null): boolean {
  let len = 0;
  const one = (id: string, annotation: ast.expr | null): void => {
    if (!annotation) return;
    loadConst(c, mangle(c.u.private_, id));
    if (c.futureFeatures & CO_FUTURE_ANNOTATIONS) {
      // Postponed evaluation: the annotation's source text.
      loadConst(c, exprAsUnicode(annotation));
    } else if (annotation._type === 'Starred') {
      // `*args: *Ts`
      visitExpr(c, annotation.value);
      addopI(c, Opcode.UNPACK_SEQUENCE, 1);
    } else {
      visitExpr(c, annotation);
    }
    len += 2;
  };
  for (const a of args.args) one(a.arg, a.annotation);
  for (const a of args.posonlyargs) one(a.arg, a.annotation);
  if (args.vararg?.annotation) one(args.vararg.arg, args.vararg.annotation);
  for (const a of args.kwonlyargs) one(a.arg, a.annotation);
  if (args.kwarg?.annotation) one(args.kwarg.arg, args.kwarg.annotation);
  one('return', returns);
  if (len) {
    addopI(c, Opcode.BUILD_TUPLE, len);
    return true;
  }
  return false;
}

/** The decorator calls, innermost (last listed) first, each at its decorator's location. */
function applyDecorators(c: Compiler, decos: ast.expr[]): void {
  const old = saveLoc(c);
  for (let i = decos.length - 1; i >= 0; i--) {
    setLoc(c, decos[i]);
    addopI(c, Opcode.PRECALL, 0);
    addopI(c, Opcode.CALL, 0);
  }
  setLoc(c, old);
}

export function compilerFunction(c: Compiler, s: ast.FunctionDef | ast.AsyncFunctionDef): void {
  const isAsync = s._type === 'AsyncFunctionDef';
  const { args, returns, decorator_list: decos, name, body } = s;
  checkDebugArgs(c, args);
  visitExprs(c, decos);
  const firstlineno = decos.length ? decos[0].lineno : s.lineno;
  let funcflags = defaultArguments(c, args);
  if (visitAnnotations(c, args, returns)) funcflags |= 0x04;
  enterScope(c, name, isAsync ? 'async_function' : 'function', s, firstlineno);
  const doc = c.optimize < 2 ? getDocstring(body) : null;
  addConst(c, doc ?? None);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  for (let i = doc !== null ? 1 : 0; i < body.length; i++) visitStmt(c, body[i]);
  const co = assembleUnit(c, true);
  exitScope(c);
  makeClosure(c, co, funcflags);
  applyDecorators(c, decos);
  nameop(c, name, 'Store');
}

export function compilerLambda(c: Compiler, e: ast.Lambda): void {
  const args = e.args;
  checkDebugArgs(c, args);
  const funcflags = defaultArguments(c, args);
  enterScope(c, '<lambda>', 'lambda', e, e.lineno);
  // None is the first constant, so a lambda never has a docstring.
  addConst(c, None);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co: CodeObject;
  if (c.u.ste.generator) {
    co = assembleUnit(c, false);
  } else {
    addop(c, Opcode.RETURN_VALUE);
    co = assembleUnit(c, true);
  }
  exitScope(c);
  makeClosure(c, co, funcflags);
}

export function compilerClass(c: Compiler, s: ast.ClassDef): void {
  const decos = s.decorator_list;
  visitExprs(c, decos);
  const firstlineno = decos.length ? decos[0].lineno : s.lineno;
  // 1. The class body as a code object.
  enterScope(c, s.name, 'class', s, firstlineno);
  c.u.private_ = s.name;
  nameop(c, '__name__', 'Load');
  nameop(c, '__module__', 'Store');
  loadConst(c, c.u.qualname as string);
  nameop(c, '__qualname__', 'Store');
  compilerBody(c, s.body);
  unsetLoc(c);
  if (c.u.ste.needsClassClosure) {
    // Store __classcell__ in the namespace and return it.
    const i = c.u.cellvars.get('__class__');
    if (i !== 0) throw new InternalError('__class__ must be the first cell');
    addopI(c, Opcode.LOAD_CLOSURE, i);
    addopI(c, Opcode.COPY, 1);
    nameop(c, '__classcell__', 'Store');
  } else {
    loadConst(c, None);
  }
  addop(c, Opcode.RETURN_VALUE);
  const co = assembleUnit(c, true);
  exitScope(c);
  // 2. __build_class__(func, name, *bases, **keywords)
  addop(c, Opcode.PUSH_NULL);
  addop(c, Opcode.LOAD_BUILD_CLASS);
  makeClosure(c, co, 0);
  loadConst(c, s.name);
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, decos);
  nameop(c, s.name, 'Store');
}

function addopYield(c: Compiler): void {
  if (c.u.ste.generator && c.u.ste.coroutine) addop(c, Opcode.ASYNC_GEN_WRAP);
  addop(c, Opcode.YIELD_VALUE);
  addopI(c, Opcode.RESUME, 1);
}

export { addopYield };

export function compilerYield(c: Compiler, e: ast.Yield): void {
  if (c.u.ste.type !== 'FunctionBlock') compilerError(c, "'yield' outside function");
  if (e.value) visitExpr(c, e.value);
  else loadConst(c, None);
  addopYield(c);
}

export function compilerYieldFrom(c: Compiler, e: ast.YieldFrom): void {
  if (c.u.ste.type !== 'FunctionBlock') compilerError(c, "'yield' outside function");
  if (c.u.scopeType === 'async_function') compilerError(c, "'yield from' inside async function");
  visitExpr(c, e.value);
  addop(c, Opcode.GET_YIELD_FROM_ITER);
  loadConst(c, None);
  addYieldFrom(c, false);
}

export function compilerAwait(c: Compiler, e: ast.Await): void {
  if (c.u.ste.type !== 'FunctionBlock') compilerError(c, "'await' outside function");
  if (c.u.scopeType !== 'async_function' && c.u.scopeType !== 'comprehension') compilerError(c, "'await' outside async function");
  visitExpr(c, e.value);
  addopI(c, Opcode.GET_AWAITABLE, 0);
  loadConst(c, None);
  addYieldFrom(c, true);
}
