import type { Module } from '../ast/index.js';
import { InternalError } from '../source/errors.js';

/**
 * Parses a module's source (bytes are decoded as CPython decodes a file: BOM, coding cookie, UTF-8).
 * Throws PySyntaxError exactly as CPython 3.11's `compile()` would.
 * CPython: Parser/peg_api.c (_PyParser_ASTFromString).
 */
export function parse(source: Uint8Array | string, filename: string): Module {
  void source;
  void filename;
  throw new InternalError('parser not implemented yet');
}
