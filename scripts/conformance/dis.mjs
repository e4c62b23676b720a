/**
 * Stage `dis`: Bytescope's `disassemble(compile(bytes, PATH))` (or of `compileAst` of CPython's AST
 * with --compiler-only) against what `python3 -m dis PATH` prints, which cpython.py produces for all
 * files in one process as `dis.dis(compile(bytes, PATH, 'exec'))`. Code object addresses are masked
 * on both sides (` at 0xADDR`). Prints each differing file with its first differing line, then
 * `N/M identical` and the differing files by the opname or section of their first differing line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, Tally, describeError, firstLineDifference, rejectedNote, relPath } from './common.mjs';

const ADDRESS = / at 0x[0-9a-fA-F]+/g;
const mask = (text) => text.replace(ADDRESS, ' at 0xADDR');

export function run({ root, flags, core, goldens, cpython }) {
  const { compile, compileAst, disassemble, NotSupportedError } = core;
  const { manifest, out } = cpython;
  const quiet = flags.has('--quiet');
  const clock = new Clock();
  const failures = new Tally();
  let identical = 0;
  for (const entry of manifest.files) {
    const rel = relPath(root, entry.path);
    if (entry.skip) {
      failures.add(`not compared: ${entry.skip.split(':')[0]}`, rel);
      continue;
    }
    const expected = mask(readFileSync(join(out, entry.dis), 'utf8'));
    let got;
    try {
      const code = flags.has('--compiler-only')
        ? compileAst(goldens.astFromJson(JSON.parse(readFileSync(join(out, entry.ast_json), 'utf8'))), entry.path)
        : compile(new Uint8Array(readFileSync(entry.path)), entry.path, { mode: 'bytes' });
      got = mask(clock.time(() => disassemble(code)));
    } catch (e) {
      failures.add(e instanceof NotSupportedError ? 'no code object: NotSupportedError' : `raised ${e?.name ?? 'error'}`, rel);
      if (!quiet) console.log(`${rel}: raised ${describeError(e)}`);
      continue;
    }
    if (got === expected) {
      identical++;
      continue;
    }
    failures.add(entry.surrogate_pairs ? 'str constant with adjacent lone surrogates (one astral character in a JS string)' : lineKind(expected, got), rel);
    if (!quiet) console.log(`${rel}: ${firstLineDifference(expected, got)}`);
  }
  console.log(`${identical}/${manifest.files.length} identical${rejectedNote(manifest, 'compile()')}`);
  if (failures.size) console.log(['not identical, by first differing line:', ...failures.lines()].join('\n'));
  console.log(`(disassembling took Bytescope ${clock.wall.toFixed(2)} s)`);
}

/** What the first differing line is: an instruction's opname, an exception table row, a header. */
function lineKind(expected, got) {
  const a = expected.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const line = a[i] ?? '';
  if (/ LOAD_CONST .*frozenset\(/.test(line) && / LOAD_CONST .*frozenset\(/.test(b[i] ?? '')) return 'frozenset constant iteration order';
  if (line.startsWith('Disassembly of')) return 'differs at a nested code object header';
  if (/^\s+\d+ to \d+ -> /.test(line)) return 'differs at an exception table row';
  if (line === 'ExceptionTable:') return 'differs at the exception table header';
  const m = /^[\s\d>-]*?\s(\d+) ([A-Z_]+)/.exec(line);
  return m ? `differs at an instruction: ${m[2]}` : `differs at line ${JSON.stringify(line.slice(0, 30))}`;
}
