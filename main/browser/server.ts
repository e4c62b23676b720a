/**
 * Browser mode: the host served to a local browser. An HTTP server on 127.0.0.1 only serves the
 * built renderer and upgrades `/api` to a WebSocket that carries the typed API. Everything is
 * behind the per-launch token: the page needs `?token=` (which also sets a port-scoped, HttpOnly,
 * SameSite=Strict cookie for the page's assets) and the socket needs it again in its URL, along
 * with the page's own Origin. A wrong Host header (DNS rebinding) is refused before anything else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ServerEnvelope } from '../common/wire.js';
import { decodeRequest } from '../common/wire.js';
import { LIMITS } from '../common/schema.js';
import type { Host } from '../host/host.js';
import { readRendererFile, withStyleNonce } from '../host/renderer-files.js';
import { cookieName, hostAllowed, newNonce, newToken, originAllowed, readCookie, securityHeaders, tokenMatches } from './security.js';

export interface BrowserServerOptions {
  host: Host;
  /** The built renderer folder (build/renderer). */
  rendererDir: string;
  /** A fixed port; 0 or absent picks a free one. */
  port?: number;
  /** A fixed token (tests); absent makes a fresh random one. */
  token?: string;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The page's address with its token: what the user opens. */
  url: string;
  close(): Promise<void>;
}

/** Frames above this are refused by `ws` itself (the connection closes); smaller oversized ones get a typed reply. */
const MAX_FRAME_BYTES = 4 * LIMITS.messageBytes;

function refuse(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404, text: string): void {
  const reason = status === 400 ? 'Bad Request' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length + 1}\r\n\r\n${text}\n`);
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? newToken();
  let port = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host;
    if (!hostAllowed(hostHeader, port)) return refuse(res, 403, 'Forbidden: this server answers only to 127.0.0.1 and localhost.');
    const headers = securityHeaders(hostHeader ?? '');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const queryToken = url.searchParams.get('token');
    const cookieToken = readCookie(req.headers.cookie, cookieName(port));
    const byQuery = tokenMatches(queryToken, token);
    if (!byQuery && !tokenMatches(cookieToken, token)) {
      return refuse(res, 403, 'Forbidden: open the address Bytescope printed when it started (it carries the token).', headers);
    }
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found', headers);
    let body = file.body;
    let pageHeaders = headers;
    if (file.type.startsWith('text/html')) {
      const nonce = newNonce();
      body = Buffer.from(withStyleNonce(body.toString('utf8'), nonce));
      pageHeaders = securityHeaders(hostHeader ?? '', nonce);
    }
    const out: Record<string, string> = {
      ...pageHeaders,
      'Content-Type': file.type,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    };
    if (byQuery) out['Set-Cookie'] = `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, out);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const hostHeader = req.headers.host;
    if (!hostAllowed(hostHeader, port)) return refuseUpgrade(socket, 403, 'unexpected Host header');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname !== '/api') return refuseUpgrade(socket, 404, 'no such endpoint');
    if (!originAllowed(req.headers.origin, hostHeader, port)) return refuseUpgrade(socket, 403, 'foreign Origin');
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 403, 'missing or wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const send = (envelope: ServerEnvelope): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(envelope));
    };
    const connection = options.host.connect((event, payload) => {
      // EventSink pairs each event with its payload type; the envelope union says the same.
      send({ kind: 'event', event, payload } as ServerEnvelope);
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      if (isBinary) {
        send({ kind: 'response', id: null, result: { ok: false, error: { kind: 'invalid-request', message: 'binary messages are not accepted' } } });
        return;
      }
      const decoded = decodeRequest(bytes.length > LIMITS.messageBytes ? bytes.subarray(0, 64).toString('utf8') : bytes.toString('utf8'), bytes.length);
      if (decoded.error) {
        send({ kind: 'response', id: decoded.id, result: { ok: false, error: decoded.error } });
        return;
      }
      const { id } = decoded;
      void connection.request(decoded.method, decoded.params, bytes.length).then((result) => send({ kind: 'response', id, result }));
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => void connection.close());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port; // a TCP server bound just above has an AddressInfo
  const url = `http://127.0.0.1:${port}/?token=${token}`;

  return {
    port,
    token,
    url,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
