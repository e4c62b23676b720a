import { resolve } from 'node:path';
import { compile, runModule } from '../../core/index.js';
import { readSource, reportCompileError } from './io.js';

/** A buffered writer: the VM writes many small pieces; the process gets few large writes. */
class OutputBuffer {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.stream.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** `bytescope run FILE [ARGS...]`: as `python3 FILE ARGS...` (the script path made absolute, as CPython does). */
export function runVerb(args: readonly string[]): number {
  const [file, ...programArgs] = args;
  if (file === undefined) {
    process.stderr.write('usage: bytescope run FILE [ARGS...]\n');
    return 2;
  }
  const source = readSource(file, 'run');
  if (source === null) return 2;
  const filename = resolve(file);
  let code;
  try {
    code = compile(source, filename);
  } catch (e) {
    if (reportCompileError(e)) return 1;
    throw e;
  }
  const stdout = new OutputBuffer(process.stdout);
  const stderr = new OutputBuffer(process.stderr);
  try {
    const outcome = runModule(code, {
      writeStdout: (t) => stdout.write(t),
      writeStderr: (t) => {
        stdout.flush();
        stderr.write(t);
        stderr.flush();
      },
      argv: [file, ...programArgs],
    });
    return outcome.exitCode;
  } finally {
    stdout.flush();
    stderr.flush();
  }
}
