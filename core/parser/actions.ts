import type {
  Attribute,
  Call,
  List,
  Starred,
  Subscript,
  Tuple,
  ClassDef,
  Located,
  Name,
  arg,
  arguments as Arguments,
  cmpop,
  comprehension,
  expr,
  expr_context,
  keyword,
  pattern,
  stmt,
} from '../ast/nodes.generated.js';
import { Ellipsis, None } from '../objects/values.js';
import { InternalError } from '../source/errors.js';
import type { Parser, Pos } from './parser.js';

/**
 * What the grammar's actions build, besides AST nodes: the helper records CPython passes between
 * rules (key/value pairs, parameter groups, keyword-or-starred call items) and the functions that
 * assemble them into nodes, plus the error helpers the `invalid_*` rules share.
 * CPython: Parser/action_helpers.c, Parser/pegen.h (CmpopExprPair, KeyValuePair, NameDefaultPair,
 * SlashWithDefault, StarEtc, KeywordOrStarred, KeyPatternPair).
 */

export interface CmpopExprPair {
  readonly cmpop: cmpop;
  readonly expr: expr;
}
export interface KeyValuePair {
  readonly key: expr | null;
  readonly value: expr;
}
export interface KeyPatternPair {
  readonly key: expr;
  readonly pattern: pattern;
}
export interface NameDefaultPair {
  readonly arg: arg;
  readonly value: expr | null;
}
export interface SlashWithDefault {
  readonly plainNames: arg[];
  readonly namesWithDefaults: NameDefaultPair[];
}
export interface StarEtc {
  readonly vararg: arg | null;
  readonly kwonlyargs: NameDefaultPair[] | null;
  readonly kwarg: arg | null;
}
export interface KeywordOrStarred {
  readonly element: keyword | expr;
  readonly isKeyword: boolean;
}

/** Gives a node the span from `s`'s start to `e`'s end. */
export function span<T extends Located>(n: Omit<T, keyof Located>, s: Pos, e: Pos): T {
  const x = n as T;
  x.lineno = s.lineno;
  x.col_offset = s.col_offset;
  x.end_lineno = e.end_lineno;
  x.end_col_offset = e.end_col_offset;
  return x;
}

/** CPython's EXTRA: from the token at `mark` to the last non-whitespace token consumed. */
export function extra<T extends Located>(p: Parser, mark: number, n: Omit<T, keyof Located>): T {
  return span<T>(n, p.tokens[mark], p.lastNonWhitespaceToken());
}

/** The placeholder callee of the Call that `args` builds. CPython: _PyPegen_dummy_name. */
export const DUMMY_NAME: Name = { _type: 'Name', id: '', ctx: 'Load', lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 };

/** A copy of `e` with context `ctx` (recursively for tuples, lists, starred). CPython: _PyPegen_set_expr_context. */
export function setExprContext(e: expr, ctx: expr_context): expr {
  switch (e._type) {
    case 'Name':
      return span<Name>({ _type: 'Name', id: e.id, ctx }, e, e);
    case 'Tuple':
      return span<Tuple>({ _type: 'Tuple', elts: e.elts.map((x) => setExprContext(x, ctx)), ctx }, e, e);
    case 'List':
      return span<List>({ _type: 'List', elts: e.elts.map((x) => setExprContext(x, ctx)), ctx }, e, e);
    case 'Subscript':
      return span<Subscript>({ _type: 'Subscript', value: e.value, slice: e.slice, ctx }, e, e);
    case 'Attribute':
      return span<Attribute>({ _type: 'Attribute', value: e.value, attr: e.attr, ctx }, e, e);
    case 'Starred':
      return span<Starred>({ _type: 'Starred', value: setExprContext(e.value, ctx), ctx }, e, e);
    default:
      return e;
  }
}

/** `a.b` as one Name whose id holds the dot. CPython: _PyPegen_join_names_with_dot. */
export function joinNamesWithDot(first: Name, second: Name): Name {
  return span<Name>({ _type: 'Name', id: `${first.id}.${second.id}`, ctx: 'Load' }, first, second);
}

function names(pairs: readonly NameDefaultPair[]): arg[] {
  return pairs.map((x) => x.arg);
}

function defaults(pairs: readonly NameDefaultPair[]): (expr | null)[] {
  return pairs.map((x) => x.value);
}

/** An `arguments` node from the pieces `parameters` matched. CPython: _PyPegen_make_arguments. */
export function makeArguments(
  slashWithoutDefault: arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: arg[] | null,
  namesWithDefault: NameDefaultPair[] | null,
  starEtc: StarEtc | null,
): Arguments {
  let posonlyargs: arg[];
  if (slashWithoutDefault !== null) posonlyargs = slashWithoutDefault;
  else if (slashWithDefault !== null) posonlyargs = [...slashWithDefault.plainNames, ...names(slashWithDefault.namesWithDefaults)];
  else posonlyargs = [];

  let args: arg[];
  if (plainNames !== null && namesWithDefault !== null) args = [...plainNames, ...names(namesWithDefault)];
  else if (namesWithDefault !== null) args = names(namesWithDefault);
  else if (plainNames !== null) args = plainNames;
  else args = [];

  let posdefaults: expr[];
  if (slashWithDefault !== null && namesWithDefault !== null) {
    posdefaults = [...defaults(slashWithDefault.namesWithDefaults), ...defaults(namesWithDefault)] as expr[];
  } else if (namesWithDefault !== null) posdefaults = defaults(namesWithDefault) as expr[];
  else if (slashWithDefault !== null) posdefaults = defaults(slashWithDefault.namesWithDefaults) as expr[];
  else posdefaults = [];

  const kwonly = starEtc !== null && starEtc.kwonlyargs !== null ? starEtc.kwonlyargs : null;
  return {
    _type: 'arguments',
    posonlyargs,
    args,
    vararg: starEtc !== null ? starEtc.vararg : null,
    kwonlyargs: kwonly !== null ? names(kwonly) : [],
    kw_defaults: kwonly !== null ? defaults(kwonly) : [],
    kwarg: starEtc !== null ? starEtc.kwarg : null,
    defaults: posdefaults,
  };
}

