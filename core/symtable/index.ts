export { buildSymtable, type SymbolTable, type SymtableOptions, type BlockKey } from './build.js';
export { SymbolTableEntry, type Directive } from './scope.js';
export { mangle } from './mangle.js';
export * from './flags.js';
