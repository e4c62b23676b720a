export { Tok, TOKEN_NAMES, KEYWORDS, SOFT_KEYWORDS, tokenTypeName } from './token-kind.js';
export { Tokenizer, TokDone, type ParseWarning } from './tokenizer.js';
export { tokenize, type TokenInfo } from './tokenize.js';
