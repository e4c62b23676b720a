/**
 * The host: the one implementation of the API that both shells (Electron IPC, browser-mode
 * WebSocket) delegate to. A shell connects a client with `connect()` and passes every message it
 * receives, untrusted, to `request()`; the host validates it, runs it, and always answers with a
 * `Result`. Compiling and tracing happen in engine workers, so a program that never ends blocks
 * only its own worker, which `stopTrace` stops (or terminates) within 100 ms.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type {
  CompileOutcome,
  EventName,
  HostEvents,
  RequestMethod,
  RequestParams,
  RequestResult,
  TraceStep,
} from '../common/api.js';
import { err, ok, type HostError, type Result } from '../common/result.js';
import { validateRequest } from '../common/schema.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { appVersion, PYTHON_VERSION } from './app-info.js';
import { CORE_ENGINE_MODULE } from './engine.js';
import type { Engine } from './engine.js';
import { ensurePycacheDir, listFolder, pycachePath, readInside, removePyc, resolveInside } from './folders.js';
import { EngineThread, type EngineThreadOptions } from './worker/engine-thread.js';

export interface HostLimits {
  /** Trace sessions one client may hold; starting another closes its oldest. */
  maxSessionsPerClient: number;
  runMillis: number;
  maxSteps: number;
  stopGraceMs: number;
  requestTimeoutMs: number;
  bootTimeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  maxSessionsPerClient: 4,
  runMillis: 10_000,
  maxSteps: 5_000_000,
  stopGraceMs: 60,
  requestTimeoutMs: 5_000,
  bootTimeoutMs: 30_000,
  maxHeapMb: 1024,
};

export interface HostOptions {
  shell: 'electron' | 'browser';
  /** The engine module the workers load; core's unless a test says otherwise. */
  engineModule?: string;
  /** Asks the user for a folder (Electron's dialog); without it, `openFolder` needs a path. */
  chooseFolder?: () => Promise<string | null>;
  limits?: Partial<HostLimits>;
}

/** Sends an event to one client. */
export type EventSink = <E extends EventName>(event: E, payload: HostEvents[E]) => void;

/** One connected client (a window or a WebSocket): its sessions and folders end with it. */
export interface HostConnection {
  /** Handles one untrusted request; `size` is the message's byte length when the transport knows it. */
  request(method: unknown, params: unknown, size?: number): Promise<Result<unknown, HostError>>;
  /** Ends the client's sessions and forgets its folders. */
  close(): Promise<void>;
}

type Handlers = { [M in RequestMethod]: (params: RequestParams<M>) => Promise<Result<RequestResult<M>, HostError>> };

const newId = (): string => randomBytes(12).toString('base64url');

export class Host {
  readonly limits: HostLimits;
  private compiler: EngineThread | null = null;
  /** A worker started ahead of need, with core already imported, for the next trace session. */
  private spare: EngineThread | null = null;
  private disposed = false;
  private readonly connections = new Set<Connection>();

  constructor(readonly options: HostOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  connect(emit: EventSink): HostConnection {
    const connection = new Connection(this, emit);
    this.connections.add(connection);
    // A client that connects is about to start a trace: have a worker warm for it.
    if (!this.spare) this.spare = this.spawnThread();
    return connection;
  }

  /** Closes every client and worker. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.connections].map((c) => c.close()));
    await Promise.all([this.compiler?.terminate(), this.spare?.terminate()]);
    this.compiler = null;
    this.spare = null;
  }

  /**
   * @internal A worker for a new trace session: the warm spare when there is one (importing core
   * takes a worker about half a second), and a new spare is started for the session after it.
   */
  takeThread(): EngineThread {
    const ready = this.spare?.alive ? this.spare : null;
    if (this.spare && !ready) void this.spare.terminate();
    this.spare = this.disposed ? null : this.spawnThread();
    return ready ?? this.spawnThread();
  }

  /** @internal A fresh engine worker. */
  spawnThread(): EngineThread {
    const options: EngineThreadOptions = {
      engineModule: this.options.engineModule ?? CORE_ENGINE_MODULE,
      runMillis: this.limits.runMillis,
      maxSteps: this.limits.maxSteps,
      stopGraceMs: this.limits.stopGraceMs,
      requestTimeoutMs: this.limits.requestTimeoutMs,
      bootTimeoutMs: this.limits.bootTimeoutMs,
      maxHeapMb: this.limits.maxHeapMb,
    };
    return new EngineThread(options);
  }

  /** @internal The shared worker for compile and .pyc requests, restarted if it died. */
  compileThread(): EngineThread {
    if (!this.compiler || !this.compiler.alive) this.compiler = this.spawnThread();
    return this.compiler;
  }

  /** @internal */
  forget(connection: Connection): void {
    this.connections.delete(connection);
  }
}

class Connection implements HostConnection {
  private readonly sessions = new Map<string, EngineThread>();
  private readonly folders = new Map<string, string>();
  private closed = false;
  private readonly handlers: Handlers;

  constructor(
    private readonly host: Host,
    private readonly emit: EventSink,
  ) {
    this.handlers = {
      hostInfo: async () => ok({ shell: host.options.shell, appVersion: appVersion(), pythonVersion: PYTHON_VERSION }),
      compile: (p) => host.compileThread().request<CompileOutcome>({ op: 'compile', source: p.source, filename: p.filename }),
      startTrace: (p) => this.startTrace(p),
      step: (p) => this.step(p),
      stopTrace: (p) => this.stopTrace(p.sessionId),
      closeTrace: async (p) => ok({ closed: await this.closeSession(p.sessionId) }),
      openFolder: (p) => this.openFolder(p.path),
      readFile: async (p) => {
        const root = this.folders.get(p.folderId);
        return root === undefined ? err('not-found', 'no open folder has that id') : readInside(root, p.path);
      },
      saveFile: (p) => this.saveFile(p),
    };
  }

