import { dumpAst, parse } from '../../core/index.js';
import { readSource, reportCompileError } from './io.js';

/** `bytescope ast FILE`: `ast.dump(ast.parse(source_bytes), include_attributes=True)`. */
export function astVerb(args: readonly string[]): number {
  if (args.length !== 1) {
    process.stderr.write('usage: bytescope ast FILE\n');
    return 2;
  }
  const file = args[0];
  const source = readSource(file, 'ast');
  if (source === null) return 2;
  try {
    process.stdout.write(dumpAst(parse(source, file, { mode: 'bytes' }), { includeAttributes: true }) + '\n');
    return 0;
  } catch (e) {
    if (reportCompileError(e)) return 1;
    throw e;
  }
}
