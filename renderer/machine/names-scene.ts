/**
 * A namespace (a frame's locals, or the module's globals) as a D3 scene: one row per name in
 * binding order, joined by name, so a new binding slides in and a changed value flashes where it
 * stands. Unbound locals are shown as such, as CPython keeps them (NULL until assigned).
 */
import { select, transition } from 'd3';
import type { BindingView } from '../../main/common/api.js';
import { clip, typeClass, type SceneTiming } from './stack-scene.js';

export const ROW_HEIGHT = 28;
const PAD = 8;
const NAME_WIDTH = 112;
const TYPE_WIDTH = 78;

/** What a binding shows: its value's repr, or that it is unbound. */
function shown(b: BindingView): string {
  return b.value === null ? 'unbound' : b.value.repr;
}

export function renderNames(root: SVGSVGElement, bindings: readonly BindingView[], timing: SceneTiming): void {
  const width = Math.max(160, root.parentElement?.clientWidth ?? 300);
  const height = Math.max(1, bindings.length) * ROW_HEIGHT + PAD * 2;
  const svg = select(root).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  const t = transition().duration(timing.duration);
  const reprChars = Math.floor((width - NAME_WIDTH - TYPE_WIDTH - 2 * PAD - 12) / 8);
  const rows = bindings.map((b, i) => ({ ...b, i }));

  svg
    .selectAll<SVGTextElement, number>('text.empty')
    .data(rows.length === 0 ? [0] : [])
    .join((enter) => enter.append('text').attr('class', 'empty').attr('y', PAD + ROW_HEIGHT / 2 + 4).attr('text-anchor', 'middle').text('no names yet'))
    .attr('x', width / 2);

  svg
    .selectAll<SVGGElement, (typeof rows)[number]>('g.binding:not(.leaving)')
    .data(rows, (d) => d.name)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'binding')
          .attr('data-testid', 'binding')
          .attr('transform', (d) => `translate(${-24},${PAD + d.i * ROW_HEIGHT})`)
          .attr('opacity', 0);
        g.append('rect').attr('class', 'binding-bg').attr('height', ROW_HEIGHT - 2).attr('rx', 4);
        g.append('text').attr('class', 'binding-name').attr('x', 10).attr('y', ROW_HEIGHT / 2 + 4);
        g.append('text').attr('class', 'binding-type').attr('x', NAME_WIDTH + 4).attr('y', ROW_HEIGHT / 2 + 4);
        g.append('text').attr('class', 'binding-repr').attr('x', NAME_WIDTH + TYPE_WIDTH).attr('y', ROW_HEIGHT / 2 + 4);
        g.append('title');
        g.transition(t).attr('transform', (d) => `translate(${PAD},${PAD + d.i * ROW_HEIGHT})`).attr('opacity', 1);
        return g;
      },
      (update) => {
        update.transition(t).attr('transform', (d) => `translate(${PAD},${PAD + d.i * ROW_HEIGHT})`).attr('opacity', 1);
        return update;
      },
      (exit) => exit.attr('data-testid', null).classed('leaving', true).transition(t).attr('opacity', 0).remove(),
    )
    .call((g) => {
      g.select<SVGRectElement>('rect.binding-bg').attr('width', width - 2 * PAD);
      g.select<SVGTextElement>('text.binding-name').text((d) => clip(d.name, 13));
      g.select<SVGTextElement>('text.binding-type')
        .attr('class', (d) => `binding-type ${d.value ? typeClass(d.value.type) : 'v-none'}`)
        .text((d) => (d.value ? clip(d.value.type, 9) : ''));
      g.select('title').text((d) => `${d.name} = ${shown(d)}`);
      g.attr('aria-label', (d) => `${d.name} = ${shown(d)}`);
      g.each(function (d) {
        const text = select(this).select<SVGTextElement>('text.binding-repr');
        const next = clip(shown(d), reprChars);
        const before = text.text();
        text.classed('unbound', d.value === null).text(next);
        // A value that changed in place flashes, so the eye finds the store that just happened.
        if (before !== '' && before !== next && timing.duration > 0) {
          select(this)
            .select('rect.binding-bg')
            .classed('changed', true)
            .transition()
            .delay(timing.duration * 2)
            .on('end', function () {
              select(this).classed('changed', false);
            });
        }
      });
    });
}
