/** Hosts for tests: one wired to the fake engine (host behaviour alone) or to the real core. */
import { Host, type HostConnection, type HostLimits } from '../../../main/host/host.js';
import type { EventName, HostEvents } from '../../../main/common/api.js';

export const FAKE_ENGINE = new URL('./fake-engine.js', import.meta.url).href;

export interface TestClient {
  host: Host;
  connection: HostConnection;
  events: { event: EventName; payload: HostEvents[EventName] }[];
}

/** A host with one connected client that records the events it receives. */
export function connectHost(engine: 'fake' | 'core', limits: Partial<HostLimits> = {}): TestClient {
  const host = new Host({ shell: 'browser', ...(engine === 'fake' ? { engineModule: FAKE_ENGINE } : {}), limits });
  const events: TestClient['events'] = [];
  const connection = host.connect((event, payload) => events.push({ event, payload }));
  return { host, connection, events };
}
