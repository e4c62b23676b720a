/**
 * What the stages of the conformance runner share: the command line, the one CPython process
 * (scripts/conformance/cpython.py, which also walks the tree, so both sides see the same files in
 * the same order), Bytescope's build, timing, and reporting.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = dirname(dirname(here));
export const python = process.env.PYTHON ?? 'python3';

export const USAGE = `usage: npm run conformance -- STAGE [DIR] [options]
  STAGE  ast | pyc | dis
  DIR    a folder (or one .py file); default: python3's standard library, test/ included,
         site-packages left out
options:
  --compiler-only          pyc, dis: compile CPython's AST (exported by ast_json) with compileAst,
                           measuring the compiler without Bytescope's parser
  --include-site-packages  walk folders named site-packages too
  --quiet                  only the summary, not every differing file
  --keep                   keep CPython's output folder (its path is printed)
  --build DIR              Bytescope's build output (default: build/, from \`npx tsc -b\`)`;

const KNOWN_FLAGS = new Set(['--compiler-only', '--include-site-packages', '--quiet', '--keep', '--build', '--help']);

/** The command line: {stage, root, flags, build}. Throws a usage message on a bad one. */
export function parseArgs(argv) {
  const flags = new Set();
  const positional = [];
  let build = join(repo, 'build');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--build') {
      if (argv[i + 1] === undefined) throw new Error(`--build needs a folder\n${USAGE}`);
      build = resolve(argv[++i]);
    }
    else if (a.startsWith('--')) {
      if (!KNOWN_FLAGS.has(a)) throw new Error(`unknown option ${a}\n${USAGE}`);
      flags.add(a);
    } else positional.push(a);
  }
  if (flags.has('--help')) throw new Error(USAGE);
  const [stage, dir, ...rest] = positional;
  if (!['ast', 'pyc', 'dis'].includes(stage) || rest.length) throw new Error(USAGE);
  if (flags.has('--compiler-only') && stage === 'ast') throw new Error('--compiler-only applies to the pyc and dis stages');
  const root =
    dir ?? execFileSync(python, ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  if (!existsSync(root)) throw new Error(`${root}: no such file or folder`);
  return { stage, root, flags, build };
}

/** Bytescope's modules from the build (the public surface, plus the helpers the runner needs). */
export async function loadBytescope(build) {
  const mod = (p) => {
    const file = join(build, p);
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx tsc -b)`);
    return import(pathToFileURL(file).href);
  };
  const core = await mod('core/index.js');
  const repr = await mod('core/objects/repr.js');
  const goldens = await mod('tests/support/goldens.js');
  return { core, repr, goldens };
}

/**
 * Runs cpython.py once for the stage into a fresh temporary folder. Returns the manifest, the
 * folder, the process's wall time in seconds, and a cleanup function.
 */
export function runCPython(stage, root, flags) {
  const out = mkdtempSync(join(tmpdir(), `bytescope-conformance-${stage}-`));
  const args = [join(here, 'cpython.py'), stage, root, out];
  for (const f of ['--include-site-packages', '--compiler-only']) if (flags.has(f)) args.push(f);
  const env = { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' };
  delete env.SOURCE_DATE_EPOCH;
  const t0 = performance.now();
  execFileSync(python, args, { stdio: ['ignore', 'inherit', 'inherit'], env, maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const cleanup = () => {
    if (flags.has('--keep')) console.log(`CPython's output kept in ${out}`);
    else rmSync(out, { recursive: true, force: true });
  };
  return { manifest, out, wall, cleanup };
}

/** Accumulates wall and CPU time of the calls it wraps (Bytescope's side). */
export class Clock {
  wall = 0;
  cpu = 0;
  time(fn) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return fn();
    } finally {
      this.wall += (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      this.cpu += (c.user + c.system) / 1e6;
    }
  }
}

/** "Bytescope X s, CPython Y s, ratio R", wall and CPU, for a {wall, cpu} pair of each side. */
export function timeLines(what, ours, theirs, theirsName) {
  const line = (kind, a, b) =>
    `${what} (${kind}): Bytescope ${a.toFixed(2)} s, ${theirsName} ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)}`;
  return [line('wall', ours.wall, theirs.wall), line('CPU', ours.cpu, theirs.cpu)].join('\n');
}

/** A path relative to the walked root, for printing. */
export function relPath(root, p) {
  return relative(root, p) || p;
}

/** One line for anything Bytescope throws. */
export function describeError(e) {
  if (e && typeof e === 'object' && e.name === 'PySyntaxError') {
    return `${e.type}: ${e.msg} (line ${e.lineno}, offset ${e.offset})`;
  }
  if (e && typeof e === 'object' && e.name === 'NotSupportedError') return `NotSupportedError: ${e.construct} at line ${e.lineno}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** The first differing character of two texts, with some context on both sides. */
export function firstCharDifference(expected, got) {
  let i = 0;
  while (i < expected.length && i < got.length && expected[i] === got[i]) i++;
  const from = Math.max(0, i - 60);
  return (
    `first difference at character ${i}\n    CPython:   ...${expected.slice(from, i + 60)}\n` +
    `    Bytescope: ...${got.slice(from, i + 60)}`
  );
}

/** The first differing line of two texts (1-based), both versions shown. */
export function firstLineDifference(expected, got) {
  const a = expected.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (lines) => (i < lines.length ? JSON.stringify(lines[i]) : '(end)');
  return `first difference at line ${i + 1}\n    CPython:   ${show(a)}\n    Bytescope: ${show(b)}`;
}

/** Counts by category, keeping the first example (and how many) of each. */
export class Tally {
  #map = new Map();
  add(category, example) {
    const e = this.#map.get(category);
    if (e) e.count++;
    else this.#map.set(category, { count: 1, example });
  }
  get size() {
    return this.#map.size;
  }
  total() {
    let n = 0;
    for (const e of this.#map.values()) n += e.count;
    return n;
  }
  /** Lines "  COUNT  category   e.g. example", most frequent first. */
  lines(indent = '  ') {
    return [...this.#map.entries()]
      .sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1))
      .map(([k, v]) => `${indent}${String(v.count).padStart(5)}  ${k}${v.example ? `   e.g. ${v.example}` : ''}`);
  }
}

/** The rejected files' summary line. */
export function rejectedNote(manifest, what) {
  const n = manifest.rejected.length;
  return n ? ` (${n} file(s) CPython's ${what} rejects were left out)` : '';
}
