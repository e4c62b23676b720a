/**
 * Token types with CPython 3.11's numbers (Grammar/Tokens, Lib/token.py), and the keyword token
 * types the parser gives reserved NAMEs.
 *
 * Operators are told apart by type, as in the C tokenizer (Lib/tokenize.py's `exact_type`).
 * Keywords reuse the numbers CPython's generated parser assigns them, so that dumps of the token
 * buffer read like CPython's debug output.
 * CPython: Grammar/Tokens, Parser/token.c (PyToken_OneChar/TwoChars/ThreeChars),
 * Parser/parser.c (reserved_keywords, soft_keywords).
 */
export const enum Tok {
  ENDMARKER = 0,
  NAME = 1,
  NUMBER = 2,
  STRING = 3,
  NEWLINE = 4,
  INDENT = 5,
  DEDENT = 6,
  LPAR = 7,
  RPAR = 8,
  LSQB = 9,
  RSQB = 10,
  COLON = 11,
  COMMA = 12,
  SEMI = 13,
  PLUS = 14,
  MINUS = 15,
  STAR = 16,
  SLASH = 17,
  VBAR = 18,
  AMPER = 19,
  LESS = 20,
  GREATER = 21,
  EQUAL = 22,
  DOT = 23,
  PERCENT = 24,
  LBRACE = 25,
  RBRACE = 26,
  EQEQUAL = 27,
  NOTEQUAL = 28,
  LESSEQUAL = 29,
  GREATEREQUAL = 30,
  TILDE = 31,
  CIRCUMFLEX = 32,
  LEFTSHIFT = 33,
  RIGHTSHIFT = 34,
  DOUBLESTAR = 35,
  PLUSEQUAL = 36,
  MINEQUAL = 37,
  STAREQUAL = 38,
  SLASHEQUAL = 39,
  PERCENTEQUAL = 40,
  AMPEREQUAL = 41,
  VBAREQUAL = 42,
  CIRCUMFLEXEQUAL = 43,
  LEFTSHIFTEQUAL = 44,
  RIGHTSHIFTEQUAL = 45,
  DOUBLESTAREQUAL = 46,
  DOUBLESLASH = 47,
  DOUBLESLASHEQUAL = 48,
  AT = 49,
  ATEQUAL = 50,
  RARROW = 51,
  ELLIPSIS = 52,
  COLONEQUAL = 53,
  OP = 54,
  AWAIT = 55,
  ASYNC = 56,
  TYPE_IGNORE = 57,
  TYPE_COMMENT = 58,
  SOFT_KEYWORD = 59,
  ERRORTOKEN = 60,
  COMMENT = 61,
  NL = 62,
  ENCODING = 63,

  // Keywords (NAME tokens the parser reclassifies), numbered as in CPython's parser.c.
  KW_PASS = 504,
  KW_BREAK = 508,
  KW_CONTINUE = 509,
  KW_RETURN = 519,
  KW_RAISE = 522,
  KW_GLOBAL = 523,
  KW_NONLOCAL = 524,
  KW_ASSERT = 526,
  KW_IMPORT = 531,
  KW_FROM = 572,
  KW_YIELD = 573,
  KW_OR = 574,
  KW_AND = 575,
  KW_NOT = 581,
  KW_IS = 582,
  KW_LAMBDA = 586,
  KW_TRUE = 600,
  KW_NONE = 601,
  KW_FALSE = 602,
  KW_DEL = 603,
  KW_WITH = 612,
  KW_TRY = 621,
  KW_FINALLY = 630,
  KW_EXCEPT = 634,
  KW_AS = 637,
  KW_IF = 639,
  KW_ELIF = 641,
  KW_ELSE = 642,
  KW_WHILE = 644,
  KW_FOR = 647,
  KW_IN = 648,
  KW_DEF = 649,
  KW_CLASS = 651,
}

/** Lib/token.py's `tok_name` for the tokenizer's own types (0..63). */
export const TOKEN_NAMES: readonly string[] = [
  'ENDMARKER', 'NAME', 'NUMBER', 'STRING', 'NEWLINE', 'INDENT', 'DEDENT', 'LPAR', 'RPAR', 'LSQB', 'RSQB',
  'COLON', 'COMMA', 'SEMI', 'PLUS', 'MINUS', 'STAR', 'SLASH', 'VBAR', 'AMPER', 'LESS', 'GREATER', 'EQUAL',
  'DOT', 'PERCENT', 'LBRACE', 'RBRACE', 'EQEQUAL', 'NOTEQUAL', 'LESSEQUAL', 'GREATEREQUAL', 'TILDE',
  'CIRCUMFLEX', 'LEFTSHIFT', 'RIGHTSHIFT', 'DOUBLESTAR', 'PLUSEQUAL', 'MINEQUAL', 'STAREQUAL', 'SLASHEQUAL',
  'PERCENTEQUAL', 'AMPEREQUAL', 'VBAREQUAL', 'CIRCUMFLEXEQUAL', 'LEFTSHIFTEQUAL', 'RIGHTSHIFTEQUAL',
  'DOUBLESTAREQUAL', 'DOUBLESLASH', 'DOUBLESLASHEQUAL', 'AT', 'ATEQUAL', 'RARROW', 'ELLIPSIS', 'COLONEQUAL',
  'OP', 'AWAIT', 'ASYNC', 'TYPE_IGNORE', 'TYPE_COMMENT', 'SOFT_KEYWORD', 'ERRORTOKEN', 'COMMENT', 'NL',
  'ENCODING',
];

