import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompileOutcome, RequestResult, TraceStep } from '../../../main/common/api.js';
import type { Result } from '../../../main/common/result.js';
import { LIMITS } from '../../../main/common/schema.js';
import { connectHost, type TestClient } from '../support/hosts.js';

/** The value of a successful result, failing the test with the error otherwise. */
function value<T>(r: Result<unknown>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.kind}: ${r.error.message}`);
  return r.value as T; // the test names the result type of the request it made
}

/** The middle value: one scheduling hiccup on a busy machine does not decide a latency test. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function errorOf(r: Result<unknown>): { kind: string; message: string } {
  if (r.ok) assert.fail('expected a typed error, got success');
  return r.error;
}

describe('Host.request validation', () => {
  let client: TestClient;
  before(() => {
    client = connectHost('fake');
  });
  after(() => client.host.dispose());

  it('answers an unknown method with an unknown-method error', async () => {
    const e = errorOf(await client.connection.request('deleteEverything', {}));
    assert.equal(e.kind, 'unknown-method');
    assert.match(e.message, /deleteEverything/);
  });

  it('answers a non-string method with an unknown-method error', async () => {
    assert.equal(errorOf(await client.connection.request(42, {})).kind, 'unknown-method');
    assert.equal(errorOf(await client.connection.request({ toString: 'compile' }, {})).kind, 'unknown-method');
  });

  it('names the field when a parameter has the wrong type', async () => {
    const e = errorOf(await client.connection.request('compile', { source: 12, filename: 'a.py' }));
    assert.equal(e.kind, 'invalid-request');
    assert.match(e.message, /params\.source must be a string/);
  });

  it('refuses parameters that are not a plain object', async () => {
    for (const params of [null, 'x', [1, 2], 3, true]) {
      assert.equal(errorOf(await client.connection.request('compile', params)).kind, 'invalid-request');
    }
  });

  it('refuses a missing field and an unexpected one', async () => {
    assert.match(errorOf(await client.connection.request('compile', { source: '' })).message, /filename is missing/);
    const extra = errorOf(await client.connection.request('compile', { source: '', filename: 'a.py', eval: true }));
    assert.match(extra.message, /unexpected field 'eval'/);
  });

  it('refuses an unknown step action and a fractional step number', async () => {
    assert.equal(errorOf(await client.connection.request('step', { sessionId: 'abc', action: 'jump' })).kind, 'invalid-request');
    const e = errorOf(await client.connection.request('step', { sessionId: 'abc', action: 'goTo', to: 1.5 }));
    assert.match(e.message, /params\.to must be an integer/);
  });

  it('refuses a filename holding a path separator', async () => {
    assert.equal(errorOf(await client.connection.request('compile', { source: '', filename: '../x.py' })).kind, 'invalid-request');
  });

  it('answers a source over the limit with payload-too-large', async () => {
    const source = 'x = 1\n'.repeat(LIMITS.sourceChars / 6 + 1);
    const e = errorOf(await client.connection.request('compile', { source, filename: 'big.py' }));
    assert.equal(e.kind, 'payload-too-large');
  });

  it('answers a message over the byte limit with payload-too-large before reading it', async () => {
    const e = errorOf(await client.connection.request('hostInfo', {}, LIMITS.messageBytes + 1));
    assert.equal(e.kind, 'payload-too-large');
  });

  it('leaves a trace session where it was after a bad request', async () => {
    const started = value<RequestResult<'startTrace'>>(
      await client.connection.request('startTrace', { source: 'a\nb\nc\n', filename: 'm.py' }),
    );
    assert.ok(started.session);
    const { sessionId } = started.session;
    value<TraceStep>(await client.connection.request('step', { sessionId, action: 'forward' }));
    assert.equal(errorOf(await client.connection.request('step', { sessionId, action: 'forward', to: 'x' })).kind, 'invalid-request');
    assert.equal(errorOf(await client.connection.request('step', { sessionId, action: 'sideways' })).kind, 'invalid-request');
    const again = value<TraceStep>(await client.connection.request('step', { sessionId, action: 'back' }));
    assert.equal(again.state.step, 0);
  });
});

describe('Host compile and trace requests', () => {
  let client: TestClient;
  before(() => {
    client = connectHost('fake', { stopGraceMs: 50 });
  });
  after(() => client.host.dispose());

  it('reports which shell it runs in', async () => {
    const info = value<RequestResult<'hostInfo'>>(await client.connection.request('hostInfo', undefined));
    assert.equal(info.shell, 'browser');
    assert.equal(info.pythonVersion, '3.11.7');
  });

  it('compiles a source in a worker and returns its listings', async () => {
    const outcome = value<CompileOutcome>(await client.connection.request('compile', { source: 'a\n\nb\n', filename: 'm.py' }));
    assert.equal(outcome.kind, 'compiled');
    if (outcome.kind === 'compiled') assert.deepEqual(outcome.codes[0].instructions.map((i) => i.opname), ['RESUME', 'NOP', 'NOP']);
  });

  it('returns a syntax error as data with its position', async () => {
    const outcome = value<CompileOutcome>(await client.connection.request('compile', { source: 'ok\nx = $\n', filename: 'm.py' }));
    assert.equal(outcome.kind, 'syntax-error');
    if (outcome.kind === 'syntax-error') {
      assert.equal(outcome.error.lineno, 2);
      assert.equal(outcome.error.offset, 5);
    }
  });

  it('starts no session for a source that does not compile', async () => {
    const started = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: '$', filename: 'm.py' }));
    assert.equal(started.session, null);
    assert.equal(started.outcome.kind, 'syntax-error');
  });

  it('still returns the listing when the engine cannot start the run, with the reason', async () => {
    const started = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a # broken\n', filename: 'm.py' }));
    assert.equal(started.session, null);
    assert.equal(started.outcome.kind, 'compiled');
    assert.equal(started.traceError, 'the fake VM cannot start');
  });

  it('steps forward, back, to a step and to the end', async () => {
    const started = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a\nb\nc\n', filename: 'm.py' }));
    const session = started.session ?? assert.fail('no session');
    const { sessionId } = session;
    assert.equal(session.step.state.step, 0);
    const step = async (action: string, to?: number): Promise<TraceStep> =>
      value<TraceStep>(await client.connection.request('step', { sessionId, action, to }));
    assert.equal((await step('forward')).state.step, 1);
    assert.equal((await step('forward')).state.step, 2);
    assert.equal((await step('back')).state.step, 1);
    assert.equal((await step('goTo', 3)).state.step, 3);
    const end = await step('run');
    assert.equal(end.ended, true);
    assert.equal(end.totalSteps, 4);
    assert.equal((await step('reset')).state.step, 0);
  });

  it('answers not-found for a session that does not exist', async () => {
    assert.equal(errorOf(await client.connection.request('step', { sessionId: 'nope', action: 'forward' })).kind, 'not-found');
    assert.equal(errorOf(await client.connection.request('stopTrace', { sessionId: 'nope' })).kind, 'not-found');
  });

  it('stops an endless run within 100 ms (median of 3) and keeps serving other requests', async () => {
    const started = value<RequestResult<'startTrace'>>(
      await client.connection.request('startTrace', { source: 'while True:\n    pass\n', filename: 'loop.py' }),
    );
    const sessionId = started.session?.sessionId ?? assert.fail('no session');
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const run = client.connection.request('step', { sessionId, action: 'run' });
      await new Promise((r) => setTimeout(r, 30));
      const compiled = value<CompileOutcome>(await client.connection.request('compile', { source: 'a\n', filename: 'm.py' }));
      assert.equal(compiled.kind, 'compiled');
      const t0 = performance.now();
      const stop = value<RequestResult<'stopTrace'>>(await client.connection.request('stopTrace', { sessionId }));
      const stopped = value<TraceStep>(await run);
      times.push(performance.now() - t0);
      assert.equal(stop.sessionKept, true);
      assert.equal(stopped.interrupted, true);
      assert.equal(stopped.ended, false);
      const next = value<TraceStep>(await client.connection.request('step', { sessionId, action: 'forward' }));
      assert.equal(next.state.step, stopped.state.step + 1);
    }
    assert.ok(median(times) < 100, `stopping took ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  });

  it('terminates a worker stuck inside one step within 100 ms (median of 3), ends its session and says so', async () => {
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a # hang\n', filename: 'h.py' }));
      const sessionId = started.session?.sessionId ?? assert.fail('no session');
      const stuck = client.connection.request('step', { sessionId, action: 'forward' });
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      const stop = value<RequestResult<'stopTrace'>>(await client.connection.request('stopTrace', { sessionId }));
      const e = errorOf(await stuck);
      times.push(performance.now() - t0);
      assert.equal(stop.sessionKept, false);
      assert.equal(e.kind, 'stopped');
      assert.equal(errorOf(await client.connection.request('step', { sessionId, action: 'forward' })).kind, 'not-found');
      assert.ok(client.events.some((ev) => ev.event === 'sessionLost' && 'sessionId' in ev.payload && ev.payload.sessionId === sessionId));
    }
    assert.ok(median(times) < 100, `stopping took ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    const info = await client.connection.request('hostInfo', {});
    assert.equal(info.ok, true);
  });
});

describe('Host watchdog', () => {
  it('terminates a worker that outlives its request timeout and answers with a timeout error', async () => {
    const client = connectHost('fake', { runMillis: 40, requestTimeoutMs: 400 });
    try {
      const started = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a # hang\n', filename: 'h.py' }));
      const sessionId = started.session?.sessionId ?? assert.fail('no session');
      const t0 = performance.now();
      const e = errorOf(await client.connection.request('step', { sessionId, action: 'forward' }));
      const took = performance.now() - t0;
      assert.equal(e.kind, 'timeout');
      assert.ok(took >= 400 && took < 2000, `answered after ${took.toFixed(0)} ms`);
      assert.deepEqual(client.events.map((ev) => ev.event), ['sessionLost']);
      assert.equal((await client.connection.request('compile', { source: 'a\n', filename: 'm.py' })).ok, true);
    } finally {
      await client.host.dispose();
    }
  });
});

describe('Host sessions per client', () => {
  it('closes the oldest session when a client starts one too many', async () => {
    const client = connectHost('fake', { maxSessionsPerClient: 2 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const s = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a\n', filename: 'm.py' }));
        ids.push(s.session?.sessionId ?? assert.fail('no session'));
      }
      assert.equal(errorOf(await client.connection.request('step', { sessionId: ids[0], action: 'forward' })).kind, 'not-found');
      assert.equal((await client.connection.request('step', { sessionId: ids[2], action: 'forward' })).ok, true);
      assert.equal(client.events.length, 0);
    } finally {
      await client.host.dispose();
    }
  });

  it("ends a client's sessions when it disconnects, and not another client's", async () => {
    const client = connectHost('fake');
    try {
      const other = client.host.connect(() => {});
      const mine = value<RequestResult<'startTrace'>>(await client.connection.request('startTrace', { source: 'a\n', filename: 'm.py' }));
      const theirs = value<RequestResult<'startTrace'>>(await other.request('startTrace', { source: 'a\n', filename: 'm.py' }));
      await client.connection.close();
      const id = theirs.session?.sessionId ?? assert.fail('no session');
      assert.equal((await other.request('step', { sessionId: id, action: 'forward' })).ok, true);
      assert.equal(errorOf(await other.request('step', { sessionId: mine.session?.sessionId, action: 'forward' })).kind, 'not-found');
      assert.equal(errorOf(await client.connection.request('hostInfo', {})).kind, 'not-found');
    } finally {
      await client.host.dispose();
    }
  });
});
