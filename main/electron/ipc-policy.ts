/**
 * The rules of the Electron IPC boundary, kept free of runtime `electron` imports so they are
 * tested in plain Node. One channel per request (`bytescope:<method>`), one for events
 * (`bytescope:event`). A message is handled only if its channel is on the list, its sender is the
 * app's own main frame (loaded from `bytescope://app/`), and it carries exactly one argument; the
 * argument then goes through the same validation as browser mode's. Modelled on VS Code's
 * validatedIpcMain.
 */
import { CHANNEL_PREFIX, REQUEST_METHODS, type RequestMethod } from '../common/api.js';
import type { HostConnection } from '../host/host.js';
import { err, type HostError, type Result } from '../common/result.js';

/** The scheme and host the renderer is served from in Electron. */
export const APP_SCHEME = 'bytescope';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The channel events travel on, main to renderer. */
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;

export function channelFor(method: RequestMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/** Every request channel, in REQUEST_METHODS order. */
export const REQUEST_CHANNELS: readonly string[] = REQUEST_METHODS.map(channelFor);

/** The request a channel names, or null for any channel not on the list. */
export function methodForChannel(channel: string): RequestMethod | null {
  if (!channel.startsWith(CHANNEL_PREFIX)) return null;
  const name = channel.slice(CHANNEL_PREFIX.length);
  return (REQUEST_METHODS as readonly string[]).includes(name) ? (name as RequestMethod) : null; // on the list, checked
}

/** What the policy needs to know about who sent a message. */
export interface SenderInfo {
  /** URL of the frame that sent it; null when the frame is gone. */
  frameUrl: string | null;
  /** True when that frame is its window's main frame (not an iframe). */
  isMainFrame: boolean;
}

/** True when the sender is the app's own page in a main frame. */
export function senderAllowed(sender: SenderInfo): boolean {
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  try {
    const url = new URL(sender.frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

/** The byte size of an IPC argument, as its JSON form; a value JSON cannot hold counts as invalid. */
export function argumentSize(value: unknown): number | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : Buffer.byteLength(text);
  } catch {
    return null;
  }
}

/**
 * Handles one `invoke`: checks channel, sender and arity, then hands the single argument to the
 * client's host connection. Always resolves with a `Result`, since `invoke` would flatten a thrown
 * error into a string.
 */
export async function handleInvoke(
  channel: string,
  sender: SenderInfo,
  args: readonly unknown[],
  connection: HostConnection,
): Promise<Result<unknown, HostError>> {
  const method = methodForChannel(channel);
  if (method === null) return err('unknown-method', `channel ${channel.slice(0, 80)} is not part of the API`);
  if (!senderAllowed(sender)) return err('forbidden', 'requests are accepted only from the app window');
  if (args.length > 1) return err('invalid-request', `${method} takes one argument, not ${args.length}`);
  const size = argumentSize(args[0]);
  if (size === null) return err('invalid-request', 'the argument cannot be represented as JSON');
  return connection.request(method, args[0], size);
}
