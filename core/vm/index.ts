/**
 * The virtual machine: runs CPython 3.11 code objects. See interpreter.ts for the evaluation loop,
 * vm.ts for a run's state, run.ts for whole-program runs, traceback.ts for error reports.
 */
export type { RunOutcome, VmHost } from './host.js';
export { runModule } from './run.js';
export { Vm, type VmStatus } from './vm.js';
export { formatException, formatTraceback, formatExceptionOnly } from './traceback.js';