/** The arguments of a function without parameters. CPython: _PyPegen_empty_arguments. */
export function emptyArguments(): Arguments {
  return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

/** A FunctionDef/AsyncFunctionDef/ClassDef with its decorators (keeping the def's own span). */
export function withDecorators(decorators: expr[], def: stmt): stmt {
  if (def._type === 'FunctionDef' || def._type === 'AsyncFunctionDef' || def._type === 'ClassDef') {
    return { ...def, decorator_list: decorators } as stmt;
  }
  return def;
}

/** The positional items of a call's keyword-or-starred list. CPython: _PyPegen_seq_extract_starred_exprs. */
export function extractStarredExprs(kwargs: readonly KeywordOrStarred[]): expr[] {
  const out: expr[] = [];
  for (const k of kwargs) if (!k.isKeyword) out.push(k.element as expr);
  return out;
}

/** The keyword items of a call's keyword-or-starred list. CPython: _PyPegen_seq_delete_starred_exprs. */
export function deleteStarredExprs(kwargs: readonly KeywordOrStarred[]): keyword[] {
  const out: keyword[] = [];
  for (const k of kwargs) if (k.isKeyword) out.push(k.element as keyword);
  return out;
}

/** The Call `args` builds from positional items and keyword-or-starred items. CPython: _PyPegen_collect_call_seqs. */
export function collectCallSeqs(a: expr[], b: KeywordOrStarred[] | null, s: Pos, e: Pos): Call {
  if (b === null) return span<Call>({ _type: 'Call', func: DUMMY_NAME, args: a, keywords: [] }, s, e);
  return span<Call>({ _type: 'Call', func: DUMMY_NAME, args: [...a, ...extractStarredExprs(b)], keywords: deleteStarredExprs(b) }, s, e);
}

/** ClassDef with bases and keywords from the parenthesised call-like part. */
export function classDef(name: string, call: Call | null, body: stmt[], s: Pos, e: Pos): ClassDef {
  return span<ClassDef>(
    { _type: 'ClassDef', name, bases: call ? call.args : [], keywords: call ? call.keywords : [], body, decorator_list: [] },
    s,
    e,
  );
}

/** True for `print` and `exec` used as statements. CPython: _PyPegen_check_legacy_stmt. */
export function checkLegacyStmt(e: expr): boolean {
  return e._type === 'Name' && (e.id === 'print' || e.id === 'exec');
}

/** How error messages name an expression. CPython: _PyPegen_get_expr_name. */
export function getExprName(e: expr): string {
  switch (e._type) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v === None) return 'None';
      if (v === false) return 'False';
      if (v === true) return 'True';
      if (v === Ellipsis) return 'ellipsis';
      return 'literal';
    }
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Slice':
      throw new InternalError(`unexpected expression in assignment Slice (line ${e.lineno})`);
  }
}

/** Where assignment targets are being checked. */
export type TargetsType = 'star' | 'del' | 'for';

/** The first part of `e` that cannot be a target, or null. CPython: _PyPegen_get_invalid_target. */
export function getInvalidTarget(e: expr | null, type: TargetsType): expr | null {
  if (e === null) return null;
  switch (e._type) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const child = getInvalidTarget(x, type);
        if (child !== null) return child;
      }
      return null;
    case 'Starred':
      if (type === 'del') return e;
      return getInvalidTarget(e.value, type);
    case 'Compare':
      if (type === 'for') {
        if (e.ops[0] === 'In') return getInvalidTarget(e.left, type);
        return null;
      }
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/**
 * RAISE_SYNTAX_ERROR_INVALID_TARGET: "cannot assign to X" / "cannot delete X" at the invalid part,
 * or null (no error) when every part is a valid target.
 */
export function invalidTargetError(p: Parser, type: TargetsType, e: expr): never | null {
  const target = getInvalidTarget(e, type);
  if (target === null) return null;
  const msg = type === 'del' ? 'cannot delete %s' : 'cannot assign to %s';
  throw p.errorKnownLocation('SyntaxError', target, msg.replace('%s', getExprName(target)));
}

/** The last expression of a comprehension clause (its last `if`, else its iterable). */
export function lastComprehensionItem(c: comprehension): expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1];
}

/** "positional argument follows keyword argument [unpacking]". CPython: _PyPegen_arguments_parsing_error. */
export function argumentsParsingError(p: Parser, e: Call): never {
  const unpacking = e.keywords.some((k) => k.arg === null);
  throw p.error(
    'SyntaxError',
    unpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument',
  );
}

/**
 * `f(a, x for x in y)`: "Generator expression must be parenthesized" unless the genexp is the only
 * argument (then null: no error). CPython: _PyPegen_nonparen_genexp_in_call.
 */
export function nonparenGenexpInCall(p: Parser, args: Call, comprehensions: comprehension[]): never | null {
  const len = args.args.length;
  if (len <= 1) return null;
  const last = comprehensions[comprehensions.length - 1];
  throw p.errorRange('SyntaxError', args.args[len - 1], lastComprehensionItem(last), 'Generator expression must be parenthesized');
}
