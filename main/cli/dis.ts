import { compile, disassemble } from '../../core/index.js';
import { readSource, reportCompileError } from './io.js';

/** `bytescope dis FILE`: what `python3 -m dis FILE` prints (code object addresses aside). */
export function disVerb(args: readonly string[]): number {
  if (args.length !== 1) {
    process.stderr.write('usage: bytescope dis FILE\n');
    return 2;
  }
  const file = args[0];
  const source = readSource(file, 'dis');
  if (source === null) return 2;
  try {
    process.stdout.write(disassemble(compile(source, file)));
    return 0;
  } catch (e) {
    if (reportCompileError(e)) return 1;
    throw e;
  }
}
