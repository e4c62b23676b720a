import type * as ast from '../ast/nodes.generated.js';
import { PySyntaxError, assertNever } from '../source/errors.js';
import { analyzeBlock } from './analyze.js';
import {
  DEF_ANNOT,
  DEF_COMP_ITER,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  USE,
  type BlockType,
} from './flags.js';
import { mangle } from './mangle.js';
import { SymbolTableEntry } from './scope.js';

/** The AST nodes that own a block: the module, defs, classes, lambdas, comprehensions (and annotations). */
export type BlockKey = object;

/** The result of the symbol table pass: the module's entry and every block by its AST node. */
export interface SymbolTable {
  readonly top: SymbolTableEntry;
  readonly blocks: ReadonlyMap<BlockKey, SymbolTableEntry>;
}

export interface SymtableOptions {
  /** `from __future__ import annotations` is in effect (annotations live in their own blocks). */
  futureAnnotations?: boolean;
  /** The text of a source line (with its newline), for SyntaxError.text; null if unknown. */
  sourceLine?: (lineno: number) => string | null;
}

interface Loc {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

const GLOBAL_PARAM = "name '%s' is parameter and global";
const NONLOCAL_PARAM = "name '%s' is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration";
const NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration";
const GLOBAL_ANNOT = "annotated name '%s' can't be global";
const NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal";

/**
 * Builds the symbol table of a module: a first pass over the AST records what each block does
 * with each name (binds, reads, declares global/nonlocal, takes as a parameter), then analysis
 * decides every name's scope (local, global, free, cell). Raises SyntaxError exactly where
 * CPython's symtable pass does. The AST is not modified.
 * CPython: Python/symtable.c (_PySymtable_Build, symtable_visit_*), 3.11 semantics.
 */
export function buildSymtable(mod: ast.Module, filename: string, options: SymtableOptions = {}): SymbolTable {
  const b = new Builder(filename, options);
  const top = b.enterBlock('top', 'ModuleBlock', mod, { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 });
  b.global = top.symbols;
  for (const s of mod.body) b.visitStmt(s);
  b.exitBlock();
  analyzeBlock(top, null, new Set(), new Set(), (msg, d) => b.error(msg, d));
  return { top, blocks: b.blocks };
}

class Builder {
  readonly blocks = new Map<BlockKey, SymbolTableEntry>();
  private readonly stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private private_: string | null = null;
  global!: Map<string, number>;

  constructor(
    private readonly filename: string,
    private readonly options: SymtableOptions,
  ) {}

  error(msg: string, loc: Loc): never {
    const text = this.options.sourceLine?.(loc.lineno) ?? null;
    throw new PySyntaxError('SyntaxError', msg, this.filename, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1, text);
  }

  enterBlock(name: string, type: BlockType, key: BlockKey, loc: Loc): SymbolTableEntry {
    const prev = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    const ste = new SymbolTableEntry(name, type, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset);
    if (prev !== null && (prev.nested || prev.type === 'FunctionBlock')) ste.nested = true;
    if (prev !== null) ste.compIterExpr = prev.compIterExpr;
    this.blocks.set(key, ste);
    this.stack.push(ste);
    this.cur = ste;
    // Annotation blocks never become children: under `from __future__ import annotations`
    // their contents are compiled to strings, not code.
    if (type !== 'AnnotationBlock' && prev !== null) prev.children.push(ste);
    return ste;
  }

  exitBlock(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1];
  }

  private lookup(name: string): number {
    return this.cur.getSymbol(mangle(this.private_, name));
  }

  addDef(name: string, flag: number, loc: Loc, ste: SymbolTableEntry = this.cur): void {
    const mangled = mangle(this.private_, name);
    const old = ste.symbols.get(mangled);
    let val: number;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) this.error(`duplicate argument '${name}' in function definition`, loc);
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private recordDirective(name: string, loc: Loc): void {
    if (this.cur.directives === null) this.cur.directives = [];
    this.cur.directives.push({ name: mangle(this.private_, name), lineno: loc.lineno, col_offset: loc.col_offset, end_lineno: loc.end_lineno, end_col_offset: loc.end_col_offset });
  }

