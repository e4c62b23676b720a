#!/usr/bin/env node
/**
 * Syntax-error fuzzing: mutants of standard-library files (characters deleted or inserted, lines
 * duplicated or re-indented, files cut, words swapped) parsed by Bytescope and by CPython's
 * `ast.parse`, compared on the whole SyntaxError (class, message, line, offsets, text).
 *
 *   node scripts/fuzz-syntax.mjs [COUNT=5000] [SEED=1] [DIR=stdlib]
 *
 * One python3 process makes the mutants and CPython's verdicts (scripts/fuzz-mutants.py); this
 * process parses them all. Prints the first disagreements, then the agreement rates: identical
 * result, same class and line, internal errors (must be 0) and NotSupportedError. Needs a build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { parse } = await import(join(dirname(here), 'build/core/parser/index.js'));

const [count = '5000', seed = '1', dirArg] = process.argv.slice(2);
const python = process.env.PYTHON ?? 'python3';
const root = dirArg ?? execFileSync(python, ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
const out = mkdtempSync(join(tmpdir(), 'bytescope-fuzz-'));
try {
  const file = join(out, 'mutants.json');
  execFileSync(python, [join(here, 'fuzz-mutants.py'), root, count, seed, file], { stdio: 'inherit' });
  const mutants = JSON.parse(readFileSync(file, 'utf8'));
  const encoder = new TextEncoder();
  let identical = 0;
  let sameClassAndLine = 0;
  let internal = 0;
  let notSupported = 0;
  const shown = [];
  for (const m of mutants) {
    let ours = null;
    try {
      parse(encoder.encode(m.source), 't.py', { mode: 'bytes' });
    } catch (e) {
      if (e && typeof e === 'object' && 'msg' in e) ours = [e.type, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text];
      else if (e instanceof Error && e.name === 'NotSupportedError') ours = 'NotSupportedError';
      else ours = ['internal', e instanceof Error ? e.stack : String(e)];
    }
    if (ours === 'NotSupportedError') {
      notSupported++;
      continue;
    }
    if (ours !== null && ours[0] === 'internal') internal++;
    const same = JSON.stringify(ours) === JSON.stringify(m.cpython);
    if (same) identical++;
    if (same || (ours !== null && m.cpython !== null && ours[0] === m.cpython[0] && ours[2] === m.cpython[2])) sameClassAndLine++;
    if (!same && shown.length < 10) shown.push({ path: m.path, cpython: m.cpython, bytescope: ours });
  }
  for (const s of shown) console.log(`${s.path}\n  CPython:   ${JSON.stringify(s.cpython)}\n  Bytescope: ${JSON.stringify(s.bytescope)}`);
  const n = mutants.length;
  const pct = (k) => `${k}/${n} (${((100 * k) / n).toFixed(2)}%)`;
  console.log(`identical: ${pct(identical)}; same class and line: ${pct(sameClassAndLine)}; internal errors: ${internal}; NotSupportedError: ${notSupported}`);
  process.exitCode = internal === 0 && identical + notSupported === n ? 0 : 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
