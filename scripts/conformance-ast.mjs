#!/usr/bin/env node
/**
 * AST conformance: Bytescope's `dumpAst(parse(file), {includeAttributes: true})` against CPython's
 * `ast.dump(ast.parse(source_bytes), include_attributes=True)` for every .py file of a folder.
 *
 *   npm run conformance:ast -- [DIR] [--include-site-packages] [--quiet]
 *
 * DIR defaults to the local CPython 3.11 standard library (test/ included, site-packages left
 * out). One python3 process writes all of CPython's dumps to a temporary folder
 * (scripts/ast-dumps.py), then this one Node process parses every file CPython accepted and
 * compares. It prints each differing file with its first difference, then `N/M identical` and the
 * time each side spent parsing. Needs a build (`npx tsc -b`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);
const { parse } = await import(join(repo, 'build/core/parser/index.js'));
const { dumpAst } = await import(join(repo, 'build/core/ast/dump.js'));

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const positional = args.filter((a) => !a.startsWith('--'));
const python = process.env.PYTHON ?? 'python3';
const root =
  positional[0] ??
  execFileSync(python, ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();

const out = mkdtempSync(join(tmpdir(), 'bytescope-ast-'));
try {
  const pyArgs = [join(here, 'ast-dumps.py'), root, out];
  if (flags.has('--include-site-packages')) pyArgs.push('--include-site-packages');
  const wallPy = performance.now();
  execFileSync(python, pyArgs, { stdio: 'inherit' });
  const pyWall = (performance.now() - wallPy) / 1000;
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

  let identical = 0;
  let ourParse = 0;
  let ourParseCpu = 0;
  let ourDump = 0;
  const failures = [];
  for (const entry of manifest.files) {
    const source = new Uint8Array(readFileSync(entry.path));
    const expected = readFileSync(join(out, entry.dump), 'utf8');
    let got;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      const tree = parse(source, entry.path, { mode: 'bytes' });
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      ourParse += t1 - t0;
      ourParseCpu += (c1.user + c1.system) / 1000;
      got = dumpAst(tree, { includeAttributes: true });
      ourDump += performance.now() - t1;
    } catch (e) {
      ourParse += performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      ourParseCpu += (c1.user + c1.system) / 1000;
      failures.push({ path: entry.path, detail: `raised ${describe(e)}` });
      continue;
    }
    if (got === expected) identical++;
    else failures.push({ path: entry.path, detail: firstDifference(expected, got) });
  }

  const rel = (p) => relative(root, p) || p;
  if (!flags.has('--quiet')) {
    for (const f of failures) console.log(`${rel(f.path)}: ${f.detail}`);
  }
  const total = manifest.files.length;
  console.log(`${identical}/${total} identical` + (manifest.rejected.length ? ` (${manifest.rejected.length} file(s) CPython rejects were skipped)` : ''));
  const py = manifest.parse_seconds;
  const pyCpu = manifest.parse_cpu_seconds;
  const ours = ourParse / 1000;
  const oursCpu = ourParseCpu / 1000;
  console.log(
    `parse time (wall): Bytescope ${ours.toFixed(2)} s, CPython ast.parse ${py.toFixed(2)} s, ratio ${(ours / py).toFixed(2)}\n` +
      `parse time (CPU):  Bytescope ${oursCpu.toFixed(2)} s, CPython ast.parse ${pyCpu.toFixed(2)} s, ratio ${(oursCpu / pyCpu).toFixed(2)}\n` +
      `(Bytescope's first parse of each file, JIT warm-up included; dumping took ${(ourDump / 1000).toFixed(2)} s more, ` +
      `and the CPython process ${pyWall.toFixed(1)} s in all)`,
  );
  process.exitCode = identical === total ? 0 : 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}

function describe(e) {
  if (e && typeof e === 'object' && 'msg' in e) {
    return `${e.type}: ${e.msg} (line ${e.lineno}, offset ${e.offset})`;
  }
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function firstDifference(expected, got) {
  let i = 0;
  while (i < expected.length && i < got.length && expected[i] === got[i]) i++;
  const from = Math.max(0, i - 60);
  return `first difference at character ${i}\n    CPython:   ...${expected.slice(from, i + 60)}\n    Bytescope: ...${got.slice(from, i + 60)}`;
}
