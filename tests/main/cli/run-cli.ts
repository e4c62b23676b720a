import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

/** The result of one `bytescope` command line run in `cwd`. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node main/cli/bytescope.mjs ...args` in `cwd`, as a user would. */
export function runCli(args: readonly string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, [join(repoRoot, 'main', 'cli', 'bytescope.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
