/**
 * Bytescope core: the public surface. Pure TypeScript, no host APIs.
 * See core/README.md for the pipeline: stage -> folder -> entry function -> output type.
 */
export * from './source/index.js';
export * from './objects/index.js';
export * from './bytecode/index.js';
export * as ast from './ast/index.js';
export { dumpAst } from './ast/dump.js';
export { parse, parseExpression, type ParseOptions, type ParseWarning } from './parser/index.js';
export { tokenize, type TokenInfo } from './tokenizer/index.js';
export { compile, compileAst, type CompileOptions, type CompileWarning, type SourceCompileOptions } from './compiler/index.js';
export {
  dumps,
  loads,
  dumpPyc,
  loadPyc,
  readPycHeader,
  MarshalError,
  UnmarshallableError,
  MarshalDict,
  MarshalList,
  MarshalSet,
  type PycHeader,
  type PycHeaderInput,
} from './marshal/index.js';
export { getInstructions, disassemble, DisError, type Instruction } from './dis/index.js';
export { runModule, type RunOutcome, type VmHost } from './vm/index.js';
export * from './trace/index.js';
