/** One memoized rule result at a token: the rule, its result, the mark it ended at. CPython: Memo. */
export class MemoEntry {
  constructor(
    readonly id: number,
    readonly node: unknown,
    readonly end: number,
    readonly next: MemoEntry | null,
  ) {}
}

/**
 * A token as the parser keeps it: its type (keywords already reclassified), its text, its
 * position (line 1-based; columns as UTF-8 byte offsets, -1 when CPython has none, e.g. INDENT),
 * the bracket level after it, and the memos of the rules tried at it (a short list, as in CPython:
 * about one and a half entries per token in the first pass).
 * CPython: Parser/pegen.h (Token, Memo).
 */
export class Token {
  memo: MemoEntry | null = null;
  constructor(
    public type: number,
    public readonly string: string,
    public readonly lineno: number,
    public readonly col_offset: number,
    public readonly end_lineno: number,
    public readonly end_col_offset: number,
    public readonly level: number,
  ) {}
}
