/**
 * The disassembler: `dis.get_instructions` as data and `python3 -m dis` as text.
 * CPython: Lib/dis.py.
 */
export { getInstructions, findLineStarts, opnameOf, deoptOpcode, DisError, type Instruction, type Positions } from './instructions.js';
export { disassemble, disassembleOne, formatInstruction } from './format.js';
export { argRepr } from './const-repr.js';
export { setIterationOrder, pyHash, type SetProvenance } from './set-order.js';
