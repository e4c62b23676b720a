/**
 * The engine worker: a worker thread that owns one engine and at most one trace session, so that
 * compiling and running Python never blocks the host. Long moves (`run`, far `goTo`) advance in
 * chunks and check the stop flag between chunks; if a chunk itself never returns, the host
 * terminates the whole worker (engine-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InternalError } from '../../../core/source/errors.js';
import type { StepAction, TraceStep } from '../../common/api.js';
import { err, ok, type HostError, type Result } from '../../common/result.js';
import type { Engine, EngineModule, EngineSession } from '../engine.js';
import type { FromWorker, ToWorker, WorkerRequest, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup; // set by EngineThread, the only code that starts this worker
const stopFlag = new Int32Array(setup.stopFlag);

let session: EngineSession | null = null;

async function loadEngine(): Promise<Engine> {
  const module = (await import(setup.engineModule)) as Partial<EngineModule>; // an engine module by contract
  if (typeof module.createEngine !== 'function') throw new InternalError(`${setup.engineModule} has no createEngine()`);
  return module.createEngine();
}

function snapshot(s: EngineSession, interrupted: boolean): TraceStep {
  return { state: s.state(), ended: s.ended, totalSteps: s.totalSteps, interrupted };
}

/**
 * Moves forward to `target` in chunks: each chunk is one `goTo` (core's fast path), sized so that
 * it takes a few milliseconds, and the stop flag and the time budget are checked between chunks.
 */
function advance(s: EngineSession, target: number, stopGeneration: number): TraceStep {
  const deadline = performance.now() + setup.runMillis;
  let chunk = 64;
  while (!s.ended && s.step < target) {
    if (Atomics.load(stopFlag, 0) !== stopGeneration || performance.now() > deadline) return snapshot(s, true);
    const before = s.step;
    const started = performance.now();
    s.goTo(Math.min(target, s.step + chunk));
    if (s.step === before) break;
    const took = performance.now() - started;
    // Aim for chunks of a few milliseconds, so a stop is seen well within its grace period.
    if (took < 2 && chunk < 1 << 13) chunk *= 2;
    else if (took > 8 && chunk > 16) chunk >>= 1;
  }
  return snapshot(s, false);
}

function step(s: EngineSession, action: StepAction, to: number | undefined, stopGeneration: number): Result<TraceStep, HostError> {
  switch (action) {
    case 'forward':
      s.forward();
      return ok(snapshot(s, false));
    case 'back':
      s.back();
      return ok(snapshot(s, false));
    case 'reset':
      s.goTo(0);
      return ok(snapshot(s, false));
    case 'goTo':
      if (to === undefined) return err('invalid-request', "params.to is required for 'goTo'");
      if (to <= s.step) {
        s.goTo(to);
        return ok(snapshot(s, false));
      }
      return ok(advance(s, to, stopGeneration));
    case 'run':
      return ok(advance(s, Number.POSITIVE_INFINITY, stopGeneration));
  }
}

function handle(engine: Engine, req: WorkerRequest): Result<unknown, HostError> {
  switch (req.op) {
    case 'compile':
      return ok(engine.compile(req.source, req.filename));
    case 'start': {
      const options = {
        maxSteps: setup.maxSteps,
        argv: [req.filename],
        source: req.source,
        ...(req.stdin !== undefined ? { stdin: req.stdin } : {}),
      };
      session = null;
      try {
        const started = engine.startTrace(req.source, req.filename, options);
        session = started.session;
        return ok({ outcome: started.outcome, step: session ? snapshot(session, false) : null, traceError: null });
      } catch (e) {
        // The run could not start; the listing is still worth showing, so compile on its own.
        session = null;
        return ok({ outcome: engine.compile(req.source, req.filename), step: null, traceError: e instanceof Error ? e.message : String(e) });
      }
    }
    case 'step':
      if (!session) return err('not-found', 'this worker has no trace session');
      return step(session, req.action, req.to, req.stopGeneration);
    case 'pyc':
      return ok(engine.compilePyc(req.source, req.filename, { mtime: req.mtime, sourceSize: req.sourceSize }));
  }
}

const port = parentPort;
if (!port) throw new InternalError('engine-worker.js must run as a worker thread');
const engine = loadEngine();
engine.then(
  () => port.postMessage({ ready: ok(null) } satisfies FromWorker),
  (e: unknown) => port.postMessage({ ready: err('internal', `the engine did not load: ${e instanceof Error ? e.message : String(e)}`) } satisfies FromWorker),
);
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  queue = queue.then(async () => {
    let result: Result<unknown, HostError>;
    try {
      result = handle(await engine, msg);
    } catch (e) {
      result = err('internal', e instanceof Error ? e.message : String(e));
    }
    const reply: FromWorker = { id: msg.id, result };
    port.postMessage(reply);
  });
});
