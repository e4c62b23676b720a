/**
 * A token as the parser keeps it: its type (keywords already reclassified), its text, its
 * position (line 1-based; columns as UTF-8 byte offsets, -1 when CPython has none, e.g. INDENT)
 * and the bracket level after it. (CPython also hangs the memo list on the token; Bytescope keeps
 * memos in the parser's tables.)
 * CPython: Parser/pegen.h (Token).
 */
export class Token {
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
