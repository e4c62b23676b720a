#!/usr/bin/env node
// `npm run bench`: Bytescope against CPython 3.11.7, side by side in one run, as ratios.
//
// Usage: node scripts/bench/run.mjs [--repeat N] [--filter NAME]... [--startup-repeat N]
//                                   [--no-startup] [--python PATH] [--python-arg ARG]...
//                                   [--bytescope FILE] [--json FILE]
//   --repeat N          timed runs of each side per program (default 5), alternating
//                       python3 / bytescope (the side that goes first swaps every round)
//   --filter NAME       only programs whose file name contains NAME (repeatable; also "a,b")
//   --startup-repeat N  runs of each side for the one-line start-up program (default 3 x repeat)
//   --no-startup        skip the start-up row
//   --python PATH       the CPython to compare with (default: what `python3` resolves to; a pyenv
//                       shim is bypassed, since its bash wrapper alone costs ~0.2 s of CPU)
//   --python-arg ARG    an option for CPython before PROG, e.g. -S to leave out site.py
//   --bytescope FILE    the CLI entry to run with node (default main/cli/bytescope.mjs), to
//                       compare another build of Bytescope against the same CPython
//   --json FILE         also write every measurement as JSON
//
// Each program in scripts/bench/programs/*.py runs as `python3 PROG` and as
// `node main/cli/bytescope.mjs run PROG` (needs a build: `npx tsc -b main`). Every run goes
// through scripts/bench/rusage.py, which reports the child's wall time, user+sys CPU time and
// peak RSS from os.wait4, interpreter start-up included. Every run's stdout and exit status must
// equal CPython's first run, or the runner says so loudly and exits 1. A program Bytescope
// rejects with "not supported yet" is reported as such (its CPython time still shown) and does
// not fail the run. Speed is never asserted: the goals are printed next to the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const programsDir = join(here, 'programs');
const startupProgram = join(here, 'startup.py');
const wrapper = join(here, 'rusage.py');
const defaultCli = join(root, 'main', 'cli', 'bytescope.mjs');

const GOALS = { geomean: 1.5, max: 3, startup: 3 }; // docs/roadmap.md, "The VM": Speed, Startup

// ---- options ----
const opts = { repeat: 5, filters: [], startupRepeat: null, startup: true, python: null, pythonArgs: [], bytescope: null, json: null };
{
  const args = process.argv.slice(2);
  const value = (i, name) => {
    if (i >= args.length) usage(`${name} needs a value`);
    return args[i];
  };
  const count = (text, name) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) usage(`${name} must be a positive integer`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--repeat') opts.repeat = count(value(++i, a), a);
    else if (a === '--filter') opts.filters.push(...value(++i, a).split(',').filter(Boolean));
    else if (a === '--startup-repeat') opts.startupRepeat = count(value(++i, a), a);
    else if (a === '--no-startup') opts.startup = false;
    else if (a === '--python') opts.python = value(++i, a);
    else if (a === '--python-arg') opts.pythonArgs.push(value(++i, a));
    else if (a === '--bytescope') opts.bytescope = resolve(value(++i, a));
    else if (a === '--json') opts.json = resolve(value(++i, a));
    else if (a === '--help' || a === '-h') usage(null);
    else usage(`unknown argument ${a}`);
  }
  opts.startupRepeat ??= 3 * opts.repeat;
}
const cli = opts.bytescope ?? defaultCli;

function usage(problem) {
  const text =
    'usage: node scripts/bench/run.mjs [--repeat N] [--filter NAME]... [--startup-repeat N] ' +
    '[--no-startup] [--python PATH] [--python-arg ARG]... [--bytescope FILE] [--json FILE]\n';
  if (problem === null) {
    process.stdout.write(text);
    process.exit(0);
  }
  process.stderr.write(`bench: ${problem}\n${text}`);
  process.exit(2);
}

