import { ALIASES, HEX_NAME_RANGES, NAMES, NAME_WORDS } from './unicode-names.generated.js';

/**
 * The code point a `\N{name}` escape names, as CPython 3.11 (Unicode 14.0) resolves it: explicit
 * character names and formal aliases case-insensitively, Hangul syllables and CJK unified
 * ideographs algorithmically (those two only in upper case). Named sequences are refused.
 *
 * The generated table stores the names of consecutive code points as word indices into a
 * frequency-sorted vocabulary, in printable ASCII minus `"` and `\` (93 symbols): symbol 0 ends a
 * name (the next one is for the next code point), symbol 1 ends it and four base-93 digits give
 * the distance to the next code point; a word is one symbol (2..47), two (48..90, then one), or
 * three (91..92, then two). The map is built on first use.
 * CPython: Modules/unicodedata.c (_getcode, find_syllable, is_unified_ideograph).
 */

const B = 93;
const SYMBOL = new Int8Array(128).fill(-1);
{
  let k = 0;
  for (let c = 0x20; c < 0x7f; c++) {
    if (c === 0x22 || c === 0x5c) continue;
    SYMBOL[c] = k++;
  }
}

let table: Map<string, number> | null = null;

function decodeInto(data: string, words: readonly string[], into: Map<string, number>): void {
  const sym = (i: number): number => SYMBOL[data.charCodeAt(i)];
  const number = (i: number): number => sym(i) + B * (sym(i + 1) + B * (sym(i + 2) + B * sym(i + 3)));
  let i = 0;
  let cp = 0;
  if (data.length > 0 && sym(0) === 1) {
    cp = -1 + number(1);
    i = 5;
  }
  const parts: string[] = [];
  while (i < data.length) {
    const s = sym(i);
    if (s === 0 || s === 1) {
      into.set(parts.join(' '), cp);
      parts.length = 0;
      if (s === 0) {
        cp++;
        i++;
      } else {
        cp += number(i + 1);
        i += 5;
      }
      continue;
    }
    let index: number;
    if (s < 48) {
      index = s - 2;
      i += 1;
    } else if (s < 91) {
      index = 46 + (s - 48) * B + sym(i + 1);
      i += 2;
    } else {
      index = 46 + 43 * B + (s - 91) * B * B + sym(i + 1) * B + sym(i + 2);
      i += 3;
    }
    parts.push(words[index]);
  }
  if (parts.length > 0) into.set(parts.join(' '), cp);
}

function names(): Map<string, number> {
  if (table === null) {
    const words = NAME_WORDS.split(' ');
    table = new Map();
    decodeInto(NAMES, words, table);
    decodeInto(ALIASES, words, table);
  }
  return table;
}

const HANGUL_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const HANGUL_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** The longest jamo short name at `pos`: [index or -1, length]. CPython: find_syllable. */
function findSyllable(s: string, pos: number, jamo: readonly string[]): [number, number] {
  let best = -1;
  let len = -1;
  for (let i = 0; i < jamo.length; i++) {
    const j = jamo[i];
    if (j.length <= len) continue;
    if (s.startsWith(j, pos)) {
      len = j.length;
      best = i;
    }
  }
  return [best, Math.max(len, 0)];
}

function isUnifiedIdeograph(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x20000 && c <= 0x2a6df) ||
    (c >= 0x2a700 && c <= 0x2b738) ||
    (c >= 0x2b740 && c <= 0x2b81d) ||
    (c >= 0x2b820 && c <= 0x2cea1) ||
    (c >= 0x2ceb0 && c <= 0x2ebe0) ||
    (c >= 0x30000 && c <= 0x3134a)
  );
}

const CJK_UNIFIED = 'CJK UNIFIED IDEOGRAPH-';

/** The code point named `name`, or -1. */
export function lookupCharacterName(name: string): number {
  if (name.startsWith('HANGUL SYLLABLE ')) {
    let pos = 16;
    const [l, ll] = findSyllable(name, pos, HANGUL_L);
    pos += ll;
    const [v, vl] = findSyllable(name, pos, HANGUL_V);
    pos += vl;
    const [t, tl] = findSyllable(name, pos, HANGUL_T);
    pos += tl;
    if (l !== -1 && v !== -1 && t !== -1 && pos === name.length) return 0xac00 + (l * 21 + v) * 28 + t;
    return -1;
  }
  if (name.startsWith(CJK_UNIFIED)) {
    const hex = name.slice(CJK_UNIFIED.length);
    if ((hex.length !== 4 && hex.length !== 5) || !/^[0-9A-F]+$/.test(hex)) return -1;
    const c = parseInt(hex, 16);
    return isUnifiedIdeograph(c) ? c : -1;
  }
  let upper = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    upper += c >= 0x61 && c <= 0x7a ? String.fromCharCode(c - 32) : name[i];
  }
  const found = names().get(upper);
  if (found !== undefined) return found;
  const dash = upper.lastIndexOf('-');
  if (dash < 0) return -1;
  const prefix = upper.slice(0, dash + 1);
  const ranges = prefix === CJK_UNIFIED ? undefined : HEX_NAME_RANGES[prefix];
  if (ranges === undefined) return -1;
  const hex = upper.slice(dash + 1);
  if (!/^[0-9A-F]{4,6}$/.test(hex)) return -1;
  const c = parseInt(hex, 16);
  if (c.toString(16).toUpperCase().padStart(4, '0') !== hex) return -1;
  for (const [a, b] of ranges) if (c >= a && c <= b) return c;
  return -1;
}
