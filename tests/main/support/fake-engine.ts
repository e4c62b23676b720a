/**
 * A test double for the engine, loaded into the engine worker by module URL like the real one.
 * It lets the host's own behaviour (validation, workers, stopping) be tested apart from core.
 * Its rules, chosen so each host path can be reached on purpose:
 * - a line containing `$` is a SyntaxError ("invalid syntax") pointing at the `$`;
 * - every other non-blank line is one `NOP` instruction, after a `RESUME`;
 * - a trace pushes the step number on the stack each step and ends after one step per instruction,
 *   except that a source containing `while True` never ends;
 * - a source containing `# hang` spins forever inside any step (so only termination can stop it);
 * - a source containing `# broken` compiles, but starting its trace throws (an engine bug).
 */
import type { MachineState } from '../../../core/trace/state.js';
import type { CodeListing, CompileOutcome } from '../../../main/common/api.js';
import type { Engine, EngineSession } from '../../../main/host/engine.js';

function compileFake(source: string, filename: string): CompileOutcome {
  const lines = source.split('\n');
  const bad = lines.findIndex((l) => l.includes('$'));
  if (bad >= 0) {
    const text = lines[bad];
    const offset = [...text.slice(0, text.indexOf('$'))].length + 1;
    return {
      kind: 'syntax-error',
      error: {
        type: 'SyntaxError',
        msg: 'invalid syntax',
        filename,
        lineno: bad + 1,
        offset,
        end_lineno: bad + 1,
        end_offset: offset + 1,
        text,
        formatted: `  File "${filename}", line ${bad + 1}\n    ${text.trim()}\nSyntaxError: invalid syntax\n`,
      },
    };
  }
  const none = { lineno: null, end_lineno: null, col_offset: null, end_col_offset: null };
  const instructions: CodeListing['instructions'] = [
    { opname: 'RESUME', opcode: 151, arg: 0, argrepr: '', offset: 0, starts_line: 0, is_jump_target: false, positions: none },
  ];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const lineno = i + 1;
    instructions.push({
      opname: 'NOP',
      opcode: 9,
      arg: null,
      argrepr: '',
      offset: instructions.length * 2,
      starts_line: lineno,
      is_jump_target: false,
      positions: { lineno, end_lineno: lineno, col_offset: 0, end_col_offset: Buffer.byteLength(line) },
    });
  });
  const listing: CodeListing = {
    codeIndex: 0,
    name: '<module>',
    qualname: '<module>',
    filename,
    firstlineno: 1,
    argcount: 0,
    stacksize: 1,
    flags: 0,
    varnames: [],
    cellvars: [],
    freevars: [],
    names: [],
    consts: ['None'],
    instructions,
  };
  return { kind: 'compiled', codes: [listing] };
}

function spin(): never {
  for (;;) {
    // never returns: only terminating the worker ends this
  }
}

class FakeSession implements EngineSession {
  step = 0;
  constructor(
    private readonly count: number,
    private readonly endless: boolean,
    private readonly hangs: boolean,
  ) {}
  get ended(): boolean {
    return !this.endless && this.step >= this.count;
  }
  get totalSteps(): number | null {
    return this.endless ? null : this.count;
  }
  forward(): MachineState {
    if (this.hangs) spin();
    if (!this.ended) this.step++;
    return this.state();
  }
  back(): MachineState {
    if (this.step > 0) this.step--;
    return this.state();
  }
  goTo(n: number): MachineState {
    if (this.hangs) spin();
    this.step = this.endless ? Math.max(0, n) : Math.max(0, Math.min(n, this.count));
    return this.state();
  }
  state(): MachineState {
    const ended = this.ended;
    const stack = Array.from({ length: Math.min(this.step, 3) }, (_, i) => ({ type: 'int', repr: String(this.step - i) })).reverse();
    return {
      step: this.step,
      status: ended ? 'finished' : 'running',
      frames: ended
        ? []
        : [
            {
              codeIndex: 0,
              name: '<module>',
              qualname: '<module>',
              offset: this.step * 2,
              position: { lineno: 1, end_lineno: 1, col_offset: 0, end_col_offset: 1 },
              stack,
              locals: [],
            },
          ],
      globals: [{ name: 'x', value: { type: 'int', repr: String(this.step) } }],
      stdout: ended ? 'done\n' : '',
      stderr: '',
    };
  }
}

export function createEngine(): Engine {
  return {
    compile: compileFake,
    startTrace(source, filename) {
      const outcome = compileFake(source, filename);
      if (outcome.kind !== 'compiled') return { outcome, session: null };
      if (source.includes('# broken')) throw new Error('the fake VM cannot start');
      const count = outcome.codes[0].instructions.length;
      return { outcome, session: new FakeSession(count, source.includes('while True'), source.includes('# hang')) };
    },
    compilePyc(source, filename) {
      const outcome = compileFake(Buffer.from(source).toString('utf8'), filename);
      if (outcome.kind === 'syntax-error') return { kind: 'syntax-error', error: outcome.error };
      return { kind: 'pyc', bytes: new Uint8Array([0xa7, 0x0d, 0x0d, 0x0a]) };
    },
  };
}
