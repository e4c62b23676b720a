/**
 * Browser mode's gatekeeping, as pure functions so each refusal can be tested on its own:
 * the Host header must name the loopback server itself (no DNS rebinding), the per-launch token
 * must match (compared in constant time), and a WebSocket's Origin must be the page's own.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh nonce for one page's inline <style>: 16 random bytes. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A fresh per-launch token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the real one (absent never matches). */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The Host header values the server answers to: loopback names with its own port, nothing else. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host header names this server on a loopback address. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** True when a WebSocket's Origin is exactly the page's own origin (the Host it connected to). */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined, port: number): boolean {
  if (origin === undefined || !hostAllowed(hostHeader, port)) return false;
  return origin.toLowerCase() === `http://${(hostHeader ?? '').toLowerCase()}`;
}

/** Name of the cookie that carries the token to asset requests; one per port, since cookies ignore ports. */
export function cookieName(port: number): string {
  return `bytescope-${port}`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * The Content-Security-Policy of every page: scripts and styles only from the server itself (no
 * inline script; the one inline <style>, CodeMirror's, carries the page's nonce), no plugins, frames,
 * forms or base changes, and connections only to its own API socket on the host the page came from.
 */
export function contentSecurityPolicy(hostHeader: string, styleNonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://${hostHeader}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every response. Cross-origin isolation lets a page worker share a stop flag later (stack.md §3). */
export function securityHeaders(hostHeader: string, styleNonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hostHeader, styleNonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
