import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompileOutcome, TraceStep } from '../../../main/common/api.js';
import { err, ok } from '../../../main/common/result.js';
import { PLAY_DELAYS, TraceController, isPlaySpeed } from '../../../renderer/state/trace-controller.js';
import { FakeHostClient, settle, sleep, type Reply } from '../support/fake-host-client.js';
import { endedStep, listing, traceStep } from '../support/states.js';

const SOURCE = 'x = 1\nprint(x)\n';
const compiledOutcome: CompileOutcome = { kind: 'compiled', codes: [listing(0), listing(1, 'f')] };
const syntaxErrorOutcome: CompileOutcome = {
  kind: 'syntax-error',
  error: {
    type: 'SyntaxError',
    msg: "'(' was never closed",
    filename: 'main.py',
    lineno: 1,
    offset: 6,
    end_lineno: 1,
    end_offset: 7,
    text: 'print(',
    formatted: '',
  },
};

function startReply(sessionId: string | null, outcome: CompileOutcome = compiledOutcome, traceError: string | null = null): Reply<'startTrace'> {
  return ok({ outcome, session: sessionId ? { sessionId, step: traceStep({ step: 0 }) } : null, traceError });
}

/** The step a session of a program `total` instructions long reports at step `n`. */
function stepAt(n: number, total: number): TraceStep {
  return n >= total ? endedStep(total) : traceStep({ step: n });
}

/** Answers `step` requests as a session of a program `total` instructions long would. */
function scriptSteps(host: FakeHostClient, total: number): void {
  let at = 0;
  host.respond('step', ({ action, to }) => {
    if (action === 'forward') at = Math.min(total, at + 1);
    else if (action === 'back') at = Math.max(0, at - 1);
    else if (action === 'reset') at = 0;
    else if (action === 'run') at = total;
    else at = Math.max(0, Math.min(total, to ?? 0));
    return ok(stepAt(at, total));
  });
}

/** A controller whose source compiled into session s1 (s2, s3... for later starts). */
async function started(total = 5): Promise<{ host: FakeHostClient; controller: TraceController }> {
  const host = new FakeHostClient();
  let sessions = 0;
  host.respond('startTrace', () => startReply(`s${++sessions}`));
  host.respond('closeTrace', () => ok({ closed: true }));
  host.respond('stopTrace', () => ok({ sessionKept: true }));
  scriptSteps(host, total);
  const controller = new TraceController(host.client, SOURCE);
  await controller.start();
  return { host, controller };
}

const stepsSent = (host: FakeHostClient): string[] => host.callsOf('step').map((c) => c.params.action);

