import { readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { NotSupportedError, runModule } from '../../core/index.js';
import { compileReportingWarnings, readSource, reportCompileError } from './io.js';

/** The current text of a file a traceback mentions (CPython re-reads it), or null. */
function sourceText(filename: string): string | null {
  try {
    return readFileSync(filename, 'utf8');
  } catch {
    return null;
  }
}

/** Reads standard input a line at a time, synchronously (the VM runs synchronously). */
class StdinLines {
  private pending: number[] = [];
  private eof = false;
  private readonly chunk = Buffer.alloc(1 << 16);
  private readonly decoder = new TextDecoder();

  /** The next line including its newline, or null at end of input. */
  readLine(): string | null {
    for (;;) {
      const nl = this.pending.indexOf(0x0a);
      if (nl >= 0) return this.take(nl + 1);
      if (this.eof) return this.pending.length > 0 ? this.take(this.pending.length) : null;
      let n = 0;
      try {
        n = readSync(0, this.chunk, 0, this.chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code !== 'EOF') throw e;
      }
      if (n === 0) this.eof = true;
      else for (let i = 0; i < n; i++) this.pending.push(this.chunk[i]);
    }
  }

  private take(n: number): string {
    const bytes = Uint8Array.from(this.pending.slice(0, n));
    this.pending = this.pending.slice(n);
    return this.decoder.decode(bytes);
  }
}

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
    code = compileReportingWarnings(source, filename, 'file');
  } catch (e) {
    if (reportCompileError(e)) return 1;
    throw e;
  }
  const stdout = new OutputBuffer(process.stdout);
  const stderr = new OutputBuffer(process.stderr);
  const stdin = new StdinLines();
  try {
    const outcome = runModule(code, {
      writeStdout: (t) => stdout.write(t),
      writeStderr: (t) => {
        stdout.flush();
        stderr.write(t);
        stderr.flush();
      },
      readLine: () => {
        stdout.flush();
        return stdin.readLine();
      },
      argv: [file, ...programArgs],
      sourceText,
    });
    return outcome.exitCode;
  } catch (e) {
    if (!(e instanceof NotSupportedError)) throw e;
    stdout.flush();
    process.stderr.write(`bytescope: ${e.message}\n`);
    return 1;
  } finally {
    stdout.flush();
    stderr.flush();
  }
}
