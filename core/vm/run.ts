import type { CodeObject } from '../bytecode/code-object.js';
import { str } from '../objects/abstract.js';
import { SystemExit, type PyBaseException } from '../objects/exceptions.js';
import { None } from '../objects/values.js';
import type { RunOutcome, VmHost } from './host.js';
import { formatException, type SourceProvider } from './traceback.js';
import { Vm } from './vm.js';
import { checkSupported } from './support.js';

/**
 * What an uncaught exception does at the end of a run: SystemExit exits quietly with its code
 * (a non-int code is printed and gives status 1); anything else prints the traceback, status 1.
 * CPython: Python/pythonrun.c (_Py_HandleSystemExit, PyErr_PrintEx).
 */
export function uncaughtReport(exc: PyBaseException, source: SourceProvider): { stderr: string; exitCode: number } {
  if (exc.type.isSubtype(SystemExit)) {
    const args = exc.args.items;
    const code = args.length === 0 ? None : args.length === 1 ? args[0] : exc.args;
    if (code === None) return { stderr: '', exitCode: 0 };
    if (typeof code === 'number' || typeof code === 'bigint' || typeof code === 'boolean') {
      const v = typeof code === 'boolean' ? (code ? 1n : 0n) : BigInt(code);
      return { stderr: '', exitCode: Number(BigInt.asUintN(8, v)) };
    }
    return { stderr: str(code) + '\n', exitCode: 1 };
  }
  return { stderr: formatException(exc, source), exitCode: 1 };
}

/**
 * Runs a module code object as `__main__` to completion, as `python3 FILE` does: output goes to
 * the host, an uncaught exception is printed as CPython's traceback and gives exit code 1.
 * Interruption: VmHost.shouldStop is polled between chunks of instructions, and VmHost.maxSteps
 * bounds the run; either ends it with status 'stopped'.
 * CPython: Modules/main.c (pymain_run_file), Python/pythonrun.c (PyErr_Print).
 */

/** Instructions per chunk when the host polls for interruption. */
const CHUNK = 1024;

export function runModule(code: CodeObject, host: VmHost): RunOutcome {
  checkSupported(code);
  const vm = new Vm(code, host);
  const polls = host.shouldStop !== undefined;
  const limit = host.maxSteps ?? Infinity;
  for (;;) {
    const remaining = limit - vm.steps;
    if (remaining <= 0) {
      vm.stop();
      break;
    }
    const chunk = Math.min(polls ? CHUNK : 1 << 20, remaining);
    if (vm.run(chunk) !== 'running') break;
    if (polls && host.shouldStop!()) {
      vm.stop();
      break;
    }
  }
  switch (vm.status) {
    case 'finished':
      return { status: 'finished', exitCode: 0 };
    case 'raised': {
      const source = (filename: string): string | null => host.sourceText?.(filename) ?? null;
      const report = uncaughtReport(vm.exception!, source);
      if (report.stderr !== '') host.writeStderr(report.stderr);
      return { status: 'raised', exitCode: report.exitCode };
    }
    default:
      return { status: 'stopped', exitCode: 130 };
  }
}