function die(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

// ---- the two interpreters ----
function resolvePython() {
  const candidate = opts.python ?? process.env.BENCH_PYTHON ?? 'python3';
  const r = spawnSync(candidate, ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())'], {
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) die(`cannot run ${candidate}: ${r.error?.message ?? r.stderr}`);
  const [executable, version] = r.stdout.trim().split('\n');
  return { requested: candidate, executable, version };
}

const python = resolvePython();
if (python.version !== '3.11.7') process.stderr.write(`bench: warning: ${python.executable} is Python ${python.version}, not 3.11.7\n`);
if (cli === defaultCli && !existsSync(join(root, 'build', 'main', 'cli', 'main.js'))) die('Bytescope is not built: run `npx tsc -b main` first');
if (!existsSync(cli)) die(`no such file: ${cli}`);

const sides = {
  cpython: (prog) => [python.executable, ...opts.pythonArgs, prog],
  bytescope: (prog) => [process.execPath, cli, 'run', prog],
};

/** One child run through the rusage wrapper: stdout, stderr and the measurements. */
function measure(argv) {
  const r = spawnSync(python.executable, [wrapper, ...argv], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) die(`cannot run ${argv.join(' ')}: ${r.error.message}`);
  const report = r.output[3]?.toString() ?? '';
  if (r.status !== 0 || report === '') die(`measuring ${argv.join(' ')} failed:\n${r.stderr.toString()}`);
  const m = JSON.parse(report);
  return {
    stdout: r.stdout.toString('latin1'),
    stderr: r.stderr.toString('utf8'),
    exit: m.exit,
    wall: m.wall,
    cpu: m.user + m.sys,
    user: m.user,
    sys: m.sys,
    rssMb: m.maxrss_kb / 1024,
  };
}

// ---- statistics ----
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);
const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

function summarize(runs) {
  return {
    runs: runs.length,
    cpuMedian: median(runs.map((r) => r.cpu)),
    cpuMin: min(runs.map((r) => r.cpu)),
    wallMedian: median(runs.map((r) => r.wall)),
    userMedian: median(runs.map((r) => r.user)),
    sysMedian: median(runs.map((r) => r.sys)),
    rssMb: max(runs.map((r) => r.rssMb)),
    cpu: runs.map((r) => +r.cpu.toFixed(4)),
    wall: runs.map((r) => +r.wall.toFixed(4)),
  };
}

/** The first line where two outputs differ, for the failure report. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n      python3:   ${JSON.stringify(a[i] ?? '<end of output>')}\n      bytescope: ${JSON.stringify(b[i] ?? '<end of output>')}`;
  }
  return 'outputs differ';
}

const loads = [loadavg()];
const note = (text) => process.stderr.write(text);

/**
 * Runs one program `repeat` times on each side, alternating. Returns its row: status 'ok',
 * 'not supported' (Bytescope said "not supported yet") or 'different' (a VM bug).
 */
