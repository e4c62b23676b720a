/**
 * The Electron window's security settings and rules, kept free of runtime `electron` imports so
 * they are tested in plain Node: the webPreferences, the CSP of app pages, which requests the
 * session lets through (only the app's own scheme: no remote content, ever) and which navigations
 * a window may make (none away from the app).
 */
import type { WebPreferences } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './ipc-policy.js';

/** The renderer's web preferences: isolated, sandboxed, no Node, no webviews. */
export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * The Content-Security-Policy of every app page: only the app's own scripts and styles (plus the
 * one inline <style> CodeMirror writes, admitted by the page's nonce), no network at all.
 */
export function appCsp(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The app's start page. */
export const START_URL = `${APP_ORIGIN}/index.html`;

/** True for the only URLs the session may load: the app's own pages and files (and DevTools' own). */
export function requestAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === 'app';
    return u.protocol === 'devtools:' || u.protocol === 'data:';
  } catch {
    return false;
  }
}

/** True when a window may navigate to `url`: only within the app itself (a reload, say). */
export function navigationAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}
