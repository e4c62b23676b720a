import type { Import, ImportFrom, Name, alias, stmt } from '../../ast/nodes.generated.js';
import { Tok } from '../../tokenizer/token-kind.js';
import { extra, joinNamesWithDot } from '../actions.js';
import { Memo, NOT_MEMOIZED, type Parser } from '../parser.js';
import { invalid_import_from_targets } from './invalid-statements.js';

/**
 * Import statements: `import a.b as c`, `from ..pkg import (x as y, z)`, `from m import *`, and the
 * dotted names they use (a dotted name is one Name whose id contains the dots).
 * CPython: Grammar/python.gram (Import statements).
 */

/** import_stmt: import_name | import_from */
export function import_stmt(p: Parser): stmt | null {
  return import_name(p) ?? import_from(p);
}

/** import_name: 'import' dotted_as_names */
export function import_name(p: Parser): stmt | null {
  const mark = p.mark;
  let a: alias[] | null;
  if (p.expect(Tok.KW_IMPORT) && (a = dotted_as_names(p)) !== null) return extra<Import>(p, mark, { _type: 'Import', names: a });
  p.mark = mark;
  return null;
}

/** ('.' | '...')* as a number of dots. */
function dots(p: Parser): number {
  let n = 0;
  for (;;) {
    if (p.expect(Tok.DOT)) n += 1;
    else if (p.expect(Tok.ELLIPSIS)) n += 3;
    else return n;
  }
}

/**
 * import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets
 */
export function import_from(p: Parser): stmt | null {
  const mark = p.mark;
  if (!p.expect(Tok.KW_FROM)) return null;
  const afterFrom = p.mark;
  const level = dots(p);
  let b: Name | null;
  let c: alias[] | null;
  if ((b = dotted_name(p)) !== null && p.expect(Tok.KW_IMPORT) && (c = import_from_targets(p)) !== null) {
    return extra<ImportFrom>(p, mark, { _type: 'ImportFrom', module: b.id, names: c, level });
  }
  p.mark = afterFrom;
  const level2 = dots(p);
  if (level2 > 0 && p.expect(Tok.KW_IMPORT) && (c = import_from_targets(p)) !== null) {
    return extra<ImportFrom>(p, mark, { _type: 'ImportFrom', module: null, names: c, level: level2 });
  }
  p.mark = mark;
  return null;
}

/**
 * import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
 *                    | invalid_import_from_targets
 */
export function import_from_targets(p: Parser): alias[] | null {
  const mark = p.mark;
  if (p.expect(Tok.LPAR)) {
    const a = import_from_as_names(p);
    if (a !== null) {
      p.expect(Tok.COMMA);
      if (p.expect(Tok.RPAR)) return a;
    }
    p.mark = mark;
  }
  const a = import_from_as_names(p);
  if (a !== null && !p.at(Tok.COMMA)) return a;
  p.mark = mark;
  if (p.expect(Tok.STAR)) return [extra<alias>(p, mark, { _type: 'alias', name: '*', asname: null })];
  if (p.callInvalidRules) {
    invalid_import_from_targets(p);
    p.mark = mark;
  }
  return null;
}

/** import_from_as_names: ','.import_from_as_name+ */
export function import_from_as_names(p: Parser): alias[] | null {
  const first = import_from_as_name(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: alias | null;
    if (p.expect(Tok.COMMA) && (c = import_from_as_name(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** ['as' NAME] */
function asName(p: Parser): string | null {
  const m = p.mark;
  let z: Name | null;
  if (p.expect(Tok.KW_AS) && (z = p.name()) !== null) return z.id;
  p.mark = m;
  return null;
}

/** import_from_as_name: NAME ['as' NAME] */
export function import_from_as_name(p: Parser): alias | null {
  const mark = p.mark;
  const a = p.name();
  if (a === null) return null;
  const b = asName(p);
  return extra<alias>(p, mark, { _type: 'alias', name: a.id, asname: b });
}

/** dotted_as_names: ','.dotted_as_name+ */
export function dotted_as_names(p: Parser): alias[] | null {
  const first = dotted_as_name(p);
  if (first === null) return null;
  const out = [first];
  for (;;) {
    const m = p.mark;
    let c: alias | null;
    if (p.expect(Tok.COMMA) && (c = dotted_as_name(p)) !== null) out.push(c);
    else {
      p.mark = m;
      break;
    }
  }
  return out;
}

/** dotted_as_name: dotted_name ['as' NAME] */
export function dotted_as_name(p: Parser): alias | null {
  const mark = p.mark;
  const a = dotted_name(p);
  if (a === null) return null;
  const b = asName(p);
  return extra<alias>(p, mark, { _type: 'alias', name: a.id, asname: b });
}

/** dotted_name (left-recursive, memo): dotted_name '.' NAME | NAME */
export function dotted_name(p: Parser): Name | null {
  const memo = p.memoGet(Memo.dotted_name);
  if (memo !== NOT_MEMOIZED) return memo as Name | null;
  const mark = p.mark;
  let res = p.name();
  if (res !== null) {
    for (;;) {
      const m = p.mark;
      let b: Name | null;
      if (p.expect(Tok.DOT) && (b = p.name()) !== null) res = joinNamesWithDot(res, b);
      else {
        p.mark = m;
        break;
      }
    }
  }
  p.memoSet(mark, Memo.dotted_name, res);
  return res;
}