  visitStmt(s: ast.stmt): void {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitOptionalExprs(s.args.kw_defaults);
        this.visitAnnotations(s, s.args, s.returns);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'FunctionBlock', s, s);
        if (s._type === 'AsyncFunctionDef') this.cur.coroutine = true;
        this.visitArguments(s.args);
        for (const st of s.body) this.visitStmt(st);
        this.exitBlock();
        break;
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'ClassBlock', s, s);
        const saved = this.private_;
        this.private_ = s.name;
        for (const st of s.body) this.visitStmt(st);
        this.private_ = saved;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign':
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case 'AnnAssign':
        if (s.target._type === 'Name') {
          const target = s.target;
          const cur = this.lookup(target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            this.error((cur & DEF_GLOBAL ? GLOBAL_ANNOT : NONLOCAL_ANNOT).replace('%s', target.id), s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          else if (s.value) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'Match':
        this.visitExpr(s.subject);
        for (const m of s.cases) {
          this.visitPattern(m.pattern);
          if (m.guard) this.visitExpr(m.guard);
          this.visitStmts(m.body);
        }
        break;
      case 'Raise':
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        this.visitStmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.orelse);
        this.visitStmts(s.finalbody);
        break;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.visitAlias(a);
        break;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s._type === 'Global';
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = isGlobal ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & USE) msg = isGlobal ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & DEF_ANNOT) msg = isGlobal ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else msg = isGlobal ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            this.error(msg.replace('%s', name), s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      default:
        assertNever(s, 'statement');
    }
  }

  private visitStmts(stmts: ast.stmt[]): void {
    for (const s of stmts) this.visitStmt(s);
  }

  private visitExprs(exprs: ast.expr[]): void {
    for (const e of exprs) this.visitExpr(e);
  }

  private visitOptionalExprs(exprs: (ast.expr | null)[]): void {
    for (const e of exprs) if (e) this.visitExpr(e);
  }

  visitExpr(e: ast.expr): void {
    switch (e._type) {
      case 'NamedExpr':
        this.raiseIfAnnotationBlock('named expression', e);
        this.handleNamedExpr(e);
        break;
      case 'BoolOp':
        this.visitExprs(e.values);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        break;
      case 'Lambda':
        this.visitExprs(e.args.defaults);
        this.visitOptionalExprs(e.args.kw_defaults);
        this.enterBlock('lambda', 'FunctionBlock', e, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Dict':
        this.visitOptionalExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'GeneratorExp':
        this.handleComprehension(e, 'genexpr', e.generators, e.elt, null);
        break;
      case 'ListComp':
        this.handleComprehension(e, 'listcomp', e.generators, e.elt, null);
        break;
      case 'SetComp':
        this.handleComprehension(e, 'setcomp', e.generators, e.elt, null);
        break;
      case 'DictComp':
        this.handleComprehension(e, 'dictcomp', e.generators, e.key, e.value);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.raiseIfAnnotationBlock('yield expression', e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== 'NoComprehension') this.raiseComprehensionYield(e);
        break;
      case 'Await':
        this.raiseIfAnnotationBlock('await expression', e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpr(e.value);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Starred':
        this.visitExpr(e.value);
        break;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        // `super` is a use of `__class__`.
        if (e.ctx === 'Load' && this.cur.type === 'FunctionBlock' && e.id === 'super') this.addDef('__class__', USE, e);
        break;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        break;
      default:
        assertNever(e, 'expression');
    }
  }

  private visitPattern(p: ast.pattern): void {
    switch (p._type) {
      case 'MatchValue':
        this.visitExpr(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case 'MatchStar':
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchMapping':
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchOr':
        for (const q of p.patterns) this.visitPattern(q);
        break;
      default:
        assertNever(p, 'pattern');
    }
  }

  private visitAlias(a: ast.alias): void {
    // `import a.b` binds `a`; `import a.b as c` binds `c`.
    const name = a.asname ?? a.name;
    const dot = name.indexOf('.');
    const storeName = dot === -1 ? name : name.slice(0, dot);
    if (name !== '*') {
      this.addDef(storeName, DEF_IMPORT, a);
    } else if (this.cur.type !== 'ModuleBlock') {
      this.error('import * only allowed at module level', a);
    }
  }

  private visitArguments(a: ast.arguments): void {
    for (const arg of a.posonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.args) this.addDef(arg.arg, DEF_PARAM, arg);
    for (const arg of a.kwonlyargs) this.addDef(arg.arg, DEF_PARAM, arg);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitAnnotation(annotation: ast.expr): void {
    const future = this.options.futureAnnotations === true;
    if (future) this.enterBlock('_annotation', 'AnnotationBlock', annotation, annotation);
    this.visitExpr(annotation);
    if (future) this.exitBlock();
  }

  private visitAnnotations(s: ast.FunctionDef | ast.AsyncFunctionDef, a: ast.arguments, returns: ast.expr | null): void {
    const future = this.options.futureAnnotations === true;
    if (future) this.enterBlock('_annotation', 'AnnotationBlock', s, s);
    for (const arg of a.posonlyargs) if (arg.annotation) this.visitExpr(arg.annotation);
    for (const arg of a.args) if (arg.annotation) this.visitExpr(arg.annotation);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.visitExpr(arg.annotation);
    if (future) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private handleComprehension(e: ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp, scopeName: string, generators: ast.comprehension[], elt: ast.expr, value: ast.expr | null): void {
    const outermost = generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(scopeName, 'FunctionBlock', e, e);
    this.cur.comprehension =
      e._type === 'ListComp' ? 'ListComprehension' : e._type === 'SetComp' ? 'SetComprehension' : e._type === 'DictComp' ? 'DictComprehension' : 'GeneratorExpression';
    if (outermost.is_async) this.cur.coroutine = true;
    // The outermost iterator is received as the implicit parameter `.0`.
    this.addDef('.0', DEF_PARAM, this.cur);
    this.cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    this.cur.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const g = generators[i];
      this.cur.compIterTarget = true;
      this.visitExpr(g.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.visitExpr(g.iter);
      this.cur.compIterExpr--;
      this.visitExprs(g.ifs);
      if (g.is_async) this.cur.coroutine = true;
    }
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    const isGenerator = e._type === 'GeneratorExp';
    this.cur.generator = isGenerator;
    // An async comprehension makes the enclosing block a coroutine too.
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }

  private handleNamedExpr(e: ast.NamedExpr): void {
    if (this.cur.compIterExpr > 0) this.error('assignment expression cannot be used in a comprehension iterable expression', e);
    if (this.cur.comprehension !== 'NoComprehension') this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** An assignment expression in a comprehension binds in the nearest enclosing non-comprehension scope. */
  private extendNamedExprScope(target: ast.expr): void {
    if (target._type !== 'Name') return;
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension !== 'NoComprehension') {
        const flags = ste.getSymbol(name);
        if (flags & DEF_COMP_ITER && flags & DEF_LOCAL) this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        continue;
      }
      if (ste.type === 'FunctionBlock') {
        if (ste.getSymbol(name) & DEF_GLOBAL) this.addDef(name, DEF_GLOBAL, target);
        else this.addDef(name, DEF_NONLOCAL, target);
        this.recordDirective(name, target);
        this.addDef(name, DEF_LOCAL, target, ste);
        return;
      }
      if (ste.type === 'ModuleBlock') {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, target);
        this.addDef(name, DEF_GLOBAL, target, ste);
        return;
      }
      if (ste.type === 'ClassBlock') this.error('assignment expression within a comprehension cannot be used in a class body', target);
    }
  }

  private raiseIfAnnotationBlock(what: string, e: ast.expr): void {
    if (this.cur.type === 'AnnotationBlock') this.error(`${what} cannot be used within an annotation`, e);
  }

  private raiseComprehensionYield(e: ast.expr): never {
    const kind = this.cur.comprehension;
    const what = kind === 'ListComprehension' ? 'list comprehension' : kind === 'SetComprehension' ? 'set comprehension' : kind === 'DictComprehension' ? 'dict comprehension' : 'generator expression';
    this.error(`'yield' inside ${what}`, e);
  }
}
