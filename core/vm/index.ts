import type { CodeObject } from '../bytecode/code-object.js';
import { InternalError } from '../source/errors.js';
import type { RunOutcome, VmHost } from './host.js';
export type { RunOutcome, VmHost } from './host.js';

/**
 * Runs a module code object as `__main__` to completion: output goes to the host, an uncaught
 * exception is printed as CPython's traceback and gives exit code 1.
 */
export function runModule(code: CodeObject, host: VmHost): RunOutcome {
  void code;
  void host;
  throw new InternalError('VM not implemented yet');
}
