import type * as ast from '../ast/nodes.generated.js';
import { PySyntaxError } from '../source/errors.js';
import { getDocstring } from './codegen/functions.js';

/** co_flags bits of the `from __future__` features that change compilation. CPython: Include/cpython/compile.h. */
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

/** The module's future features (PyFutureFeatures). */
export interface FutureFeatures {
  /** CO_FUTURE_* bits in effect (only those that change anything are recorded). */
  features: number;
  /** Line of the last future import, -1 if none (ff_lineno). */
  lineno: number;
}

const MANDATORY = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'generator_stop']);

/**
 * Reads the `from __future__ import ...` statements at the top of a module (after its
 * docstring), and rejects unknown features and late future imports found there.
 * CPython: Python/future.c (future_parse, future_check_features), 3.11.
 */
export function futureFromAst(mod: ast.Module, filename: string, sourceLine?: (lineno: number) => string | null): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: -1 };
  const body = mod.body;
  if (body.length === 0) return ff;
  // CPython reports these with only a start position; the late-import error (unlike the
  // feature errors) passes the 0-based column unchanged as the 1-based offset.
  const error = (msg: string, s: ast.stmt, offset: number = s.col_offset + 1): never => {
    throw new PySyntaxError('SyntaxError', msg, filename, s.lineno, offset, s.lineno, null, sourceLine?.(s.lineno) ?? null);
  };
  let i = getDocstring(body) !== null ? 1 : 0;
  let done = false;
  let prevLine = 0;
  for (; i < body.length; i++) {
    const s = body[i];
    if (done && s.lineno > prevLine) return ff;
    prevLine = s.lineno;
    if (s._type === 'ImportFrom' && s.module === '__future__') {
      if (done) error('from __future__ imports must occur at the beginning of the file', s, s.col_offset);
      for (const alias of s.names) {
        const feature = alias.name;
        if (MANDATORY.has(feature)) continue;
        if (feature === 'barry_as_FLUFL') ff.features |= CO_FUTURE_BARRY_AS_BDFL;
        else if (feature === 'annotations') ff.features |= CO_FUTURE_ANNOTATIONS;
        else if (feature === 'braces') error('not a chance', s);
        else error(`future feature ${feature} is not defined`, s);
      }
      ff.lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return ff;
}
