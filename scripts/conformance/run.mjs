#!/usr/bin/env node
/**
 * Stdlib conformance runner: Bytescope against CPython 3.11.7 over every .py file of a folder.
 *
 *   npm run conformance -- ast|pyc|dis [DIR] [--compiler-only] [--include-site-packages] [--quiet] [--keep]
 *
 * DIR defaults to python3's standard library (test/ included, site-packages left out). One python3
 * process (scripts/conformance/cpython.py) walks DIR and writes CPython's results for the stage to a
 * temporary folder; then this one Node process produces Bytescope's and compares:
 *   ast  dumpAst(parse(bytes), {includeAttributes: true}) vs ast.dump(ast.parse(bytes), include_attributes=True)
 *   pyc  compile(bytes, PATH) vs compile(bytes, PATH, 'exec', dont_inherit=True), every code object field by
 *        field; and dumpPyc(code, {mtime, size}) vs the file py_compile writes
 *   dis  disassemble(compile(bytes, PATH)) vs `python3 -m dis PATH` (addresses masked on both sides)
 * See docs/conformance.md for the figures. This is a measurement: the exit status is 0 whatever the
 * figures are, and non-zero only when the runner itself fails. Needs a build (`npx tsc -b`).
 */
import { loadBytescope, parseArgs, runCPython } from './common.mjs';

const stages = {
  ast: () => import('./ast.mjs'),
  pyc: () => import('./pyc.mjs'),
  dis: () => import('./dis.mjs'),
};

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const bytescope = await loadBytescope(opts.build);
const { run } = await stages[opts.stage]();
const t0 = performance.now();
const cpython = runCPython(opts.stage, opts.root, opts.flags);
try {
  console.log(`CPython side (one python3 process): ${cpython.wall.toFixed(1)} s wall, ${cpython.manifest.files.length} file(s) accepted`);
  const t1 = performance.now();
  run({ ...opts, ...bytescope, cpython });
  console.log(
    `Bytescope side (this Node process): ${((performance.now() - t1) / 1000).toFixed(1)} s wall; ` +
      `whole run ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} finally {
  cpython.cleanup();
}
