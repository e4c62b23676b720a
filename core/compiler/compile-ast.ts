import type { Module } from '../ast/nodes.generated.js';
import type { CodeObject } from '../bytecode/code-object.js';
import { buildSymtable } from '../symtable/index.js';
import { foldModule } from './ast-opt/fold.js';
import { compilerMod } from './codegen/module.js';
import { Compiler, type CompileWarning } from './codegen/unit.js';
import { CO_FUTURE_ANNOTATIONS, futureFromAst } from './future.js';

/** Options of compile() and compileAst(). */
export interface CompileOptions {
  /** -O level (0 keeps asserts and `__debug__`; 2 also drops docstrings). */
  optimize?: number;
  /** Receives compile-time SyntaxWarnings. */
  warnings?: CompileWarning[];
  /** The text of a source line (with its newline) for SyntaxError.text; CPython reads it back from the file. */
  sourceLine?: (lineno: number) => string | null;
}

/**
 * The compiler proper, from a module AST: future features, AST constant folding, symbol table,
 * code generation and assembly. The AST is not modified. `sourceLine` supplies
 * SyntaxError.text (CPython reads it back from the file; null without it).
 * CPython: Python/compile.c (_PyAST_Compile).
 */
export function compileAst(mod: Module, filename: string, options: CompileOptions = {}): CodeObject {
  const future = futureFromAst(mod, filename, options.sourceLine);
  const futureAnnotations = (future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  const optimized = foldModule(mod, { optimize: options.optimize ?? 0, futureAnnotations });
  const st = buildSymtable(optimized, filename, { futureAnnotations, sourceLine: options.sourceLine });
  const c = new Compiler(filename, st, future.features, future.lineno, { optimize: options.optimize, sourceLine: options.sourceLine, warnings: options.warnings });
  return compilerMod(c, optimized);
}
