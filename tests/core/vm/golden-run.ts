import { readFileSync } from 'node:fs';
import { CodeObject, runModule } from '../../../core/index.js';
import { codeFromJson, type CodeJson } from '../../support/goldens.js';

/** What `python3 NAME.py` printed, as the .run.json goldens hold it. */
export interface RunJson {
  stdout: string;
  stderr: string;
  exit: number;
}

/**
 * A golden code object with co_filename "<DIR>/name.py" in every nested code object: CPython ran
 * the case as an absolute path, which the goldens show as <DIR>.
 */
export function goldenCode(json: CodeJson): CodeObject {
  const rename = (j: CodeJson): CodeJson => ({
    ...j,
    co_filename: '<DIR>/' + j.co_filename,
    co_consts: j.co_consts.map((k) => ('code' in k ? { code: rename(k.code) } : k)),
  });
  return codeFromJson(rename(json));
}

/** Runs a case's golden code object and returns what it printed. */
export function runCase(sourcePath: string, json: CodeJson): RunJson {
  let stdout = '';
  let stderr = '';
  const source = readFileSync(sourcePath, 'utf8');
  const outcome = runModule(goldenCode(json), {
    writeStdout: (t) => void (stdout += t),
    writeStderr: (t) => void (stderr += t),
    sourceText: (f) => (f.startsWith('<DIR>/') ? source : null),
  });
  return { stdout, stderr, exit: outcome.exitCode };
}
