/**
 * The Electron main process: a thin shell over the host. It serves the built renderer from the
 * app's own `bytescope://app/` scheme (never file:// and never the network), opens one locked-down
 * window, and relays the typed API over validated IPC to main/host. All logic worth testing lives
 * in ipc-policy.ts, window-policy.ts and main/host, which never import 'electron' at runtime.
 */
import { BrowserWindow, app, dialog, ipcMain, protocol, session, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { contentType, fileForUrlPath, withStyleNonce } from '../host/renderer-files.js';
import { RENDERER_DIR } from '../host/app-info.js';
import { Host, type HostConnection } from '../host/host.js';
import { REQUEST_CHANNELS, APP_SCHEME, EVENT_CHANNEL, handleInvoke } from './ipc-policy.js';
import { appCsp, START_URL, navigationAllowed, requestAllowed, webPreferences } from './window-policy.js';

const rendererDir = fileURLToPath(RENDERER_DIR);
const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

const host = new Host({
  shell: 'electron',
  chooseFolder: async () => {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = { properties: ['openDirectory'] };
    const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths[0];
  },
});

/** One host connection per window's web contents, closed with it. */
const connections = new Map<number, HostConnection>();

function connectionFor(contents: WebContents): HostConnection {
  let connection = connections.get(contents.id);
  if (!connection) {
    connection = host.connect((event, payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    });
    connections.set(contents.id, connection);
    contents.once('destroyed', () => {
      void connections.get(contents.id)?.close();
      connections.delete(contents.id);
    });
  }
  return connection;
}

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? fileForUrlPath(rendererDir, url.pathname) : null;
    let body: Buffer;
    try {
      // readFileSync is the fs call Electron's asar support covers most surely.
      if (file === null) throw new Error('no such file');
      body = readFileSync(file);
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    }
    const nonce = randomBytes(16).toString('base64');
    if (contentType(file).startsWith('text/html')) body = Buffer.from(withStyleNonce(body.toString('utf8'), nonce));
    const headers = {
      'Content-Type': contentType(file),
      'Content-Security-Policy': appCsp(nonce),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function registerIpc(): void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      // A frame with no parent is its window's main frame (an iframe always has one).
      const sender = { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
      return handleInvoke(channel, sender, args, connectionFor(event.sender));
    });
  }
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function openWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Bytescope',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: webPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(START_URL);
}

app.enableSandbox();
await app.whenReady();
serveAppScheme();
lockDownSession();
registerIpc();
openWindow();
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) openWindow();
});
app.on('window-all-closed', () => {
  void host.dispose().finally(() => app.quit());
});
