import { AttributeError, NameError, PyBaseException } from '../objects/exceptions.js';
import { DIR_NAMES } from '../objects/dir-names.js';
import { strRepr } from '../objects/repr.js';
import { typeOf, type PyType } from '../objects/types.js';
import { MAIN_PRESET_NAMES } from './vm-names.js';
import { encodeUtf8, utf8Length } from '../source/utf8.js';

/**
 * "Did you mean" hints appended to NameError and AttributeError messages when a traceback is
 * printed: the candidate within a third of the name's length by a Levenshtein distance where a
 * case change costs 1 and any other edit 2.
 * CPython 3.11: Python/suggestions.c (_Py_Offer_Suggestions), called from Python/pythonrun.c.
 */

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** Edit distance between two UTF-8 byte strings, giving up past maxCost. */
export function levenshtein(aStr: string, bStr: string, maxCost: number): number {
  let a = encodeUtf8(aStr);
  let b = encodeUtf8(bStr);
  if (aStr === bStr) return 0;
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  a = a.slice(lo);
  b = b.slice(lo);
  while (a.length && b.length && a[a.length - 1] === b[b.length - 1]) {
    a = a.slice(0, -1);
    b = b.slice(0, -1);
  }
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0, tmp = MOVE_COST; i < a.length; i++, tmp += MOVE_COST) buffer[i] = tmp;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = (result = bi * MOVE_COST);
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]);
      distance = buffer[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The closest candidate to `name`, or null. CPython: calculate_suggestions. */
export function calculateSuggestion(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  const nameSize = utf8Length(name);
  for (const item of candidates) {
    if (item === name) continue;
    const itemSize = utf8Length(item);
    let maxDistance = Math.floor(((nameSize + itemSize + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

function dirOf(t: PyType): string[] {
  const names = DIR_NAMES[t.name];
  if (names) return [...names];
  const out = new Set<string>();
  for (const k of t.mro) for (const n of k.dict.keys()) out.add(n);
  return [...out].sort();
}

/** The ". Did you mean: 'x'?" suffix for an exception about to be printed, or ''. */
export function suggestionSuffix(exc: PyBaseException): string {
  let hint: string | null = null;
  if (exc.type === NameError && exc.name !== null && exc.traceback !== null) {
    let tb = exc.traceback;
    while (tb.tb_next !== null) tb = tb.tb_next;
    const frame = tb.frame;
    hint = calculateSuggestion(frame.code.co_varnames, exc.name);
    if (hint === null) {
      const globals = frame.globals.keys() as string[];
      const isMain = frame.globals.getStr('__name__') === '__main__';
      const keys = isMain ? [...MAIN_PRESET_NAMES, ...globals.filter((k) => !MAIN_PRESET_NAMES.includes(k))] : globals;
      hint = calculateSuggestion(keys.filter((k) => typeof k === 'string'), exc.name);
    }
    if (hint === null) hint = calculateSuggestion(frame.builtins.keys() as string[], exc.name);
  } else if (exc.type === AttributeError && exc.name !== null && exc.obj !== null) {
    hint = calculateSuggestion(dirOf(typeOf(exc.obj)), exc.name);
  }
  return hint === null ? '' : `. Did you mean: ${strRepr(hint)}?`;
}
