#!/usr/bin/env node
// Profiles one benchmark program under Bytescope and prints where the time goes.
//
// Usage: node scripts/bench/profile.mjs NAME|FILE.py [--top N] [--keep DIR]
//        node scripts/bench/profile.mjs --summarize FILE.cpuprofile [--top N]
// Runs `node --cpu-prof main/cli/bytescope.mjs run PROG` (NAME is a program in
// scripts/bench/programs/), then prints the functions with the most self time and the self time
// per source file. V8 inlines small functions into their callers, so an inlined helper's time is
// counted in its caller; "(garbage collector)" is GC time on the main thread.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const args = process.argv.slice(2);
let top = 25;
let keep = null;
let summarize = null;
let target = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--keep') keep = resolve(args[++i]);
  else if (args[i] === '--summarize') summarize = resolve(args[++i]);
  else target = args[i];
}
if (summarize === null && target === null) {
  process.stderr.write('usage: node scripts/bench/profile.mjs NAME|FILE.py [--top N] [--keep DIR] | --summarize FILE.cpuprofile\n');
  process.exit(2);
}

let profilePath = summarize;
if (profilePath === null) {
  const prog = existsSync(target) ? resolve(target) : join(here, 'programs', `${target}.py`);
  if (!existsSync(prog)) {
    process.stderr.write(`profile: no such program: ${target}\n`);
    process.exit(2);
  }
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'bytescope-prof-'));
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'main/cli/bytescope.mjs'), 'run', prog], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) process.stderr.write(`profile: bytescope exited with ${r.status}\n`);
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().pop();
  profilePath = join(dir, file);
  process.on('exit', () => {
    if (keep === null) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`profile: kept ${profilePath}\n`);
  });
}

const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
// Self time of a node = its samples x the sampling interval; the intervals are timeDeltas.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byFile = new Map();
const shortUrl = (url) => {
  if (url === '') return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(root) ? relative(root, path) : url.startsWith('node:') ? url : basename(path);
};
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const cf = node.callFrame;
  const file = shortUrl(cf.url);
  const key = `${cf.functionName || '(anonymous)'}  ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const fileKey = file || cf.functionName;
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
const out = [`profile ${profilePath}: ${(total / 1e6).toFixed(2)} s sampled`, '', 'self time by function:'];
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(us)} ${ms(us)}  ${k}`);
out.push('', 'self time by file:');
for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, Math.min(top, 15))) out.push(`${pct(us)} ${ms(us)}  ${k}`);
process.stdout.write(out.join('\n') + '\n');
