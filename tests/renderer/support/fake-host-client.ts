/**
 * A HostClient for controller tests: it records every request and answers it either at once,
 * through a responder the test installs, or later, when the test calls `reply` on the recorded
 * request. Held replies let a test decide the order in which overlapping requests come back.
 * Events (the host's and the client's own) are raised by hand with `emit` and `emitClient`.
 */
import {
  REQUEST_METHODS,
  type EventName,
  type HostEvents,
  type RequestMethod,
  type RequestParams,
  type RequestResult,
} from '../../../main/common/api.js';
import type { HostError, Result } from '../../../main/common/result.js';
import type { ClientEvents, HostClient } from '../../../renderer/bridge/host-client.js';

export type Reply<M extends RequestMethod> = Result<RequestResult<M>, HostError>;
export type Responder<M extends RequestMethod> = (params: RequestParams<M>) => Reply<M>;

/** One request the client was asked to send. */
export interface RecordedCall<M extends RequestMethod = RequestMethod> {
  method: M;
  params: RequestParams<M>;
  answered: boolean;
  /** Answers the request (once). */
  reply(r: Reply<M>): void;
}

export class FakeHostClient {
  readonly client: HostClient;
  readonly calls: RecordedCall[] = [];
  private readonly responders = new Map<RequestMethod, (params: never) => unknown>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly waiters: { method: RequestMethod; count: number; resolve(): void }[] = [];

  constructor() {
    const api: Record<string, unknown> = {};
    for (const method of REQUEST_METHODS) api[method] = (params: never) => this.request(method, params);
    api.on = (event: string, listener: (payload: unknown) => void) => this.listen(event, listener);
    api.onClient = (event: string, listener: (payload: unknown) => void) => this.listen(event, listener);
    // Every request method, `on` and `onClient` were installed just above.
    this.client = api as HostClient;
  }

  /** Answers every later `method` request at once with `responder(params)`; null holds them again. */
  respond<M extends RequestMethod>(method: M, responder: Responder<M> | null): void {
    if (responder) this.responders.set(method, responder);
    else this.responders.delete(method);
  }

  /** The requests of one method, oldest first. */
  callsOf<M extends RequestMethod>(method: M): RecordedCall<M>[] {
    // Filtered on `method`, so each entry was recorded by request<M>.
    return this.calls.filter((c) => c.method === method) as RecordedCall<M>[];
  }

  /** The `n`th request of `method` (1-based), once it has been sent. */
  async waitForCall<M extends RequestMethod>(method: M, n: number): Promise<RecordedCall<M>> {
    if (this.callsOf(method).length < n) {
      await new Promise<void>((resolve) => this.waiters.push({ method, count: n, resolve }));
    }
    const call = this.callsOf(method)[n - 1];
    if (!call) throw new Error(`no request ${method} #${n}`);
    return call;
  }

  /** Pushes a host event to the client's listeners. */
  emit<E extends EventName>(event: E, payload: HostEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }

  /** Raises one of the client's own events (a transport failure). */
  emitClient<E extends keyof ClientEvents>(event: E, payload: ClientEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }

  private request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<Reply<M>> {
    return new Promise((resolve) => {
      const call: RecordedCall<M> = {
        method,
        params,
        answered: false,
        reply(r) {
          if (call.answered) throw new Error(`${method} was answered twice`);
          call.answered = true;
          resolve(r);
        },
      };
      this.calls.push(call);
      // respond<M> stores each responder under its own method's key.
      const responder = this.responders.get(method) as Responder<M> | undefined;
      if (responder) call.reply(responder(params));
      for (const w of [...this.waiters]) {
        if (w.method === method && this.callsOf(method).length >= w.count) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  }

  private listen(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }
}

/** Lets every pending promise continuation run (replies travel through a few `await`s). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits `ms` milliseconds of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
