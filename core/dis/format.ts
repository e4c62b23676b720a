import { CodeObject } from '../bytecode/code-object.js';
import { argRepr } from './const-repr.js';
import { exceptionEntries, findLineStarts, getInstructions, type Instruction } from './instructions.js';

/**
 * The text of a disassembly, exactly as `python3 -m dis FILE` prints it (code object addresses
 * aside: ours are CODE_ADDRESS). One line per instruction: line-number column (omitted when the code
 * has no line numbers; wider once a line reaches 1000), the current-instruction column, `>>` for jump
 * and exception targets, the offset (wider at 10000), the opname padded to 20, the argument right
 * aligned in 5, then `(argrepr)`. A blank line precedes each new source line but the first; then the
 * exception table; then every nested code object, depth-first in co_consts order.
 * CPython: Lib/dis.py (_disassemble_recursive, _disassemble_bytes, Instruction._disassemble).
 */

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;

/** Python's str.rstrip(): removes trailing whitespace as str.isspace() defines it. */
function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Instruction._disassemble (never marked as current). */
export function formatInstruction(instr: Instruction, linenoWidth: number, offsetWidth: number): string {
  const fields: string[] = [];
  if (linenoWidth) fields.push(instr.starts_line !== null ? String(instr.starts_line).padStart(linenoWidth) : ' '.repeat(linenoWidth));
  fields.push('   ');
  fields.push(instr.is_jump_target ? '>>' : '  ');
  fields.push(String(instr.offset).padStart(offsetWidth));
  fields.push(instr.opname.padEnd(OPNAME_WIDTH));
  if (instr.arg !== null) {
    fields.push(String(instr.arg).padStart(OPARG_WIDTH));
    if (instr.argrepr) fields.push('(' + instr.argrepr + ')');
  }
  return pyRstrip(fields.join(' '));
}

/** `dis.disassemble(code)`: one code object's listing and exception table, each line ending in \n. */
export function disassembleOne(code: CodeObject): string {
  const lineStarts = findLineStarts(code);
  let linenoWidth = 0;
  if (lineStarts.size > 0) {
    let max = -Infinity;
    for (const line of lineStarts.values()) if (line > max) max = line;
    linenoWidth = max >= 1000 ? String(max).length : 3;
  }
  const maxOffset = code.co_code.length - 2;
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  const lines: string[] = [];
  for (const instr of getInstructions(code)) {
    if (linenoWidth && instr.starts_line !== null && instr.offset > 0) lines.push('');
    lines.push(formatInstruction(instr, linenoWidth, offsetWidth));
  }
  const entries = exceptionEntries(code);
  if (entries.length > 0) {
    lines.push('ExceptionTable:');
    for (const e of entries) lines.push(`  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
  }
  return lines.map((l) => l + '\n').join('');
}

/** What `python3 -m dis FILE` prints for a module code object, nested code objects included. */
export function disassemble(code: CodeObject): string {
  let out = disassembleOne(code);
  for (const k of code.co_consts) {
    if (k instanceof CodeObject) out += `\nDisassembly of ${argRepr(k)}:\n` + disassemble(k);
  }
  return out;
}
