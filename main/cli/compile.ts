import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { NotSupportedError, dumpPyc } from '../../core/index.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { compileReportingWarnings, readSource, reportCompileError } from './io.js';

/**
 * Where py_compile puts the cache of `source`: `DIR/__pycache__/NAME.cpython-311.pyc`, NAME being
 * the file name up to its last dot (importlib.util.cache_from_source: `foo` -> `foocpython-311.pyc`).
 */
export function cachePath(source: string): string {
  const tail = basename(source);
  const dot = tail.lastIndexOf('.');
  const base = dot < 0 ? '' : tail.slice(0, dot);
  const rest = dot < 0 ? tail : tail.slice(dot + 1);
  const sep = dot < 0 ? '' : '.';
  return join(dirname(source), '__pycache__', `${base || rest}${sep}cpython-311.pyc`);
}

/**
 * Where `--out-dir DIR` puts the .pyc of `source`: relative paths keep their folders
 * (`a/b.py` -> `DIR/a/b.pyc`); a path outside the working directory keeps only its name.
 */
export function outDirPath(source: string, outDir: string): string {
  let rel = isAbsolute(source) ? relative(process.cwd(), source) : source;
  if (rel.startsWith('..') || isAbsolute(rel)) rel = basename(source);
  return join(outDir, rel.replace(/\.py$/, '') + '.pyc');
}

interface CompileArgs {
  files: string[];
  outDir?: string;
  output?: string;
}

function parseArgs(args: readonly string[]): CompileArgs | string {
  const parsed: CompileArgs = { files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out-dir' || a === '-o') {
      const value = args[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '-o') parsed.output = value;
      else parsed.outDir = value;
    } else if (a.startsWith('--out-dir=')) parsed.outDir = a.slice('--out-dir='.length);
    else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else parsed.files.push(a);
  }
  if (parsed.files.length === 0) return 'no source files given';
  if (parsed.outDir !== undefined && parsed.output !== undefined) return '--out-dir and -o cannot be combined';
  if (parsed.output !== undefined && parsed.files.length !== 1) return '-o takes exactly one source file';
  return parsed;
}

/**
 * `bytescope compile FILE... [--out-dir DIR | -o OUT.pyc]`: writes timestamp .pycs that CPython 3.11
 * loads (header: magic, flags 0, source mtime and size). co_filename is the path as given, as py_compile
 * stores it. A failing file is reported and the others are still written; exit status 1 if any failed.
 */
export function compileVerb(args: readonly string[]): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`bytescope compile: ${parsed}\nusage: bytescope compile FILE... [--out-dir DIR | -o OUT.pyc]\n`);
    return 2;
  }
  let failed = 0;
  for (const file of parsed.files) {
    const source = readSource(file, 'compile');
    if (source === null) {
      failed++;
      continue;
    }
    try {
      const stat = statSync(file);
      const code = compileReportingWarnings(source, file, 'bytes');
      // py_compile: int(st_mtime) (truncated), both fields & 0xFFFFFFFF (dumpPyc wraps them).
      const pyc = dumpPyc(code, { mtime: Math.trunc(stat.mtimeMs / 1000), sourceSize: stat.size });
      const target = parsed.output ?? (parsed.outDir !== undefined ? outDirPath(file, parsed.outDir) : cachePath(file));
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomic(target, pyc);
      // py_compile gives the pyc the source's permission bits, made writable, without exec bits.
      try {
        chmodSync(target, (stat.mode | 0o200) & 0o666);
      } catch {
        // best effort, as on file systems without permissions
      }
    } catch (e) {
      failed++;
      // A syntax error names its file in the traceback; anything else gets the file prefixed.
      if (e instanceof NotSupportedError || !reportCompileError(e)) {
        process.stderr.write(`bytescope compile: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
