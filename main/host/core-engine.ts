/**
 * The shipped engine: core's `compile`, `flattenCode`, `getInstructions`, `dumpPyc` and
 * `startTrace`, turned into the plain data the API carries. Loaded inside the engine worker.
 */
import {
  CodeObject,
  NotSupportedError,
  PySyntaxError,
  compile,
  dumpPyc,
  flattenCode,
  formatSyntaxError,
  getInstructions,
  constRepr,
  startTrace,
} from '../../core/index.js';
import type { CodeListing, CompileOutcome, SyntaxErrorView } from '../common/api.js';
import type { Engine } from './engine.js';

/** A PySyntaxError as data for the editor. */
export function syntaxErrorView(e: PySyntaxError): SyntaxErrorView {
  return {
    type: e.type,
    msg: e.msg,
    filename: e.filename,
    lineno: e.lineno,
    offset: e.offset,
    end_lineno: e.end_lineno,
    end_offset: e.end_offset,
    text: e.text,
    formatted: formatSyntaxError(e),
  };
}

/** The listing of every code object of a module, in flattenCode order (the order dis prints them). */
export function listCodes(module: CodeObject): CodeListing[] {
  return flattenCode(module).map((code, codeIndex) => ({
    codeIndex,
    name: code.co_name,
    qualname: code.co_qualname,
    filename: code.co_filename,
    firstlineno: code.co_firstlineno,
    argcount: code.co_argcount,
    stacksize: code.co_stacksize,
    flags: code.co_flags,
    varnames: code.co_varnames,
    cellvars: code.co_cellvars,
    freevars: code.co_freevars,
    names: [...code.co_names],
    consts: code.co_consts.map((c) => constRepr(c)),
    instructions: getInstructions(code),
  }));
}

/** Compiles, turning the user's mistakes into outcomes; anything else (our bugs) propagates. */
function compileModule(source: string | Uint8Array, filename: string): { outcome: CompileOutcome; code: CodeObject | null } {
  try {
    const code = compile(source, filename);
    return { outcome: { kind: 'compiled', codes: listCodes(code) }, code };
  } catch (e) {
    if (e instanceof PySyntaxError) return { outcome: { kind: 'syntax-error', error: syntaxErrorView(e) }, code: null };
    if (e instanceof NotSupportedError) {
      return { outcome: { kind: 'not-supported', construct: e.construct, lineno: e.lineno, message: e.message }, code: null };
    }
    throw e;
  }
}

export function createEngine(): Engine {
  return {
    compile: (source, filename) => compileModule(source, filename).outcome,
    startTrace(source, filename, options) {
      const { outcome, code } = compileModule(source, filename);
      return { outcome, session: code ? startTrace(code, options) : null };
    },
    compilePyc(source, filename, header) {
      const { outcome, code } = compileModule(source, filename);
      if (code) return { kind: 'pyc', bytes: dumpPyc(code, header) };
      if (outcome.kind === 'syntax-error') return { kind: 'syntax-error', error: outcome.error };
      if (outcome.kind === 'not-supported') return { kind: 'not-supported', message: outcome.message };
      return { kind: 'failed', message: 'the source did not compile' };
    },
  };
}
