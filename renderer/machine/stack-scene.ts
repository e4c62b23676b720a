/**
 * The value stack as a D3 scene: one slot per value, top of stack first. The join is keyed by a
 * value's depth from the bottom together with what it is, so a push slides a new slot in from
 * above, a pop slides its slot out to the right, and an instruction that pops two and pushes one
 * (BINARY_OP) visibly replaces them. A scene is a function of (root, data, timing): React renders
 * the <svg> and calls it after each step (style.md, habit 9).
 */
import { select, transition } from 'd3';
import type { ValueView } from '../../main/common/api.js';

export interface SceneTiming {
  /** Transition length in ms; 0 when the user prefers reduced motion. */
  duration: number;
}

interface Slot {
  key: string;
  depth: number;
  value: ValueView;
}

export const SLOT_HEIGHT = 34;
const GAP = 6;
const PAD = 10;
const TYPE_WIDTH = 86;
const TOS_WIDTH = 44;

/** Shortens `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** The CSS class that colours a value by its kind. */
export function typeClass(type: string): string {
  switch (type) {
    case 'int':
    case 'float':
    case 'complex':
    case 'bool':
      return 'v-number';
    case 'str':
    case 'bytes':
      return 'v-string';
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
    case 'frozenset':
    case 'range':
      return 'v-container';
    case 'function':
    case 'builtin_function_or_method':
    case 'code':
    case 'method':
      return 'v-callable';
    case 'NoneType':
      return 'v-none';
    case 'NULL':
      return 'v-null';
    default:
      return 'v-object';
  }
}

export function renderStack(root: SVGSVGElement, stack: readonly ValueView[], timing: SceneTiming): void {
  const width = Math.max(160, root.parentElement?.clientWidth ?? 300);
  const slots: Slot[] = stack.map((value, depth) => ({ key: `${depth}|${value.type}|${value.repr}|${value.id ?? ''}`, depth, value }));
  const n = slots.length;
  const height = Math.max(1, n) * (SLOT_HEIGHT + GAP) + PAD * 2;
  const svg = select(root).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  const y = (s: Slot): number => PAD + (n - 1 - s.depth) * (SLOT_HEIGHT + GAP);
  // Room for the repr: the slot minus its type box, padding, and the TOS mark (bold 13px mono ≈ 8.2px a character).
  const reprChars = Math.floor((width - 2 * PAD - TYPE_WIDTH - 12 - TOS_WIDTH) / 8.2);
  const t = transition().duration(timing.duration);

  svg
    .selectAll<SVGTextElement, number>('text.empty')
    .data(n === 0 ? [0] : [])
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'empty')
        .attr('x', width / 2)
        .attr('y', PAD + SLOT_HEIGHT / 2 + 4)
        .attr('text-anchor', 'middle')
        .text('empty stack'),
    )
    .attr('x', width / 2);

  svg
    // Leaving slots finish their exit undisturbed: a value that comes back (a step back) enters anew.
    .selectAll<SVGGElement, Slot>('g.slot:not(.leaving)')
    .data(slots, (d) => d.key)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', (d) => `slot ${typeClass(d.value.type)}`)
          .attr('data-testid', 'stack-slot')
          .attr('transform', (d) => `translate(${PAD},${y(d) - SLOT_HEIGHT})`)
          .attr('opacity', 0);
        g.append('rect').attr('class', 'slot-box').attr('rx', 5).attr('height', SLOT_HEIGHT);
        g.append('rect').attr('class', 'slot-type-box').attr('rx', 5).attr('height', SLOT_HEIGHT).attr('width', TYPE_WIDTH);
        g.append('text').attr('class', 'slot-type').attr('x', 10).attr('y', SLOT_HEIGHT / 2 + 4);
        g.append('text').attr('class', 'slot-repr').attr('x', TYPE_WIDTH + 12).attr('y', SLOT_HEIGHT / 2 + 5);
        g.append('text').attr('class', 'slot-tos').attr('y', SLOT_HEIGHT / 2 + 4).attr('text-anchor', 'end');
        g.append('title');
        g.transition(t).attr('transform', (d) => `translate(${PAD},${y(d)})`).attr('opacity', 1);
        return g;
      },
      (update) => {
        update.transition(t).attr('transform', (d) => `translate(${PAD},${y(d)})`).attr('opacity', 1);
        return update;
      },
      (exit) =>
        exit
          .attr('data-testid', null)
          .classed('leaving', true)
          .transition(t)
          .attr('transform', function () {
            const current = this.getAttribute('transform') ?? '';
            const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(current);
            return `translate(${width},${m ? m[2] : 0})`;
          })
          .attr('opacity', 0)
          .remove(),
    )
    .call((g) => {
      g.select<SVGRectElement>('rect.slot-box').attr('width', width - 2 * PAD);
      g.select<SVGTextElement>('text.slot-type').text((d) => clip(d.value.type, 11));
      g.select<SVGTextElement>('text.slot-repr').text((d) => clip(d.value.repr, reprChars));
      g.select<SVGTextElement>('text.slot-tos')
        .attr('x', width - 2 * PAD - 10)
        .text((d) => (d.depth === n - 1 ? 'TOS' : ''));
      g.select('title').text((d) => `${d.value.type}: ${d.value.repr}`);
      g.attr('aria-label', (d) => `${d.value.type} ${d.value.repr}`);
    });
}
