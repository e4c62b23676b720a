/**
 * The host wired to the real core (compile, dis, trace in engine workers): what the app shows is
 * what core computes, and an endless program is stopped in time while the host keeps serving.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, disassemble, loadPyc } from '../../../core/index.js';
import type { CompileOutcome, RequestResult, TraceStep } from '../../../main/common/api.js';
import type { Result } from '../../../main/common/result.js';
import { casesDir, expectedDir } from '../../support/paths.js';
import { connectHost, type TestClient } from '../support/hosts.js';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.kind}: ${r.error.message}`);
  return r.value as T; // the test names the result type of the request it made
}

/** Each code object's (offset, opname, arg) rows from a `python3 -m dis` golden, in print order. */
function parseDis(text: string): { offset: number; opname: string; arg: number | null }[][] {
  const blocks: { offset: number; opname: string; arg: number | null }[][] = [[]];
  for (const line of text.split('\n')) {
    if (line.startsWith('Disassembly of')) {
      blocks.push([]);
      continue;
    }
    const m = /^\s*(?:\d+)?\s+(?:>>)?\s*(\d+) ([A-Z_0-9]+)(?:\s+(\d+))?/.exec(line);
    if (m) blocks[blocks.length - 1].push({ offset: Number(m[1]), opname: m[2], arg: m[3] === undefined ? null : Number(m[3]) });
  }
  return blocks;
}

describe('the host with core', () => {
  let client: TestClient;
  before(() => {
    client = connectHost('core');
  });
  after(() => client.host.dispose());

  it('lists every code object of walkthrough.py as python3 -m dis does', async () => {
    const source = readFileSync(join(casesDir, 'programs', 'walkthrough.py'), 'utf8');
    const outcome = value<CompileOutcome>(await client.connection.request('compile', { source, filename: 'walkthrough.py' }));
    assert.equal(outcome.kind, 'compiled');
    if (outcome.kind !== 'compiled') return;
    const golden = parseDis(readFileSync(join(expectedDir, 'programs', 'walkthrough.dis'), 'utf8'));
    assert.deepEqual(
      outcome.codes.map((c) => c.instructions.map((i) => ({ offset: i.offset, opname: i.opname, arg: i.arg }))),
      golden,
    );
    assert.deepEqual(
      outcome.codes.map((c) => c.qualname),
      ['<module>', 'fib', 'describe'],
    );
  });

  it("returns CPython's syntax error class, message and position as data", async () => {
    const outcome = value<CompileOutcome>(await client.connection.request('compile', { source: 'x = 1\nprint("a"\n', filename: 'bad.py' }));
    assert.equal(outcome.kind, 'syntax-error');
    if (outcome.kind !== 'syntax-error') return;
    const { type, msg, lineno, offset } = outcome.error;
    assert.deepEqual({ type, msg, lineno, offset }, { type: 'SyntaxError', msg: "'(' was never closed", lineno: 2, offset: 6 });
    assert.equal(outcome.error.formatted, '  File "bad.py", line 2\n    print("a"\n         ^\nSyntaxError: \'(\' was never closed\n');
  });

  it('traces a program: after LOAD_CONST the code object is on the stack, after MAKE_FUNCTION the function', async () => {
    const started = value<RequestResult<'startTrace'>>(
      await client.connection.request('startTrace', { source: 'def f(n):\n    return n\n\nf(1)\n', filename: 'main.py' }),
    );
    const session = started.session ?? assert.fail(`no session: ${JSON.stringify(started.outcome).slice(0, 200)}`);
    assert.equal(session.step.state.step, 0);
    assert.equal(session.step.state.frames[0].offset, 0);
    const step = async (action: string): Promise<TraceStep> =>
      value<TraceStep>(await client.connection.request('step', { sessionId: session.sessionId, action }));
    await step('forward');
    const two = await step('forward');
    assert.deepEqual(
      two.state.frames[0].stack.map((v) => v.type),
      ['code'],
    );
    const three = await step('forward');
    assert.deepEqual(
      three.state.frames[0].stack.map((v) => v.type),
      ['function'],
    );
    assert.equal(three.state.last?.opname, 'MAKE_FUNCTION');
    const back = await step('back');
    assert.deepEqual(back.state, two.state);
    const end = await step('run');
    assert.equal(end.ended, true);
    assert.equal(end.state.status, 'finished');
  });

  it('stops `while True: pass` within 100 ms (median of 3) while the host keeps serving', async () => {
    // A step budget the loop cannot exhaust before the stop arrives: the VM runs millions of
    // instructions in the 60 ms the test waits, and reaching the budget would end the run by itself.
    const client = connectHost('core', { maxSteps: Number.MAX_SAFE_INTEGER });
    const times: number[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        const started = value<RequestResult<'startTrace'>>(
          await client.connection.request('startTrace', { source: 'while True:\n    pass\n', filename: 'loop.py' }),
        );
        const sessionId = started.session?.sessionId ?? assert.fail('no session');
        const run = client.connection.request('step', { sessionId, action: 'run' });
        await new Promise((r) => setTimeout(r, 60));
        const served = value<CompileOutcome>(await client.connection.request('compile', { source: 'x = 1\n', filename: 'x.py' }));
        assert.equal(served.kind, 'compiled');
        const t0 = performance.now();
        const stop = value<RequestResult<'stopTrace'>>(await client.connection.request('stopTrace', { sessionId }));
        const reply = await run;
        times.push(performance.now() - t0);
        if (stop.sessionKept) {
          // The usual case: the run saw the stop flag between two chunks and kept its place.
          const state = value<TraceStep>(reply);
          assert.equal(state.interrupted, true);
          assert.equal(state.ended, false);
          assert.equal(state.state.status, 'running');
          assert.ok(state.state.step > 0);
        } else {
          // A chunk outlived the grace period (a busy machine): the worker was terminated instead.
          assert.equal(!reply.ok && reply.error.kind, 'stopped');
        }
      }
    } finally {
      client.host.dispose();
    }
    const sorted = [...times].sort((a, b) => a - b);
    assert.ok(sorted[1] < 100, `stopping took ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  });

  it('saves a file and writes the .pyc py_compile would: 3.11 magic, source mtime and size, the same code', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bytescope-pyc-'));
    try {
      const opened = value<RequestResult<'openFolder'>>(await client.connection.request('openFolder', { path: root })) ?? assert.fail('no folder');
      const { folderId } = opened;
      const text = readFileSync(join(casesDir, 'programs', 'walkthrough.py'), 'utf8');
      const saved = value<RequestResult<'saveFile'>>(await client.connection.request('saveFile', { folderId, path: 'walkthrough.py', text }));
      assert.equal(saved.pycache.kind, 'written');
      const file = join(opened.root, 'walkthrough.py');
      const pyc = new Uint8Array(readFileSync(join(opened.root, '__pycache__', 'walkthrough.cpython-311.pyc')));
      assert.deepEqual([...pyc.subarray(0, 4)], [0xa7, 0x0d, 0x0d, 0x0a]);
      const { header, code } = loadPyc(pyc);
      const stat = statSync(file);
      assert.equal(header.flags, 0);
      assert.equal(header.mtime, Math.floor(stat.mtimeMs / 1000));
      assert.equal(header.sourceSize, stat.size);
      assert.equal(code.co_filename, file);
      assert.equal(disassemble(code), disassemble(compile(text, file)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
