import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flushTransitions, sceneRoot, translation } from '../support/dom.js';
import { SLOT_HEIGHT, clip, renderStack, typeClass } from '../../../renderer/machine/stack-scene.js';
import type { ValueView } from '../../../main/common/api.js';
import { value } from '../support/states.js';

const NOW = { duration: 0 };

/** The slots a step shows (leaving ones excluded), top of stack first, as drawn top to bottom. */
function slots(root: SVGSVGElement): SVGGElement[] {
  return [...root.querySelectorAll<SVGGElement>('g.slot:not(.leaving)')].sort((a, b) => translation(a).y - translation(b).y);
}

const labels = (root: SVGSVGElement): (string | null)[] => slots(root).map((g) => g.getAttribute('aria-label'));

/** Draws each stack in turn, letting every transition finish, and returns the root. */
function drawSteps(...stacks: ValueView[][]): SVGSVGElement {
  const root = sceneRoot();
  for (const stack of stacks) {
    renderStack(root, stack, NOW);
    flushTransitions();
  }
  return root;
}

const NULL = value('NULL', 'NULL');
const f = value('function', '<function f at 0x7f01>', 11);
const one = value('int', '1');
const two = value('int', '2');
const three = value('int', '3');

describe('renderStack', () => {
  it('draws one slot per value, top of stack first, and marks the top', () => {
    const root = drawSteps([NULL, f, one]);
    assert.deepEqual(labels(root), ['int 1', 'function <function f at 0x7f01>', 'NULL NULL']);
    assert.deepEqual(
      slots(root).map((g) => g.querySelector('text.slot-tos')?.textContent),
      ['TOS', '', ''],
    );
    const ys = slots(root).map((g) => translation(g).y);
    assert.ok(ys.every((y, i) => i === 0 || y - ys[i - 1]! >= SLOT_HEIGHT), `slots overlap: ${ys.join(', ')}`);
    assert.equal(root.querySelector('text.empty'), null);
  });

  it('colours each slot by the kind of its value and keeps the full value in its title', () => {
    const root = drawSteps([NULL, f, one]);
    assert.deepEqual(
      slots(root).map((g) => g.getAttribute('class')),
      ['slot v-number', 'slot v-callable', 'slot v-null'],
    );
    assert.equal(slots(root)[1]?.querySelector('title')?.textContent, 'function: <function f at 0x7f01>');
  });

  it('says the stack is empty, and drops that note when a value is pushed', () => {
    const root = drawSteps([]);
    assert.equal(root.querySelector('text.empty')?.textContent, 'empty stack');
    assert.equal(slots(root).length, 0);
    renderStack(root, [one], NOW);
    flushTransitions();
    assert.equal(root.querySelector('text.empty'), null);
    assert.deepEqual(labels(root), ['int 1']);
  });

  it('keeps the element of each value that stays on the stack when another is pushed', () => {
    const root = drawSteps([NULL, f]);
    const [fSlot, nullSlot] = slots(root);
    renderStack(root, [NULL, f, one], NOW);
    flushTransitions();
    const after = slots(root);
    assert.equal(after.length, 3);
    assert.equal(after[1], fSlot);
    assert.equal(after[2], nullSlot);
    assert.deepEqual(labels(root), ['int 1', 'function <function f at 0x7f01>', 'NULL NULL']);
    assert.equal(fSlot?.querySelector('text.slot-tos')?.textContent, '', 'the mark moved to the new top');
  });

  it('removes the slot of a popped value once its exit ends, keeping the others', () => {
    const root = drawSteps([NULL, f, one]);
    const [, fSlot, nullSlot] = slots(root);
    renderStack(root, [NULL, f], NOW);
    const leaving = [...root.querySelectorAll('g.slot.leaving')];
    assert.equal(leaving.length, 1, 'the popped slot leaves');
    assert.equal(leaving[0]?.getAttribute('data-testid'), null, 'a leaving slot no longer counts as on the stack');
    flushTransitions();
    assert.equal(root.querySelectorAll('g.slot').length, 2);
    assert.deepEqual(slots(root), [fSlot, nullSlot]);
    assert.equal(fSlot?.querySelector('text.slot-tos')?.textContent, 'TOS');
  });

  it('replaces the two operands of a binary operation by a new slot for its result', () => {
    const root = drawSteps([one, two]);
    const before = slots(root);
    renderStack(root, [three], NOW);
    flushTransitions();
    const after = slots(root);
    assert.deepEqual(labels(root), ['int 3']);
    assert.ok(!before.includes(after[0]!), 'the result is a new element');
    assert.equal(root.querySelectorAll('g.slot').length, 1);
  });

  it('gives a different object with the same repr its own slot', () => {
    const root = drawSteps([value('list', '[]', 1)]);
    const [first] = slots(root);
    renderStack(root, [value('list', '[]', 2)], NOW);
    flushTransitions();
    const [second] = slots(root);
    assert.notEqual(second, first);
    assert.equal(first?.isConnected, false);
  });

  it('gives a value that returns while its old slot is still leaving a fresh slot', () => {
    const root = drawSteps([NULL, f]);
    renderStack(root, [NULL], NOW); // pop f, and step back before the exit ends
    renderStack(root, [NULL, f], NOW);
    assert.equal(root.querySelectorAll('g.slot.leaving').length, 1);
    flushTransitions();
    assert.deepEqual(labels(root), ['function <function f at 0x7f01>', 'NULL NULL']);
    assert.equal(root.querySelectorAll('g.slot').length, 2);
  });

  it('sizes the picture to its container and to the number of slots', () => {
    const root = sceneRoot(500);
    renderStack(root, [one, two, three], NOW);
    flushTransitions();
    assert.equal(root.getAttribute('width'), '500');
    assert.equal(root.getAttribute('viewBox'), `0 0 500 ${root.getAttribute('height')}`);
    const tall = Number(root.getAttribute('height'));
    renderStack(root, [one], NOW);
    flushTransitions();
    assert.ok(Number(root.getAttribute('height')) < tall);
  });

  it('clips a long repr to the width and keeps it whole in the title', () => {
    const long = value('str', `'${'a'.repeat(200)}'`);
    const root = drawSteps([long]);
    const shown = root.querySelector('text.slot-repr')?.textContent ?? '';
    assert.ok(shown.length < 60 && shown.endsWith('…'), shown);
    assert.equal(root.querySelector('g.slot title')?.textContent, `str: ${long.repr}`);
  });
});

describe('clip', () => {
  it('keeps text that fits and ends longer text with an ellipsis within the limit', () => {
    assert.equal(clip('abc', 3), 'abc');
    assert.equal(clip('abcdef', 4), 'abc…');
    assert.equal(clip('abcdef', 0), 'a…');
  });
});

describe('typeClass', () => {
  it('colours numbers, strings, containers, callables, None, NULL and other objects apart', () => {
    assert.deepEqual(
      ['int', 'bool', 'str', 'bytes', 'tuple', 'dict', 'range', 'function', 'builtin_function_or_method', 'NoneType', 'NULL', 'Point'].map(typeClass),
      ['v-number', 'v-number', 'v-string', 'v-string', 'v-container', 'v-container', 'v-container', 'v-callable', 'v-callable', 'v-none', 'v-null', 'v-object'],
    );
  });
});
