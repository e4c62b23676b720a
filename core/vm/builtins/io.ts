import { str } from '../../objects/abstract.js';
import { EOFError, PyBaseException, SystemExit, newError, typeError } from '../../objects/exceptions.js';
import { PyType, objectType, setPrototypeType, typeName } from '../../objects/types.js';
import { None, PyObject, PyTuple, type PyValue } from '../../objects/values.js';
import { NotSupportedError } from '../../source/errors.js';
import { running } from '../frame.js';
import { CALLING, builtin, splitKeywords } from './support.js';

/**
 * print() and input(): the program's only contact with stdin and stdout, through the VmHost.
 * CPython: Python/bltinmodule.c (builtin_print_impl, builtin_input_impl).
 */

function host() {
  const ts = running.thread;
  if (ts === null) throw new Error('print() outside a run');
  return ts.host;
}

function sepOrEnd(name: string, v: PyValue | undefined, dflt: string): string {
  if (v === undefined || v === None) return dflt;
  if (typeof v !== 'string') throw typeError(`${name} must be None or a string, not ${typeName(v)}`);
  return v;
}

/** print(*objects, sep=' ', end='\n', file=None, flush=False): each piece is written as produced. */
export const print = builtin(
  'print',
  (args, kwnames) => {
    const { pos, kw } = splitKeywords('print', args, kwnames, ['sep', 'end', 'file', 'flush']);
    const sep = sepOrEnd('sep', kw.get('sep'), ' ');
    const end = sepOrEnd('end', kw.get('end'), '\n');
    const file = kw.get('file');
    if (file !== undefined && file !== None) throw new NotSupportedError('print(file=...)', 0);
    const out = host();
    for (let i = 0; i < pos.length; i++) {
      if (i > 0) out.writeStdout(sep);
      out.writeStdout(str(pos[i]));
    }
    out.writeStdout(end);
    return None;
  },
  [CALLING, CALLING],
);

/** input(prompt=''): the prompt goes to stdout; EOFError at end of input. */
export const input = builtin('input', (args, kwnames) => {
  const { pos } = splitKeywords('input', args, kwnames, []);
  if (pos.length > 1) throw typeError(`input expected at most 1 argument, got ${pos.length}`);
  const out = host();
  if (pos.length === 1) out.writeStdout(str(pos[0]));
  const line = out.readLine ? out.readLine() : null;
  if (line === null) throw newError(EOFError, 'EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
});

/**
 * `exit` and `quit` as the site module installs them: calling one raises SystemExit(code);
 * printing one shows the hint. CPython: Lib/_sitebuiltins.py (Quitter).
 */
const quitterType = new PyType('Quitter', objectType, '_sitebuiltins');
class PyQuitter extends PyObject {
  constructor(readonly name: string) {
    super();
  }
}
setPrototypeType(PyQuitter, quitterType);
quitterType.tp_repr = (v) => `Use ${(v as PyQuitter).name}() or Ctrl-D (i.e. EOF) to exit`;
quitterType.tp_hash = (v) => (v as PyQuitter).serial;
quitterType.tp_call = (_v, args, kwnames) => {
  const { pos, kw } = splitKeywords('__call__', args, kwnames, ['code']);
  if (pos.length > 1) throw typeError(`Quitter.__call__() takes from 1 to 2 positional arguments but ${pos.length + 1} were given`);
  const code = pos[0] ?? kw.get('code') ?? None;
  throw new PyBaseException(SystemExit, new PyTuple([code]));
};

export function makeQuitter(name: 'exit' | 'quit'): PyObject {
  return new PyQuitter(name);
}
