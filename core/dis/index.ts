import type { CodeObject } from '../bytecode/code-object.js';
import { InternalError } from '../source/errors.js';

/** One instruction as `dis.Instruction` describes it. CPython: Lib/dis.py. */
export interface Instruction {
  opname: string;
  opcode: number;
  arg: number | null;
  /** The resolved argument as JSON-safe data is not needed by the UI; argrepr is what dis prints. */
  argrepr: string;
  offset: number;
  starts_line: number | null;
  is_jump_target: boolean;
  positions: { lineno: number | null; end_lineno: number | null; col_offset: number | null; end_col_offset: number | null };
}

/** `dis.get_instructions(code)` (show_caches=False). */
export function getInstructions(code: CodeObject): Instruction[] {
  void code;
  throw new InternalError('dis not implemented yet');
}

/** What `python3 -m dis FILE` prints for the module code object, nested code objects included. */
export function disassemble(code: CodeObject): string {
  void code;
  throw new InternalError('dis not implemented yet');
}
