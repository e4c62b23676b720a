/**
 * Which shell `npm start` can launch: Electron when its runtime binary is really on disk, browser
 * mode otherwise. This never calls `require('electron')`, which in plain Node tries to download
 * the binary (stack.md §1); it reads what that module would read: `node_modules/electron/path.txt`
 * (the executable's path inside `dist/`) and `ELECTRON_OVERRIDE_DIST_PATH`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ShellChoice = { kind: 'electron'; binary: string } | { kind: 'browser'; reason: string };

/** File system access the decision needs, injectable for tests. */
export interface RuntimeProbe {
  exists(path: string): boolean;
  readText(path: string): string | null;
  env: Readonly<Record<string, string | undefined>>;
}

export const realProbe: RuntimeProbe = {
  exists: existsSync,
  readText: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  env: process.env,
};

/** Finds the Electron executable for the app at `appRoot`, or says why browser mode it is. */
export function chooseShell(appRoot: string, probe: RuntimeProbe = realProbe): ShellChoice {
  const pkgDir = join(appRoot, 'node_modules', 'electron');
  if (!probe.exists(join(pkgDir, 'package.json'))) {
    return { kind: 'browser', reason: 'the electron package is not installed' };
  }
  const relative = probe.readText(join(pkgDir, 'path.txt'))?.trim() || null;
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative ?? 'electron');
    if (probe.exists(binary)) return { kind: 'electron', binary };
    return { kind: 'browser', reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable (${binary})` };
  }
  if (relative === null) {
    return { kind: 'browser', reason: 'the Electron runtime is not installed (its download is blocked on this network)' };
  }
  const binary = join(pkgDir, 'dist', relative);
  if (!probe.exists(binary)) {
    return { kind: 'browser', reason: 'the Electron runtime is not installed (its download is blocked on this network)' };
  }
  return { kind: 'electron', binary };
}

export interface StartArgs {
  /** `--browser`: browser mode even when Electron is there. */
  forceBrowser: boolean;
  /** `--port N`: browser mode's port (0: any free one). */
  port: number;
}

/** Parses `start.js`'s own arguments; an unknown or malformed one is an error message. */
export function parseStartArgs(argv: readonly string[]): StartArgs | string {
  const args: StartArgs = { forceBrowser: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') args.forceBrowser = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const text = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const port = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || port > 65535) return `--port needs a number from 0 to 65535, not ${text ?? 'nothing'}`;
      args.port = port;
    } else return `unknown option ${a}`;
  }
  return args;
}
