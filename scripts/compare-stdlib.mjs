#!/usr/bin/env node
// Compiles real-world Python with Bytescope's compiler and compares every code object with
// CPython 3.11.7's, field by field. The ASTs come from CPython (scripts/dump-cpython-compile.py),
// so this measures the compiler alone, independently of the parser.
//
// Usage: node scripts/compare-stdlib.mjs [--build DIR] [--from FILE.jsonl] [--parse] [--verbose] [PATH...]
//   PATH defaults to the stdlib of python3 (without site-packages). DIR defaults to build/ (run
//   `npx tsc -b` first). --from reads a saved dump-cpython-compile.py output instead of running it.
//   --parse compiles each file from its source through Bytescope's parser (end to end) instead
//   of from CPython's AST.
// Prints one summary: identical / different (first differing field) / not supported (by
// construct) / errors, with examples.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let build = join(root, 'build');
let verbose = false;
let from = null;
let viaParser = false;
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--build') build = resolve(args[++i]);
  else if (args[i] === '--verbose') verbose = true;
  else if (args[i] === '--from') from = args[++i];
  else if (args[i] === '--parse') viaParser = true;
  else paths.push(args[i]);
}
if (paths.length === 0 && from === null) {
  const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])']).toString().trim();
  const { readdirSync } = await import('node:fs');
  for (const entry of readdirSync(stdlib).sort()) if (entry !== 'site-packages') paths.push(join(stdlib, entry));
}

const { compileAst } = await import(pathToFileURL(join(build, 'core/compiler/compile-ast.js')).href);
const { compile } = await import(pathToFileURL(join(build, 'core/compiler/index.js')).href);
const { readFileSync } = await import('node:fs');
const { astFromJson, codeToJson, normalizeCodeJson } = await import(pathToFileURL(join(build, 'tests/support/goldens.js')).href);
const { NotSupportedError, PySyntaxError } = await import(pathToFileURL(join(build, 'core/source/errors.js')).href);

/** The first difference between two code JSONs, as "qualname: field", or null. */
function firstDifference(a, e, path = '') {
  const where = `${path}${e.co_qualname}`;
  for (const key of Object.keys(e)) {
    if (key === 'co_consts') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(e[key])) return `${where}: ${key}`;
  }
  if (a.co_consts.length !== e.co_consts.length) return `${where}: co_consts length`;
  for (let i = 0; i < e.co_consts.length; i++) {
    const x = a.co_consts[i];
    const y = e.co_consts[i];
    if ('code' in y && 'code' in x) {
      const d = firstDifference(x.code, y.code, `${where} > `);
      if (d) return d;
    } else if (JSON.stringify(x) !== JSON.stringify(y)) return `${where}: co_consts[${i}]`;
  }
  return null;
}

const tally = { identical: 0, different: 0, notSupported: 0, errorsMatched: 0, errorsMismatched: 0, internal: 0, skipped: 0 };
const constructs = new Map();
const differences = [];
const internals = [];
let elapsed = 0n;

const input = from !== null ? createReadStream(from) : spawn('python3', [join(root, 'scripts/dump-cpython-compile.py'), ...paths], { stdio: ['ignore', 'pipe', 'ignore'] }).stdout;
const rl = createInterface({ input, crlfDelay: Infinity });
for await (const line of rl) {
  const rec = JSON.parse(line);
  if (rec.skip) {
    tally.skipped++;
    continue;
  }
  const name = rec.path.split('/').pop();
  const mod = viaParser ? null : astFromJson(rec.ast);
  const source = viaParser ? readFileSync(rec.path) : null;
  const t0 = process.hrtime.bigint();
  try {
    const code = viaParser ? compile(source, name) : compileAst(mod, name);
    elapsed += process.hrtime.bigint() - t0;
    if (rec.error) {
      tally.errorsMismatched++;
      differences.push(`${rec.path}: compiled, CPython raised ${rec.error.msg}`);
      continue;
    }
    const d = firstDifference(codeToJson(code), normalizeCodeJson(rec.code));
    if (d === null) tally.identical++;
    else {
      tally.different++;
      differences.push(`${rec.path}: ${d}`);
    }
  } catch (err) {
    elapsed += process.hrtime.bigint() - t0;
    if (err instanceof NotSupportedError) {
      tally.notSupported++;
      const list = constructs.get(err.construct) ?? [];
      list.push(`${rec.path}:${err.lineno}`);
      constructs.set(err.construct, list);
    } else if (err instanceof PySyntaxError && rec.error) {
      const e = rec.error;
      const same = err.msg === e.msg && err.lineno === e.lineno && err.offset === e.offset;
      if (same) tally.errorsMatched++;
      else {
        tally.errorsMismatched++;
        differences.push(`${rec.path}: SyntaxError ${err.msg} vs ${e.msg}`);
      }
    } else {
      tally.internal++;
      internals.push(`${rec.path}: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err}`);
    }
  }
}

const total = tally.identical + tally.different + tally.notSupported + tally.errorsMatched + tally.errorsMismatched + tally.internal;
console.log(`files compiled: ${total} (skipped ${tally.skipped} that CPython's ast module cannot load)`);
console.log(`  identical code objects: ${tally.identical}`);
console.log(`  different:              ${tally.different}`);
console.log(`  NotSupportedError:      ${tally.notSupported}`);
console.log(`  SyntaxError as CPython: ${tally.errorsMatched}, mismatched: ${tally.errorsMismatched}`);
console.log(`  internal errors:        ${tally.internal}`);
console.log(`  compile time (${viaParser ? 'source' : 'AST'} -> code objects): ${(Number(elapsed) / 1e9).toFixed(2)} s`);
const sorted = [...constructs.entries()].sort((a, b) => b[1].length - a[1].length);
if (sorted.length) console.log('not supported, by construct (files):');
for (const [k, v] of sorted) console.log(`  ${String(v.length).padStart(5)}  ${k}   e.g. ${v[0]}`);
const show = verbose ? Infinity : 15;
if (differences.length) console.log('differences:');
for (const d of differences.slice(0, show)) console.log(`  ${d}`);
if (internals.length) console.log('internal errors:');
for (const d of internals.slice(0, show)) console.log(`  ${d}`);