  async request(method: unknown, params: unknown, size = 0): Promise<Result<unknown, HostError>> {
    if (this.closed) return err('not-found', 'this connection is closed');
    const valid = validateRequest(method, params, size);
    if (!valid.ok) return valid;
    try {
      return await this.dispatch(valid.value);
    } catch (e) {
      return err('internal', `${valid.value.method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private dispatch<M extends RequestMethod>(req: { method: M; params: RequestParams<M> }): Promise<Result<RequestResult<M>, HostError>> {
    const handler: Handlers[M] = this.handlers[req.method];
    return handler(req.params);
  }

  async close(): Promise<void> {
    this.closed = true;
    const ids = [...this.sessions.keys()];
    await Promise.all(ids.map((id) => this.closeSession(id)));
    this.folders.clear();
    this.host.forget(this);
  }

  private async startTrace(p: RequestParams<'startTrace'>): Promise<Result<RequestResult<'startTrace'>, HostError>> {
    const thread = this.host.takeThread();
    const started = await thread.request<{ outcome: CompileOutcome; step: TraceStep | null; traceError: string | null }>({
      op: 'start',
      source: p.source,
      filename: p.filename,
      ...(p.stdin !== undefined ? { stdin: p.stdin } : {}),
    });
    if (!started.ok || started.value.step === null || this.closed) {
      await thread.terminate();
      if (!started.ok) return started;
      return ok({ outcome: started.value.outcome, session: null, traceError: started.value.traceError });
    }
    while (this.sessions.size >= this.host.limits.maxSessionsPerClient) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      await this.closeSession(oldest);
    }
    const sessionId = newId();
    this.sessions.set(sessionId, thread);
    thread.onExit((reason) => {
      // Only a death nobody asked for is news: closeSession removes the entry first.
      if (this.sessions.get(sessionId) === thread) {
        this.sessions.delete(sessionId);
        this.emit('sessionLost', { sessionId, reason: reason.message });
      }
    });
    return ok({ outcome: started.value.outcome, session: { sessionId, step: started.value.step }, traceError: null });
  }

  private async step(p: RequestParams<'step'>): Promise<Result<TraceStep, HostError>> {
    const thread = this.sessions.get(p.sessionId);
    if (!thread) return err('not-found', 'no trace session has that id (it may have ended)');
    if (p.action === 'goTo' && p.to === undefined) return err('invalid-request', "params.to is required for 'goTo'");
    return thread.request<TraceStep>({ op: 'step', action: p.action, ...(p.to !== undefined ? { to: p.to } : {}) });
  }

  private async stopTrace(sessionId: string): Promise<Result<{ sessionKept: boolean }, HostError>> {
    const thread = this.sessions.get(sessionId);
    if (!thread) return err('not-found', 'no trace session has that id (it may have ended)');
    const kept = await thread.interrupt();
    return ok({ sessionKept: kept });
  }

  private async closeSession(sessionId: string): Promise<boolean> {
    const thread = this.sessions.get(sessionId);
    if (!thread) return false;
    this.sessions.delete(sessionId);
    await thread.terminate();
    return true;
  }

  private async openFolder(path: string | undefined): Promise<Result<RequestResult<'openFolder'>, HostError>> {
    let chosen = path;
    if (chosen === undefined) {
      if (!this.host.options.chooseFolder) return err('invalid-request', 'params.path is required in this shell');
      const picked = await this.host.options.chooseFolder();
      if (picked === null) return ok(null);
      chosen = picked;
    }
    const listed = listFolder(chosen);
    if (!listed.ok) return listed;
    const folderId = newId();
    this.folders.set(folderId, listed.value.root);
    return ok({ folderId, root: listed.value.root, entries: listed.value.entries });
  }

  private async saveFile(p: RequestParams<'saveFile'>): Promise<Result<RequestResult<'saveFile'>, HostError>> {
    const root = this.folders.get(p.folderId);
    if (root === undefined) return err('not-found', 'no open folder has that id');
    const target = resolveInside(root, p.path);
    if (!target.ok) return target;
    const file = target.value;
    let source: Uint8Array;
    let mtime: number;
    try {
      writeFileAtomic(file, p.text);
      source = readFileSync(file);
      mtime = Math.floor(statSync(file).mtimeMs / 1000);
    } catch (e) {
      return err('io', `cannot save ${p.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!file.endsWith('.py')) return ok({ pycache: { kind: 'failed', message: 'only .py files are cached' } });
    const built = await this.host.compileThread().request<ReturnType<Engine['compilePyc']>>({
      op: 'pyc',
      source,
      filename: file,
      mtime,
      sourceSize: source.length,
    });
    if (!built.ok) return ok({ pycache: { kind: 'failed', message: built.error.message } });
    try {
      if (built.value.kind !== 'pyc') {
        removePyc(file);
        return ok({ pycache: built.value });
      }
      ensurePycacheDir(file);
      writeFileAtomic(pycachePath(file), built.value.bytes);
      return ok({ pycache: { kind: 'written', pycPath: pycachePath(file) } });
    } catch (e) {
      return ok({ pycache: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } });
    }
  }
}
