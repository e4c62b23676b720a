import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { selectAll } from 'd3';
import { flushTransitions, sceneRoot, translation } from '../support/dom.js';
import { ROW_HEIGHT, renderNames } from '../../../renderer/machine/names-scene.js';
import type { BindingView } from '../../../main/common/api.js';
import { binding, value } from '../support/states.js';

const NOW = { duration: 0 };

/** The rows a step shows (leaving ones excluded), top to bottom. */
function rows(root: SVGSVGElement): SVGGElement[] {
  return [...root.querySelectorAll<SVGGElement>('g.binding:not(.leaving)')].sort((a, b) => translation(a).y - translation(b).y);
}

const labels = (root: SVGSVGElement): (string | null)[] => rows(root).map((g) => g.getAttribute('aria-label'));

function drawSteps(...namespaces: BindingView[][]): SVGSVGElement {
  const root = sceneRoot();
  for (const names of namespaces) {
    renderNames(root, names, NOW);
    flushTransitions();
  }
  return root;
}

const x1 = binding('x', value('int', '1'));
const x2 = binding('x', value('int', '2'));
const total = binding('total', value('list', '[1, 2]', 4));

describe('renderNames', () => {
  it('draws one row per name, in binding order, one row height apart', () => {
    const root = drawSteps([x1, total]);
    assert.deepEqual(labels(root), ['x = 1', 'total = [1, 2]']);
    const [a, b] = rows(root).map((g) => translation(g).y);
    assert.equal(b! - a!, ROW_HEIGHT);
    assert.deepEqual(
      rows(root).map((g) => [g.querySelector('text.binding-name')?.textContent, g.querySelector('text.binding-type')?.textContent]),
      [
        ['x', 'int'],
        ['total', 'list'],
      ],
    );
    assert.equal(root.querySelector('text.empty'), null);
  });

  it('shows an unassigned local as unbound, with no type', () => {
    const root = drawSteps([binding('n', null)]);
    const repr = root.querySelector('text.binding-repr');
    assert.equal(repr?.textContent, 'unbound');
    assert.equal(repr?.classList.contains('unbound'), true);
    assert.equal(root.querySelector('text.binding-type')?.textContent, '');
    assert.deepEqual(labels(root), ['n = unbound']);
  });

  it("keeps a name's row when its value changes, and shows the new value there", () => {
    const root = drawSteps([x1, total]);
    const [xRow] = rows(root);
    renderNames(root, [x2, total], NOW);
    flushTransitions();
    assert.equal(rows(root)[0], xRow);
    assert.equal(xRow?.querySelector('text.binding-repr')?.textContent, '2');
    assert.equal(xRow?.querySelector('title')?.textContent, 'x = 2');
  });

  it('adds a row for a new name and keeps the rows that were there', () => {
    const root = drawSteps([x1]);
    const [xRow] = rows(root);
    renderNames(root, [x1, total], NOW);
    flushTransitions();
    assert.equal(rows(root).length, 2);
    assert.equal(rows(root)[0], xRow);
    assert.deepEqual(labels(root), ['x = 1', 'total = [1, 2]']);
  });

  it('removes the rows of names that go away once their exit ends', () => {
    const root = drawSteps([x1, total]);
    const [xRow, totalRow] = rows(root);
    const firstRowY = translation(xRow!).y;
    renderNames(root, [total], NOW);
    assert.equal(root.querySelectorAll('g.binding.leaving').length, 1);
    flushTransitions();
    assert.deepEqual(rows(root), [totalRow]);
    assert.equal(root.querySelectorAll('g.binding').length, 1);
    assert.equal(translation(totalRow!).y, firstRowY, 'the remaining row moves up into the first place');
  });

  it('says when there are no names yet, and drops that note for the first binding', () => {
    const root = drawSteps([]);
    assert.equal(root.querySelector('text.empty')?.textContent, 'no names yet');
    renderNames(root, [x1], NOW);
    flushTransitions();
    assert.equal(root.querySelector('text.empty'), null);
  });

  it('flashes a value that changed in place when motion is on, and not when it is off', () => {
    const still = drawSteps([x1], [x2]);
    assert.equal(still.querySelector('rect.binding-bg.changed'), null);

    const root = drawSteps([x1, total]);
    renderNames(root, [x2, total], { duration: 5 });
    assert.deepEqual(
      [...root.querySelectorAll('rect.binding-bg')].map((r) => r.classList.contains('changed')),
      [true, false],
    );
    selectAll(root.querySelectorAll('*')).interrupt(); // the flash lasts a real quarter second; stop it here
  });
});
