import { readFileSync } from 'node:fs';
import { disassemble } from '../../core/index.js';
import { DisError } from '../../core/dis/index.js';
import { MarshalError, loadPyc } from '../../core/marshal/index.js';
import { compileReportingWarnings, readSource, reportCompileError } from './io.js';

/**
 * `bytescope dis FILE`: what `python3 -m dis FILE` prints (code object addresses aside). A `.pyc`
 * file is disassembled from the code object it holds (as `dis.dis(marshal.loads(data[16:]))` would);
 * a corrupt one is reported with the byte offset of the problem, exit status 1.
 */
export function disVerb(args: readonly string[]): number {
  if (args.length !== 1) {
    process.stderr.write('usage: bytescope dis FILE\n');
    return 2;
  }
  const file = args[0];
  if (file.endsWith('.pyc')) return disPyc(file);
  const source = readSource(file, 'dis');
  if (source === null) return 2;
  try {
    process.stdout.write(disassemble(compileReportingWarnings(source, file, 'bytes')));
    return 0;
  } catch (e) {
    if (reportCompileError(e)) return 1;
    throw e;
  }
}

function disPyc(file: string): number {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    // Same wording and status as for a source file.
    return readSource(file, 'dis') === null ? 2 : 1;
  }
  try {
    process.stdout.write(disassemble(loadPyc(bytes).code));
    return 0;
  } catch (e) {
    if (e instanceof MarshalError || e instanceof DisError) {
      process.stderr.write(`bytescope dis: ${file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
