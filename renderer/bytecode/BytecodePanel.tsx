/**
 * The bytecode beside the source: every code object of the program, in the order `dis` prints
 * them, each instruction with its line number (where a line starts), jump-target mark, offset,
 * opname, argument and argrepr, as `python3 -m dis` lays them out. The instruction the machine runs
 * next is marked; instructions where calling frames wait are shaded.
 */
import { memo, useEffect, useRef } from 'react';
import type { CodeListing, Instruction } from '../../main/common/api.js';
import type { InstructionRef } from '../view-models/step-view.js';

export interface BytecodePanelProps {
  codes: CodeListing[];
  current: InstructionRef | null;
  callers: InstructionRef[];
  /** False while the editor text differs from the compiled text. */
  stale: boolean;
}

/** How dis names a code object in its "Disassembly of" header. */
function disHeader(code: CodeListing): string {
  return `<code object ${code.name} at 0x0000, file "${code.filename}", line ${code.firstlineno}>`;
}

const InstructionRow = memo(function InstructionRow({
  ins,
  codeIndex,
  role,
  firstOfLine,
}: {
  ins: Instruction;
  codeIndex: number;
  role: 'current' | 'caller' | null;
  firstOfLine: boolean;
}) {
  const className = ['ins', role ?? '', firstOfLine ? 'line-start' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={className}
      data-code={codeIndex}
      data-offset={ins.offset}
      aria-current={role === 'current' ? 'step' : undefined}
      title={ins.positions.lineno !== null ? `line ${ins.positions.lineno}, columns ${ins.positions.col_offset}–${ins.positions.end_col_offset}` : undefined}
    >
      <span className="ins-pointer">{role === 'current' ? '▶' : role === 'caller' ? '↳' : ''}</span>
      <span className="ins-line">{ins.starts_line !== null ? ins.starts_line : ''}</span>
      <span className="ins-target">{ins.is_jump_target ? '>>' : ''}</span>
      <span className="ins-offset">{ins.offset}</span>
      <span className="ins-opname">{ins.opname}</span>
      <span className="ins-arg">{ins.arg !== null ? ins.arg : ''}</span>
      <span className="ins-argrepr" title={ins.argrepr || undefined}>
        {ins.argrepr ? `(${ins.argrepr})` : ''}
      </span>
    </div>
  );
});

const CodeBlock = memo(function CodeBlock({
  code,
  currentOffset,
  callerOffsets,
}: {
  code: CodeListing;
  currentOffset: number | null;
  callerOffsets: string;
}) {
  const callers = new Set(callerOffsets ? callerOffsets.split(',').map(Number) : []);
  const active = currentOffset !== null;
  return (
    <section className={`code-block${active ? ' active' : ''}`} aria-label={`bytecode of ${code.qualname}`}>
      <header className="code-header" title={`Disassembly of ${disHeader(code)}:`}>
        <span className="code-kind">{code.codeIndex === 0 ? 'module' : 'code object'}</span>
        <span className="code-name">{code.qualname}</span>
        <span className="code-meta">
          line {code.firstlineno}
          {code.argcount > 0 ? ` · ${code.argcount} arg${code.argcount > 1 ? 's' : ''}` : ''}
          {code.varnames.length > 0 ? ` · locals ${code.varnames.join(', ')}` : ''}
          {` · stack ${code.stacksize}`}
        </span>
      </header>
      <div className="ins-list" role="list">
        {code.instructions.map((ins, i) => (
          <InstructionRow
            key={ins.offset}
            ins={ins}
            codeIndex={code.codeIndex}
            firstOfLine={ins.starts_line !== null && i > 0}
            role={ins.offset === currentOffset ? 'current' : callers.has(ins.offset) ? 'caller' : null}
          />
        ))}
      </div>
    </section>
  );
});

export function BytecodePanel({ codes, current, callers, stale }: BytecodePanelProps) {
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!current || !scroller.current) return;
    const box = scroller.current;
    const row = box.querySelector(`.ins[data-code="${current.codeIndex}"][data-offset="${current.offset}"]`);
    if (!row) return;
    // Leave the view alone while the instruction is comfortably visible; otherwise bring it to the
    // middle, so the next instructions are on screen too (and not hidden under a sticky header).
    const view = box.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const margin = 3 * r.height;
    if (r.top < view.top + margin || r.bottom > view.bottom - margin) row.scrollIntoView({ block: 'center' });
  }, [current]);

  return (
    <div className={`bytecode${stale ? ' stale' : ''}`} ref={scroller} data-testid="bytecode">
      {codes.map((code) => (
        <CodeBlock
          key={code.codeIndex}
          code={code}
          currentOffset={current && current.codeIndex === code.codeIndex ? current.offset : null}
          callerOffsets={callers
            .filter((c) => c.codeIndex === code.codeIndex)
            .map((c) => c.offset)
            .join(',')}
        />
      ))}
    </div>
  );
}
