/**
 * The `bytescope` command line: run, dis, compile and ast, each matching its CPython counterpart
 * (`python3 FILE`, `python3 -m dis FILE`, `py_compile`, `ast.dump(ast.parse(...))`).
 */
import { runVerb } from './run.js';
import { disVerb } from './dis.js';
import { compileVerb } from './compile.js';
import { astVerb } from './ast.js';

const USAGE = `usage: bytescope VERB [ARGS]

verbs:
  run FILE [ARGS...]                          run a program as python3 FILE does
  dis FILE                                    print what python3 -m dis FILE prints
  compile FILE... [--out-dir DIR | -o OUT]    write CPython 3.11 .pyc files
  ast FILE                                    print ast.dump(ast.parse(source), include_attributes=True)
`;

/** Runs one command line; resolves to the process exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'run':
      return runVerb(rest);
    case 'dis':
      return disVerb(rest);
    case 'compile':
      return compileVerb(rest);
    case 'ast':
      return astVerb(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return verb === undefined ? 2 : 0;
    default:
      process.stderr.write(`bytescope: unknown verb '${verb}'\n${USAGE}`);
      return 2;
  }
}