function benchProgram(name, path, repeat) {
  const rel = relative(root, path);
  const runs = { cpython: [], bytescope: [] };
  let expected = null;
  const row = { name, status: 'ok', message: null };
  note(`${name}: `);
  for (let round = 0; round < repeat && row.status === 'ok'; round++) {
    const order = round % 2 === 0 ? ['cpython', 'bytescope'] : ['bytescope', 'cpython'];
    for (const side of order) {
      if (side === 'bytescope' && row.status !== 'ok') continue;
      const m = measure(sides[side](rel));
      if (side === 'cpython') {
        if (m.exit !== 0) die(`${rel}: python3 exited with ${m.exit}; a benchmark must run cleanly:\n${m.stderr}`);
        if (expected === null) expected = m;
        else if (m.stdout !== expected.stdout) die(`${rel}: python3's output changes between runs; a benchmark must be deterministic`);
      } else {
        const unsupported = /not supported yet: ?(.*)/.exec(m.stderr);
        if (m.exit !== 0 && unsupported) {
          row.status = 'not supported';
          row.message = unsupported[1].trim();
        } else if (expected !== null && (m.stdout !== expected.stdout || m.exit !== expected.exit)) {
          row.status = 'different';
          row.message =
            m.exit !== expected.exit
              ? `exit status ${m.exit} (python3: ${expected.exit}); stderr:\n${m.stderr}`
              : firstDifference(expected.stdout, m.stdout);
        }
      }
      runs[side].push(m);
      note(side === 'cpython' ? 'c' : 'b');
    }
  }
  // Bytescope stopped early (not supported, or different output): CPython still gets its runs.
  while (runs.cpython.length < repeat) {
    const m = measure(sides.cpython(rel));
    if (m.exit !== 0) die(`${rel}: python3 exited with ${m.exit}; a benchmark must run cleanly:\n${m.stderr}`);
    if (expected === null) expected = m;
    runs.cpython.push(m);
    note('c');
  }
  loads.push(loadavg());
  row.cpython = summarize(runs.cpython);
  if (row.status === 'ok') {
    row.bytescope = summarize(runs.bytescope);
    row.ratio = row.bytescope.cpuMedian / row.cpython.cpuMedian;
    row.wallRatio = row.bytescope.wallMedian / row.cpython.wallMedian;
    row.minRatio = row.bytescope.cpuMin / row.cpython.cpuMin;
    note(` ${row.ratio.toFixed(2)}x\n`);
  } else {
    note(` ${row.status}${row.message ? `: ${row.message.split('\n')[0]}` : ''}\n`);
  }
  return row;
}

// ---- run ----
let programs = readdirSync(programsDir)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => ({ name: f.slice(0, -3), path: join(programsDir, f) }));
if (opts.filters.length > 0) programs = programs.filter((p) => opts.filters.some((f) => p.name.includes(f)));
if (programs.length === 0 && !opts.startup) die('no program matches the filter');

/** The commit the working tree is on and whether core/ or main/ differ from it (read-only git). */
function revision() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'unknown revision';
  const changed = git('diff', '--name-only', 'HEAD', '--', 'core', 'main').stdout.split('\n').filter(Boolean).length;
  const added = git('ls-files', '--others', '--exclude-standard', '--', 'core', 'main').stdout.split('\n').filter(Boolean).length;
  return `commit ${head.stdout.trim()}${changed + added > 0 ? ` + ${changed + added} uncommitted file(s) in core/ or main/` : ''}`;
}

const started = new Date();
const cpuList = cpus();
note(
  `bench: ${programs.length} programs x ${opts.repeat} runs per side; python3 = ${python.executable}` +
    `${python.executable !== python.requested ? ` (from ${python.requested})` : ''}\n`,
);

// Warm the file cache and both interpreters once, untimed.
measure(sides.cpython(relative(root, startupProgram)));
measure(sides.bytescope(relative(root, startupProgram)));

let startup = null;
if (opts.startup) startup = benchProgram('startup: print(1)', startupProgram, opts.startupRepeat);
const rows = programs.map((p) => benchProgram(p.name, p.path, opts.repeat));
const finished = new Date();

