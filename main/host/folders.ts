/**
 * Local project folders, minimal for the walking skeleton: open one (list its Python files and
 * packages), read a file, save a file atomically and regenerate its `__pycache__` entry. Every path
 * a client names is relative to the open folder and is refused if it leads outside it, symlinks
 * included. The folder watcher and sessions come later; the API shape is already theirs.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FolderEntry } from '../common/api.js';
import { err, ok, type HostError, type Result } from '../common/result.js';

/** Folder names never listed: caches, tools and virtual environments. */
const SKIPPED_DIRS = new Set(['__pycache__', 'node_modules', 'venv', 'env', 'site-packages']);
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 12;

/** True when `child` is `root` or inside it (both already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Opens a folder: its real path and its .py files and package directories, sorted. */
export function listFolder(path: string): Result<{ root: string; entries: FolderEntry[] }, HostError> {
  if (!isAbsolute(path)) return err('invalid-request', 'params.path must be an absolute path');
  let root: string;
  try {
    root = realpathSync(path);
    if (!statSync(root).isDirectory()) return err('invalid-request', `${path} is not a folder`);
  } catch (e) {
    return err('not-found', `cannot open ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const entries: FolderEntry[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || entries.length >= MAX_ENTRIES) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
      const full = join(dir, name);
      let real: string;
      try {
        real = lstatSync(full).isSymbolicLink() ? realpathSync(full) : full;
      } catch {
        continue;
      }
      if (!isInside(root, real)) continue;
      let st;
      try {
        st = statSync(real);
      } catch {
        continue;
      }
      const rel = relative(root, full).split(sep).join('/');
      if (st.isDirectory()) {
        if (safeExists(join(real, 'pyvenv.cfg'))) continue;
        if (safeExists(join(real, '__init__.py'))) entries.push({ path: rel, kind: 'package' });
        walk(full, depth + 1);
      } else if (st.isFile() && name.endsWith('.py')) {
        entries.push({ path: rel, kind: 'file' });
      }
      if (entries.length >= MAX_ENTRIES) return;
    }
  };
  walk(root, 0);
  return ok({ root, entries });
}

function safeExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of `rel` inside `root`, or a `forbidden` error: no absolute paths, no `..`,
 * and the nearest existing ancestor must resolve (through symlinks) inside the folder.
 */
export function resolveInside(root: string, rel: string): Result<string, HostError> {
  const parts = rel.split(/[\\/]/);
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || parts.some((p) => p === '..')) {
    return err('forbidden', `${rel} is outside the open folder`);
  }
  const target = join(root, ...parts.filter((p) => p !== '' && p !== '.'));
  let probe = target;
  for (;;) {
    try {
      const real = realpathSync(probe);
      if (!isInside(root, real)) return err('forbidden', `${rel} is outside the open folder`);
      break;
    } catch {
      const up = dirname(probe);
      if (up === probe) return err('forbidden', `${rel} is outside the open folder`);
      probe = up;
    }
  }
  if (target === root) return err('invalid-request', 'params.path names the folder itself');
  return ok(target);
}

/** Reads a UTF-8 text file of the folder. */
export function readInside(root: string, rel: string): Result<{ text: string }, HostError> {
  const target = resolveInside(root, rel);
  if (!target.ok) return target;
  try {
    return ok({ text: readFileSync(target.value, 'utf8') });
  } catch (e) {
    return err('not-found', `cannot read ${rel}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Where py_compile caches `file`: `DIR/__pycache__/NAME.cpython-311.pyc`. */
export function pycachePath(file: string): string {
  return join(dirname(file), '__pycache__', `${basename(file, '.py')}.cpython-311.pyc`);
}

/** Creates the `__pycache__` folder of `file` if needed. */
export function ensurePycacheDir(file: string): void {
  mkdirSync(dirname(pycachePath(file)), { recursive: true });
}

/** Removes a stale .pyc (a file that no longer compiles gets none). */
export function removePyc(file: string): void {
  rmSync(pycachePath(file), { force: true });
}
