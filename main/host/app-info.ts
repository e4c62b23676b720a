/** The app's name and version, read once from package.json (inside the asar when packaged). */
import { readFileSync } from 'node:fs';

/** The package root: build/main/host/ is three levels below it. */
export const APP_ROOT = new URL('../../../', import.meta.url);

/** The built renderer that both shells serve. */
export const RENDERER_DIR = new URL('build/renderer/', APP_ROOT);

export function appVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', APP_ROOT), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through: an unreadable package.json only costs the version string
  }
  return 'unknown';
}

/** The CPython release whose bytecode Bytescope reproduces. */
export const PYTHON_VERSION = '3.11.7';