// ---- report ----
const s2 = (x) => x.toFixed(2);
const s3 = (x) => x.toFixed(3);
const mb = (x) => x.toFixed(0);
const lines = [];
const load1 = loads.map((l) => l[0]);
lines.push(`Bytescope vs CPython, ${started.toISOString().slice(0, 19).replace('T', ' ')} UTC`);
lines.push(`  python3:   ${[python.executable, ...opts.pythonArgs].join(' ')} (Python ${python.version})`);
lines.push(`  bytescope: node ${process.version} ${cli.startsWith(root) ? relative(root, cli) : cli} run (${revision()})`);
lines.push(
  `  machine:   ${cpuList.length} cores (${cpuList[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `load average (1 min) ${s2(load1[0])} at start, ${s2(load1[load1.length - 1])} at end, max ${s2(max(load1))}`,
);
lines.push(
  `  ${opts.repeat} runs per side per program${opts.startup ? ` (start-up: ${opts.startupRepeat})` : ''}, alternating; times are medians of user+sys CPU ` +
    `seconds of the child, start-up included; ratio = Bytescope / CPython; memory = peak RSS`,
);
lines.push('');
lines.push('| program | CPython s | Bytescope s | ratio (CPU) | ratio (wall) | CPython MB | Bytescope MB |');
lines.push('|---|---:|---:|---:|---:|---:|---:|');
const tableRow = (r) => {
  if (r.status === 'ok')
    return `| ${r.name} | ${s3(r.cpython.cpuMedian)} | ${s3(r.bytescope.cpuMedian)} | ${s2(r.ratio)}x | ${s2(r.wallRatio)}x | ${mb(r.cpython.rssMb)} | ${mb(r.bytescope.rssMb)} |`;
  const what = r.status === 'not supported' ? `not supported yet (${r.message})` : 'DIFFERENT OUTPUT';
  return `| ${r.name} | ${s3(r.cpython.cpuMedian)} | — | ${what} | | ${mb(r.cpython.rssMb)} | — |`;
};
for (const r of rows) lines.push(tableRow(r));
if (startup) lines.push(tableRow(startup));
lines.push('');

const ok = rows.filter((r) => r.status === 'ok');
const goal = (value, limit) => `(goal <= ${limit}x: ${value <= limit ? 'met' : 'not met'})`;
let summary = null;
if (ok.length > 0) {
  const worst = ok.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  summary = {
    geomean: geomean(ok.map((r) => r.ratio)),
    geomeanWall: geomean(ok.map((r) => r.wallRatio)),
    geomeanMin: geomean(ok.map((r) => r.minRatio)),
    max: worst.ratio,
    maxProgram: worst.name,
  };
  lines.push(`geometric mean of CPU ratios over ${ok.length} programs: ${s2(summary.geomean)}x ${goal(summary.geomean, GOALS.geomean)}`);
  lines.push(`  (of wall-time ratios: ${s2(summary.geomeanWall)}x; of minimum-CPU ratios: ${s2(summary.geomeanMin)}x)`);
  lines.push(`maximum CPU ratio: ${s2(summary.max)}x (${summary.maxProgram}) ${goal(summary.max, GOALS.max)}`);
}
if (startup?.status === 'ok')
  lines.push(
    `start-up (print(1)): ${s2(startup.ratio)}x ${goal(startup.ratio, GOALS.startup)}; ` +
      `CPython ${s3(startup.cpython.cpuMedian)} s CPU / ${s3(startup.cpython.wallMedian)} s wall, ` +
      `Bytescope ${s3(startup.bytescope.cpuMedian)} s CPU / ${s3(startup.bytescope.wallMedian)} s wall`,
  );
const unsupported = rows.filter((r) => r.status === 'not supported');
if (unsupported.length > 0) lines.push(`not supported yet (not in the means): ${unsupported.map((r) => r.name).join(', ')}`);
const different = [...rows, ...(startup ? [startup] : [])].filter((r) => r.status === 'different');
for (const r of different) lines.push(`\nDIFFERENT OUTPUT from ${r.name} (a VM bug): ${r.message}`);
process.stdout.write(lines.join('\n') + '\n');

if (opts.json)
  writeFileSync(
    opts.json,
    JSON.stringify(
      { started: started.toISOString(), finished: finished.toISOString(), python, node: process.version, cores: cpuList.length, loads, options: opts, goals: GOALS, startup, rows, summary },
      null,
      2,
    ) + '\n',
  );
if (different.length > 0) {
  process.stderr.write(`bench: ${different.length} program(s) gave different output from python3\n`);
  process.exit(1);
}