/** Reserved keywords and their token types. CPython: Parser/parser.c (reserved_keywords). */
export const KEYWORDS: ReadonlyMap<string, Tok> = new Map<string, Tok>([
  ['if', Tok.KW_IF], ['as', Tok.KW_AS], ['in', Tok.KW_IN], ['or', Tok.KW_OR], ['is', Tok.KW_IS],
  ['del', Tok.KW_DEL], ['def', Tok.KW_DEF], ['for', Tok.KW_FOR], ['try', Tok.KW_TRY], ['and', Tok.KW_AND],
  ['not', Tok.KW_NOT], ['from', Tok.KW_FROM], ['pass', Tok.KW_PASS], ['with', Tok.KW_WITH],
  ['elif', Tok.KW_ELIF], ['else', Tok.KW_ELSE], ['None', Tok.KW_NONE], ['True', Tok.KW_TRUE],
  ['raise', Tok.KW_RAISE], ['yield', Tok.KW_YIELD], ['break', Tok.KW_BREAK], ['class', Tok.KW_CLASS],
  ['while', Tok.KW_WHILE], ['False', Tok.KW_FALSE], ['return', Tok.KW_RETURN], ['import', Tok.KW_IMPORT],
  ['assert', Tok.KW_ASSERT], ['global', Tok.KW_GLOBAL], ['except', Tok.KW_EXCEPT], ['lambda', Tok.KW_LAMBDA],
  ['finally', Tok.KW_FINALLY], ['continue', Tok.KW_CONTINUE], ['nonlocal', Tok.KW_NONLOCAL],
]);

/** Soft keywords: NAMEs that act as keywords only in some rules. */
export const SOFT_KEYWORDS: readonly string[] = ['_', 'case', 'match'];

/** The name of a token type, keywords as their text in quotes (for debugging output). */
export function tokenTypeName(type: number): string {
  if (type < TOKEN_NAMES.length) return TOKEN_NAMES[type];
  for (const [k, v] of KEYWORDS) if (v === type) return `'${k}'`;
  return `<${type}>`;
}

const ONE_CHAR: Readonly<Record<string, Tok>> = {
  '%': Tok.PERCENT, '&': Tok.AMPER, '(': Tok.LPAR, ')': Tok.RPAR, '*': Tok.STAR, '+': Tok.PLUS, ',': Tok.COMMA,
  '-': Tok.MINUS, '.': Tok.DOT, '/': Tok.SLASH, ':': Tok.COLON, ';': Tok.SEMI, '<': Tok.LESS, '=': Tok.EQUAL,
  '>': Tok.GREATER, '@': Tok.AT, '[': Tok.LSQB, ']': Tok.RSQB, '^': Tok.CIRCUMFLEX, '{': Tok.LBRACE,
  '|': Tok.VBAR, '}': Tok.RBRACE, '~': Tok.TILDE,
};

const TWO_CHARS: Readonly<Record<string, Tok>> = {
  '!=': Tok.NOTEQUAL, '%=': Tok.PERCENTEQUAL, '&=': Tok.AMPEREQUAL, '**': Tok.DOUBLESTAR, '*=': Tok.STAREQUAL,
  '+=': Tok.PLUSEQUAL, '-=': Tok.MINEQUAL, '->': Tok.RARROW, '//': Tok.DOUBLESLASH, '/=': Tok.SLASHEQUAL,
  ':=': Tok.COLONEQUAL, '<<': Tok.LEFTSHIFT, '<=': Tok.LESSEQUAL, '<>': Tok.NOTEQUAL, '==': Tok.EQEQUAL,
  '>=': Tok.GREATEREQUAL, '>>': Tok.RIGHTSHIFT, '@=': Tok.ATEQUAL, '^=': Tok.CIRCUMFLEXEQUAL, '|=': Tok.VBAREQUAL,
};

const THREE_CHARS: Readonly<Record<string, Tok>> = {
  '**=': Tok.DOUBLESTAREQUAL, '...': Tok.ELLIPSIS, '//=': Tok.DOUBLESLASHEQUAL, '<<=': Tok.LEFTSHIFTEQUAL,
  '>>=': Tok.RIGHTSHIFTEQUAL,
};

function table(src: Readonly<Record<string, Tok>>, width: number): Int16Array {
  const t = new Int16Array(128 ** width).fill(Tok.OP);
  for (const [s, v] of Object.entries(src)) {
    let k = 0;
    for (let i = 0; i < width; i++) k = k * 128 + s.charCodeAt(i);
    t[k] = v;
  }
  return t;
}

const ONE = table(ONE_CHAR, 1);
const TWO = table(TWO_CHARS, 2);
const THREE = new Map<number, Tok>(Object.entries(THREE_CHARS).map(([s, v]) => [(s.charCodeAt(0) * 128 + s.charCodeAt(1)) * 128 + s.charCodeAt(2), v]));

/** The operator token of one character, or OP. CPython: Parser/token.c (PyToken_OneChar). */
export function oneChar(c: number): Tok {
  return c < 128 ? (ONE[c] as Tok) : Tok.OP;
}

/** The operator token of two characters, or OP. CPython: Parser/token.c (PyToken_TwoChars). */
export function twoChars(c1: number, c2: number): Tok {
  return c1 < 128 && c2 >= 0 && c2 < 128 ? (TWO[c1 * 128 + c2] as Tok) : Tok.OP;
}

/** The operator token of three characters, or OP. CPython: Parser/token.c (PyToken_ThreeChars). */
export function threeChars(c1: number, c2: number, c3: number): Tok {
  if (c1 >= 128 || c2 < 0 || c2 >= 128 || c3 < 0 || c3 >= 128) return Tok.OP;
  return THREE.get((c1 * 128 + c2) * 128 + c3) ?? Tok.OP;
}
