/**
 * Serving the built renderer: URL path to a file inside the renderer folder (never outside it),
 * and the content type of each kind of file Vite emits. Shared with the Electron shell's
 * `bytescope://` protocol, which serves the same folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or null: `/` is index.html; percent-decoding errors,
 * NUL bytes, backslashes and `..` segments name nothing.
 */
export function fileForUrlPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p === '.')) return null;
  return parts.length === 0 ? join(root, 'index.html') : join(root, ...parts);
}

/** Reads a renderer file, refusing anything that resolves (through symlinks) outside `root`. */
export async function readRendererFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const file = fileForUrlPath(root, urlPath);
  if (file === null) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return { body: await readFile(real), type: contentType(real) };
  } catch {
    return null;
  }
}

/** The meta tag through which a page learns its style nonce (CodeMirror puts it on its <style> element). */
export const STYLE_NONCE_META = 'bytescope-style-nonce';

/**
 * index.html with a per-response style nonce announced in a meta tag. CodeMirror injects its base
 * theme as a <style> element; the CSP admits it by this nonce instead of 'unsafe-inline'.
 */
export function withStyleNonce(html: string, nonce: string): string {
  const meta = `<meta name="${STYLE_NONCE_META}" content="${nonce}" />`;
  if (/<head>/i.test(html)) return html.replace(/<head>/i, `<head>\n    ${meta}`);
  return html.replace(/^(<!doctype html>)?/i, (doctype) => `${doctype}${meta}`);
}
