/**
 * Stage `ast`: Bytescope's `dumpAst(parse(bytes, PATH, {mode: 'bytes'}), {includeAttributes: true})`
 * against CPython's `ast.dump(ast.parse(bytes), include_attributes=True)` for every file CPython
 * parses. Prints each differing file with its first difference, then `N/M identical` and the time
 * each side spent parsing (Bytescope's first parse of each file, JIT warm-up included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, Tally, describeError, firstCharDifference, rejectedNote, relPath, timeLines } from './common.mjs';

export function run({ root, flags, core, cpython }) {
  const { parse, dumpAst } = core;
  const { manifest, out } = cpython;
  const parseClock = new Clock();
  const dumpClock = new Clock();
  const failures = new Tally();
  let identical = 0;
  for (const entry of manifest.files) {
    const source = new Uint8Array(readFileSync(entry.path));
    const expected = readFileSync(join(out, entry.ast), 'utf8');
    const rel = relPath(root, entry.path);
    let got;
    try {
      const tree = parseClock.time(() => parse(source, entry.path, { mode: 'bytes' }));
      got = dumpClock.time(() => dumpAst(tree, { includeAttributes: true }));
    } catch (e) {
      failures.add(`raised ${e?.name ?? 'error'}`, rel);
      if (!flags.has('--quiet')) console.log(`${rel}: raised ${describeError(e)}`);
      continue;
    }
    if (got === expected) identical++;
    else {
      failures.add(surrogatePairAtDifference(expected, got) ? 'str with adjacent lone surrogates (one astral character in a JS string)' : 'dump differs', rel);
      if (!flags.has('--quiet')) console.log(`${rel}: ${firstCharDifference(expected, got)}`);
    }
  }
  const total = manifest.files.length;
  console.log(`${identical}/${total} identical${rejectedNote(manifest, 'ast.parse')}`);
  if (failures.size) console.log(['not identical:', ...failures.lines()].join('\n'));
  console.log(timeLines('parse time', parseClock, manifest.ast_parse, 'CPython ast.parse'));
  console.log(`(dumping the trees took Bytescope ${dumpClock.wall.toFixed(2)} s more)`);
}

/** Whether CPython's dump shows an escaped high+low surrogate pair where the dumps first differ. */
function surrogatePairAtDifference(expected, got) {
  let i = 0;
  while (i < expected.length && i < got.length && expected[i] === got[i]) i++;
  return /\\ud[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}/.test(expected.slice(Math.max(0, i - 12), i + 24));
}
