import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SHORTCUT_LABELS, shortcutFor, type ControlAction, type KeyLike } from '../../../renderer/controls/shortcuts.js';

type Modifier = 'shift' | 'ctrl' | 'alt' | 'meta';

function key(name: string, ...mods: Modifier[]): KeyLike {
  return {
    key: name,
    shiftKey: mods.includes('shift'),
    ctrlKey: mods.includes('ctrl'),
    altKey: mods.includes('alt'),
    metaKey: mods.includes('meta'),
  };
}

/** The function-key bindings, which work wherever the focus is. */
const FUNCTION_KEYS: [KeyLike, ControlAction][] = [
  [key('F10'), 'forward'],
  [key('F10', 'shift'), 'back'],
  [key('F8'), 'togglePlay'],
  [key('F8', 'shift'), 'reset'],
  [key('F8', 'ctrl'), 'runToEnd'],
];

/** The one-hand bindings, outside the editor only. */
const PLAIN_KEYS: [KeyLike, ControlAction][] = [
  [key('ArrowRight'), 'forward'],
  [key('ArrowLeft'), 'back'],
  [key(' '), 'togglePlay'],
  [key('Home'), 'reset'],
  [key('End'), 'runToEnd'],
];

const describeKey = (k: KeyLike): string =>
  [k.ctrlKey && 'Ctrl', k.shiftKey && 'Shift', k.key === ' ' ? 'Space' : k.key].filter(Boolean).join('+');

describe('shortcutFor', () => {
  it('maps each function key to its action outside the editor', () => {
    for (const [k, action] of FUNCTION_KEYS) assert.equal(shortcutFor(k, false), action, describeKey(k));
  });

  it('maps each function key to its action inside the editor too', () => {
    for (const [k, action] of FUNCTION_KEYS) assert.equal(shortcutFor(k, true), action, describeKey(k));
  });

  it('maps the arrows, Space, Home and End to their actions outside the editor', () => {
    for (const [k, action] of PLAIN_KEYS) assert.equal(shortcutFor(k, false), action, describeKey(k));
  });

  it('leaves the arrows, Space, Home and End to the editor when it has the focus', () => {
    for (const [k] of PLAIN_KEYS) assert.equal(shortcutFor(k, true), null, describeKey(k));
  });

  it('ignores the plain keys with Shift or Ctrl held, which select text and move by words', () => {
    for (const [k] of PLAIN_KEYS) {
      assert.equal(shortcutFor({ ...k, shiftKey: true }, false), null, `Shift+${describeKey(k)}`);
      assert.equal(shortcutFor({ ...k, ctrlKey: true }, false), null, `Ctrl+${describeKey(k)}`);
    }
  });

  it('ignores every binding with Alt or Meta held', () => {
    for (const [k] of [...FUNCTION_KEYS, ...PLAIN_KEYS]) {
      assert.equal(shortcutFor({ ...k, altKey: true }, false), null, `Alt+${describeKey(k)}`);
      assert.equal(shortcutFor({ ...k, metaKey: true }, false), null, `Meta+${describeKey(k)}`);
    }
  });

  it('gives Ctrl+F10 no action rather than a step', () => {
    assert.equal(shortcutFor(key('F10', 'ctrl'), false), null);
  });

  it('ignores keys that are not bindings', () => {
    for (const name of ['a', 'Enter', 'ArrowUp', 'ArrowDown', 'F9', 'Escape']) assert.equal(shortcutFor(key(name), false), null, name);
  });
});

describe('SHORTCUT_LABELS', () => {
  it('names, for each action, exactly the keys that trigger it', () => {
    // aria-keyshortcuts spells keys as KeyboardEvent.key does, with Control for Ctrl.
    const ariaKey = (k: KeyLike): string =>
      [k.ctrlKey && 'Control', k.shiftKey && 'Shift', k.key === ' ' ? 'Space' : k.key].filter(Boolean).join('+');
    for (const action of Object.keys(SHORTCUT_LABELS) as ControlAction[]) {
      const keys = [...FUNCTION_KEYS, ...PLAIN_KEYS].filter(([, a]) => a === action).map(([k]) => ariaKey(k));
      assert.deepEqual(SHORTCUT_LABELS[action].aria.split(' '), keys, action);
    }
  });
});
