export * from './opcodes.generated.js';
export * from './code-object.js';
export * from './linetable.js';
export * from './exception-table.js';
