import type * as ast from '../../ast/nodes.generated.js';
import { Opcode } from '../../bytecode/opcodes.generated.js';
import { PyTuple } from '../../objects/values.js';
import { DEF_IMPORT } from '../../symtable/flags.js';
import { checkCaller } from './checks.js';
import { STACK_USE_GUIDELINE, starunpackHelper, visitExpr, visitExprs } from './expressions.js';
import { checkForbiddenName } from './scopes.js';
import {
  addConst,
  addop,
  addopI,
  addopINoline,
  addopName,
  compilerError,
  loadConst,
  setLoc,
  type Compiler,
} from './unit.js';

/**
 * Code generation for calls: the plain PRECALL/CALL sequence with KW_NAMES, the LOAD_METHOD
 * form for `obj.meth(...)`, and CALL_FUNCTION_EX when there are `*`/`**` arguments or too many.
 * CPython: Python/compile.c (compiler_call, maybe_optimize_method_call, compiler_call_helper,
 * compiler_call_simple_kw_helper, compiler_subkwargs, validate_keywords).
 */

/** If an attribute spans lines, its instructions start at the attribute name. */
export function updateStartLocationToMatchAttr(c: Compiler, attr: ast.Attribute): void {
  const u = c.u;
  if (u.lineno !== attr.end_lineno) {
    u.lineno = attr.end_lineno;
    const len = Array.from(attr.attr).length;
    if (len <= attr.end_col_offset) {
      u.col_offset = attr.end_col_offset - len;
    } else {
      // Weird ASTs: drop the columns.
      u.col_offset = -1;
      u.end_col_offset = -1;
    }
    u.end_lineno = Math.max(u.lineno, u.end_lineno);
    if (u.lineno === u.end_lineno) u.end_col_offset = Math.max(u.col_offset, u.end_col_offset);
  }
}

function isImportOriginated(c: Compiler, e: ast.expr): boolean {
  if (e._type !== 'Name') return false;
  return (c.st.top.getSymbol(e.id) & DEF_IMPORT) !== 0;
}

function validateKeywords(c: Compiler, keywords: ast.keyword[]): void {
  for (let i = 0; i < keywords.length; i++) {
    const key = keywords[i];
    if (key.arg === null) continue;
    checkForbiddenName(c, key.arg, 'Store');
    for (let j = i + 1; j < keywords.length; j++) {
      const other = keywords[j];
      if (other.arg !== null && other.arg === key.arg) {
        setLoc(c, other);
        compilerError(c, `keyword argument repeated: ${key.arg}`);
      }
    }
  }
}

/** KW_NAMES with the tuple of keyword names. */
function callSimpleKwHelper(c: Compiler, keywords: ast.keyword[]): void {
  const names = new PyTuple(keywords.map((k) => k.arg as string));
  addopI(c, Opcode.KW_NAMES, addConst(c, names));
}

/** `o.m(...)` as LOAD_METHOD; returns false when the call does not qualify. */
function maybeOptimizeMethodCall(c: Compiler, e: ast.Call): boolean {
  const meth = e.func;
  if (meth._type !== 'Attribute' || meth.ctx !== 'Load') return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a._type === 'Starred')) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  visitExpr(c, meth.value);
  setLoc(c, meth);
  updateStartLocationToMatchAttr(c, meth);
  addopName(c, Opcode.LOAD_METHOD, meth.attr);
  visitExprs(c, e.args);
  if (kwdsl) {
    for (const k of e.keywords) visitExpr(c, k.value);
    callSimpleKwHelper(c, e.keywords);
  }
  setLoc(c, e);
  updateStartLocationToMatchAttr(c, meth);
  addopI(c, Opcode.PRECALL, argsl + kwdsl);
  addopI(c, Opcode.CALL, argsl + kwdsl);
  return true;
}

export function compilerCall(c: Compiler, e: ast.Call): void {
  validateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  checkCaller(c, e.func);
  setLoc(c, e.func);
  addop(c, Opcode.PUSH_NULL);
  setLoc(c, e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

/** A dict from `begin..end` of plain keyword arguments (for CALL_FUNCTION_EX). */
function subkwargs(c: Compiler, keywords: ast.keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    loadConst(c, new PyTuple(keywords.slice(begin, end).map((k) => k.arg as string)));
    addopI(c, Opcode.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) addopINoline(c, Opcode.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    loadConst(c, keywords[i].arg as string);
    visitExpr(c, keywords[i].value);
    if (big) addopINoline(c, Opcode.MAP_ADD, 1);
  }
  if (!big) addopI(c, Opcode.BUILD_MAP, n);
}

/** The arguments and the call itself, `n` arguments being already on the stack (shared with class creation). */
export function callHelper(c: Compiler, n: number, args: ast.expr[], keywords: ast.keyword[]): void {
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE || args.some((a) => a._type === 'Starred') || keywords.some((k) => k.arg === null);
  if (!exCall) {
    for (const a of args) visitExpr(c, a);
    if (nkwelts) {
      for (const k of keywords) visitExpr(c, k.value);
      callSimpleKwHelper(c, keywords);
    }
    addopI(c, Opcode.PRECALL, n + nelts + nkwelts);
    addopI(c, Opcode.CALL, n + nelts + nkwelts);
    return;
  }
  // Positional arguments as one tuple.
  const only = args[0];
  if (n === 0 && nelts === 1 && only._type === 'Starred') visitExpr(c, only.value);
  else starunpackHelper(c, args, n, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
  // Keyword arguments as one dict.
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) addopI(c, Opcode.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          addopI(c, Opcode.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        addopI(c, Opcode.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) addopI(c, Opcode.DICT_MERGE, 1);
    }
  }
  addopI(c, Opcode.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}