describe('TraceController', () => {
  describe('start', () => {
    it('begins connecting, with nothing compiled or traced', () => {
      const controller = new TraceController(new FakeHostClient().client, SOURCE);
      const v = controller.getSnapshot();
      assert.equal(v.source, SOURCE);
      assert.equal(v.tracedSource, null);
      assert.equal(v.outcome, null);
      assert.equal(v.sessionId, null);
      assert.equal(v.step, null);
      assert.equal(v.connection, 'connecting');
      assert.equal(controller.current, false);
    });

    it('compiles the source under its filename and shows step 0 of the new session', async () => {
      const host = new FakeHostClient();
      host.respond('startTrace', () => startReply('s1'));
      const controller = new TraceController(host.client, SOURCE, 'lesson.py');
      await controller.start();
      assert.deepEqual(host.callsOf('startTrace').map((c) => c.params), [{ source: SOURCE, filename: 'lesson.py' }]);
      const v = controller.getSnapshot();
      assert.equal(v.sessionId, 's1');
      assert.equal(v.step?.state.step, 0);
      assert.equal(v.previousStep, null);
      assert.equal(v.outcome, compiledOutcome);
      assert.deepEqual(v.lastCodes, compiledOutcome.codes);
      assert.equal(v.tracedSource, SOURCE);
      assert.equal(v.connection, 'ready');
      assert.equal(v.compiling, false);
      assert.equal(v.problem, null);
      assert.equal(controller.current, true);
    });

    it('is compiling while the request is in flight', async () => {
      const host = new FakeHostClient();
      const controller = new TraceController(host.client, SOURCE);
      const done = controller.start();
      assert.equal(controller.getSnapshot().compiling, true);
      (await host.waitForCall('startTrace', 1)).reply(startReply('s1'));
      await done;
      assert.equal(controller.getSnapshot().compiling, false);
    });

    it('closes the session it showed before starting the next one', async () => {
      const { host, controller } = await started();
      await controller.start();
      assert.deepEqual(host.callsOf('closeTrace').map((c) => c.params), [{ sessionId: 's1' }]);
      assert.equal(controller.getSnapshot().sessionId, 's2');
    });

    it('keeps the last listing, and drops the session, while the source has a syntax error', async () => {
      const { host, controller } = await started();
      host.respond('startTrace', () => startReply(null, syntaxErrorOutcome));
      await controller.start();
      const v = controller.getSnapshot();
      assert.equal(v.outcome, syntaxErrorOutcome);
      assert.deepEqual(v.lastCodes, compiledOutcome.codes);
      assert.equal(v.sessionId, null);
      assert.equal(v.step, null);
      assert.equal(v.problem, null);
    });

    it('reports a source that compiled but could not be run step by step', async () => {
      const host = new FakeHostClient();
      host.respond('startTrace', () => startReply(null, compiledOutcome, 'the engine worker failed to start'));
      const controller = new TraceController(host.client, SOURCE);
      await controller.start();
      const v = controller.getSnapshot();
      assert.equal(v.outcome, compiledOutcome);
      assert.equal(v.sessionId, null);
      assert.deepEqual(v.problem, {
        kind: 'internal',
        message: 'This program cannot be run step by step: the engine worker failed to start',
      });
    });

    it('surfaces a failed request as a problem in the view, not as a rejection', async () => {
      const host = new FakeHostClient();
      host.respond('startTrace', () => err('timeout', 'the engine did not answer'));
      const controller = new TraceController(host.client, SOURCE);
      await controller.start();
      const v = controller.getSnapshot();
      assert.deepEqual(v.problem, { kind: 'timeout', message: 'the engine did not answer' });
      assert.equal(v.compiling, false);
      assert.equal(v.sessionId, null);
      assert.equal(v.connection, 'ready');
    });

    it('shows the newest start when an older one answers last, and closes the session the older one opened', async () => {
      const host = new FakeHostClient();
      const controller = new TraceController(host.client, 'a = 1\n');
      const first = controller.start();
      controller.setSource('a = 2\n', 1); // typing while the first compile is in flight
      const older = await host.waitForCall('startTrace', 1);
      const newer = await host.waitForCall('startTrace', 2);
      assert.equal(older.params.source, 'a = 1\n');
      assert.equal(newer.params.source, 'a = 2\n');
      newer.reply(startReply('new'));
      await settle();
      older.reply(startReply('old'));
      await first;
      const v = controller.getSnapshot();
      assert.equal(v.sessionId, 'new');
      assert.equal(v.tracedSource, 'a = 2\n');
      assert.equal(v.compiling, false);
      assert.deepEqual(host.callsOf('closeTrace').map((c) => c.params), [{ sessionId: 'old' }]);
    });

    it('ignores an older start that answers first, staying in the compiling state for the newer', async () => {
      const host = new FakeHostClient();
      const controller = new TraceController(host.client, SOURCE);
      const first = controller.start();
      const second = controller.start();
      (await host.waitForCall('startTrace', 1)).reply(startReply('old'));
      await first;
      assert.equal(controller.getSnapshot().sessionId, null);
      assert.equal(controller.getSnapshot().compiling, true);
      (await host.waitForCall('startTrace', 2)).reply(startReply('new'));
      await second;
      assert.equal(controller.getSnapshot().sessionId, 'new');
      assert.deepEqual(host.callsOf('closeTrace').map((c) => c.params), [{ sessionId: 'old' }]);
    });
  });

  describe('setSource', () => {
    it('restarts once, with the latest text, when typing pauses', async () => {
      const { host, controller } = await started();
      controller.setSource('x = 2\n', 5);
      controller.setSource('x = 23\n', 5);
      assert.equal(controller.getSnapshot().source, 'x = 23\n');
      assert.equal(controller.current, false);
      const restart = await host.waitForCall('startTrace', 2);
      assert.equal(restart.params.source, 'x = 23\n');
      await sleep(20);
      assert.equal(host.callsOf('startTrace').length, 2);
      assert.equal(controller.current, true);
    });

    it('does nothing when the text is unchanged', async () => {
      const { host, controller } = await started();
      const before = controller.getSnapshot();
      controller.setSource(SOURCE, 0);
      await sleep(5);
      assert.equal(controller.getSnapshot(), before);
      assert.equal(host.callsOf('startTrace').length, 1);
    });

    it('stops playback when the text changes', async () => {
      const { host, controller } = await started(100);
      host.respond('step', null); // hold the first step so playback stays on
      controller.speed = 'fast';
      void controller.play();
      const first = await host.waitForCall('step', 1);
      assert.equal(controller.getSnapshot().playing, true);
      controller.setSource('y = 1\n', 1);
      assert.equal(controller.getSnapshot().playing, false);
      first.reply(ok(traceStep({ step: 1 })));
      await settle();
      assert.equal(host.callsOf('step').length, 1);
      await host.waitForCall('startTrace', 2);
    });

    it('does not compile again when typing pauses after a reset already compiled the new text', async () => {
      const { host, controller } = await started();
      controller.setSource('x = 2\n', 10);
      await controller.reset();
      await controller.forward();
      await sleep(40);
      assert.deepEqual(host.callsOf('startTrace').map((c) => c.params.source), [SOURCE, 'x = 2\n']);
      assert.equal(controller.getSnapshot().step?.state.step, 1);
    });
  });

  describe('moves', () => {
    it('steps forward and remembers the step it came from', async () => {
      const { host, controller } = await started();
      await controller.forward();
      await controller.forward();
      const v = controller.getSnapshot();
      assert.deepEqual(host.callsOf('step').map((c) => c.params), [
        { sessionId: 's1', action: 'forward' },
        { sessionId: 's1', action: 'forward' },
      ]);
      assert.equal(v.step?.state.step, 2);
      assert.equal(v.previousStep, 1);
    });

    it('does not ask for a step past the end', async () => {
      const { host, controller } = await started(1);
      await controller.forward();
      assert.equal(controller.getSnapshot().step?.ended, true);
      await controller.forward();
      assert.deepEqual(stepsSent(host), ['forward']);
    });

    it('does not move a session whose source has been edited since it started', async () => {
      const { host, controller } = await started();
      controller.setSource('x = 2\n', 1);
      await controller.forward();
      await controller.back();
      assert.deepEqual(stepsSent(host), []);
      await host.waitForCall('startTrace', 2);
    });

    it('steps back, pausing playback first', async () => {
      const { host, controller } = await started();
      await controller.forward();
      await controller.forward();
      await controller.back();
      assert.deepEqual(stepsSent(host), ['forward', 'forward', 'back']);
      assert.equal(controller.getSnapshot().step?.state.step, 1);
      assert.equal(controller.getSnapshot().previousStep, 2);
    });

    it('resets the session to step 0', async () => {
      const { host, controller } = await started();
      await controller.forward();
      await controller.reset();
      assert.deepEqual(stepsSent(host), ['forward', 'reset']);
      assert.equal(controller.getSnapshot().step?.state.step, 0);
    });

    it('compiles afresh on reset when the source changed since the session started', async () => {
      const { host, controller } = await started();
      controller.setSource('x = 2\n', 1);
      await controller.reset();
      assert.deepEqual(stepsSent(host), []);
      assert.deepEqual(host.callsOf('startTrace').map((c) => c.params.source), [SOURCE, 'x = 2\n']);
      assert.equal(controller.getSnapshot().sessionId, 's2');
      assert.equal(controller.current, true);
    });

    it('runs to the end in one request, marked running until it answers', async () => {
      const { host, controller } = await started(7);
      host.respond('step', null);
      const done = controller.runToEnd();
      assert.equal(controller.getSnapshot().running, true);
      const run = await host.waitForCall('step', 1);
      assert.equal(run.params.action, 'run');
      run.reply(ok(endedStep(7)));
      await done;
      const v = controller.getSnapshot();
      assert.equal(v.running, false);
      assert.equal(v.step?.ended, true);
      assert.equal(v.step?.totalSteps, 7);
    });

    it('does not run a program that has already ended', async () => {
      const { host, controller } = await started(1);
      await controller.runToEnd();
      await controller.runToEnd();
      assert.deepEqual(stepsSent(host), ['run']);
    });

    it('asks the host to stop a run in progress when paused', async () => {
      const { host, controller } = await started(7);
      host.respond('step', null);
      const done = controller.runToEnd();
      controller.pause();
      assert.deepEqual(host.callsOf('stopTrace').map((c) => c.params), [{ sessionId: 's1' }]);
      (await host.waitForCall('step', 1)).reply(ok({ ...traceStep({ step: 3 }), interrupted: true }));
      await done;
      assert.equal(controller.getSnapshot().running, false);
      assert.equal(controller.getSnapshot().step?.state.step, 3);
    });

    it('surfaces a failed step as a problem, keeps the step shown and stops playing', async () => {
      const { host, controller } = await started();
      await controller.forward();
      host.respond('step', () => err('not-found', 'no trace session s1'));
      controller.speed = 'fast';
      await controller.play();
      const v = controller.getSnapshot();
      assert.deepEqual(v.problem, { kind: 'not-found', message: 'no trace session s1' });
      assert.equal(v.step?.state.step, 1);
      assert.equal(v.playing, false);
    });

    it('clears the problem once a step succeeds again', async () => {
      const { host, controller } = await started();
      host.respond('step', () => err('timeout', 'slow'));
      await controller.forward();
      assert.equal(controller.getSnapshot().problem?.kind, 'timeout');
      scriptSteps(host, 5);
      await controller.forward();
      assert.equal(controller.getSnapshot().problem, null);
    });

    it('sends overlapping moves one at a time, in the order they were asked for', async () => {
      const { host, controller } = await started();
      host.respond('step', null);
      const moves = [controller.forward(), controller.forward(), controller.back()];
      await settle();
      assert.deepEqual(stepsSent(host), ['forward']);
      (await host.waitForCall('step', 1)).reply(ok(traceStep({ step: 1 })));
      (await host.waitForCall('step', 2)).reply(ok(traceStep({ step: 2 })));
      const third = await host.waitForCall('step', 3);
      assert.equal(third.params.action, 'back');
      third.reply(ok(traceStep({ step: 1 })));
      await Promise.all(moves);
      assert.equal(controller.getSnapshot().step?.state.step, 1);
      assert.equal(controller.getSnapshot().previousStep, 2);
    });

    it('drops queued forward moves once the program has ended', async () => {
      const { host, controller } = await started(2);
      await Promise.all([controller.forward(), controller.forward(), controller.forward(), controller.forward()]);
      assert.deepEqual(stepsSent(host), ['forward', 'forward']);
      assert.equal(controller.getSnapshot().step?.ended, true);
    });

    it('keeps moving after a move whose request failed', async () => {
      const { host, controller } = await started();
      host.respond('step', null);
      const first = controller.forward();
      const second = controller.forward();
      (await host.waitForCall('step', 1)).reply(err('internal', 'boom'));
      (await host.waitForCall('step', 2)).reply(ok(traceStep({ step: 1 })));
      await Promise.all([first, second]);
      assert.equal(controller.getSnapshot().step?.state.step, 1);
      assert.equal(controller.getSnapshot().problem, null);
    });

    it('drops the answer to a step of a session that was replaced meanwhile', async () => {
      const { host, controller } = await started();
      host.respond('step', null);
      const move = controller.forward();
      await controller.start();
      (await host.waitForCall('step', 1)).reply(ok(traceStep({ step: 1 })));
      await move;
      const v = controller.getSnapshot();
      assert.equal(v.sessionId, 's2');
      assert.equal(v.step?.state.step, 0);
    });
  });

  describe('play', () => {
    it('steps forward until the program ends, then stops playing', async () => {
      const { host, controller } = await started(2);
      controller.speed = 'fast';
      const playing = controller.play();
      assert.equal(controller.getSnapshot().playing, true);
      await playing;
      assert.deepEqual(stepsSent(host), ['forward', 'forward']);
      assert.equal(controller.getSnapshot().playing, false);
      assert.equal(controller.getSnapshot().step?.ended, true);
    });

    it('toggles between playing and paused', async () => {
      const { host, controller } = await started(100);
      host.respond('step', null);
      controller.togglePlay();
      assert.equal(controller.getSnapshot().playing, true);
      controller.togglePlay();
      assert.equal(controller.getSnapshot().playing, false);
      (await host.waitForCall('step', 1)).reply(ok(traceStep({ step: 1 })));
      await sleep(PLAY_DELAYS.normal / 4);
      assert.deepEqual(stepsSent(host), ['forward']);
    });

    it('runs a single playback loop when paused and played again between two steps', async () => {
      const { host, controller } = await started(100);
      controller.speed = 'fast';
      host.respond('step', null);
      void controller.play();
      (await host.waitForCall('step', 1)).reply(ok(traceStep({ step: 1 })));
      await settle(); // the first loop now waits before its next step
      controller.pause();
      void controller.play();
      (await host.waitForCall('step', 2)).reply(ok(traceStep({ step: 2 })));
      // Long enough for both the first loop's wait and the second's to end.
      await sleep(PLAY_DELAYS.fast * 2);
      (await host.waitForCall('step', 3)).reply(ok(traceStep({ step: 3 })));
      await settle();
      // One loop waits a full delay before its next step; a second loop would already have sent it.
      assert.equal(host.callsOf('step').length, 3);
      controller.pause();
      for (const c of host.callsOf('step')) if (!c.answered) c.reply(ok(traceStep({ step: 4 })));
    });

    it('does not play without a session or once the program has ended', async () => {
      const idle = new TraceController(new FakeHostClient().client, SOURCE);
      await idle.play();
      assert.equal(idle.getSnapshot().playing, false);
      const { host, controller } = await started(1);
      await controller.forward();
      await controller.play();
      assert.deepEqual(stepsSent(host), ['forward']);
    });
  });

  describe('events', () => {
    it('forgets a session the host lost and says how to start again', async () => {
      const { host, controller } = await started();
      host.emit('sessionLost', { sessionId: 's1', reason: 'worker exited' });
      const v = controller.getSnapshot();
      assert.equal(v.sessionId, null);
      assert.deepEqual(v.problem, { kind: 'stopped', message: 'The run was stopped. Press Reset to start it again.' });
      await controller.reset();
      assert.equal(controller.getSnapshot().sessionId, 's2');
    });

    it('ignores the loss of a session it no longer shows', async () => {
      const { host, controller } = await started();
      await controller.start();
      const before = controller.getSnapshot();
      host.emit('sessionLost', { sessionId: 's1', reason: 'closed' });
      assert.equal(controller.getSnapshot(), before);
    });

    it('marks the connection lost, with the reason as the problem, and stops playing', async () => {
      const { host, controller } = await started(100);
      host.respond('step', null);
      void controller.play();
      host.emitClient('connectionLost', { reason: 'the server closed the connection' });
      const v = controller.getSnapshot();
      assert.equal(v.connection, 'lost');
      assert.equal(v.playing, false);
      assert.deepEqual(v.problem, { kind: 'internal', message: 'the server closed the connection' });
      host.respond('startTrace', () => err('internal', 'not connected'));
      await controller.start();
      assert.equal(controller.getSnapshot().connection, 'lost');
      (await host.waitForCall('step', 1)).reply(err('internal', 'not connected'));
    });
  });

  describe('subscribe', () => {
    it('notifies each change with a new snapshot until unsubscribed', async () => {
      const { controller } = await started();
      const seen: number[] = [];
      const unsubscribe = controller.subscribe(() => seen.push(controller.getSnapshot().step?.state.step ?? -1));
      const before = controller.getSnapshot();
      await controller.forward();
      assert.notEqual(controller.getSnapshot(), before);
      assert.equal(before.step?.state.step, 0);
      unsubscribe();
      await controller.forward();
      assert.deepEqual(seen, [1]);
    });
  });
});

describe('isPlaySpeed', () => {
  it('accepts exactly the speeds that have a delay', () => {
    for (const s of Object.keys(PLAY_DELAYS)) assert.equal(isPlaySpeed(s), true, s);
    assert.equal(isPlaySpeed('warp'), false);
    assert.equal(isPlaySpeed('toString'), false);
  });
});
