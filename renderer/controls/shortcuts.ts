/**
 * Keyboard shortcuts for the run controls. Function keys work everywhere (F10 step, Shift+F10
 * back, F8 play/pause, Shift+F8 reset, Ctrl+F8 run to the end), as in debuggers; outside the
 * editor the arrow keys, Space, Home and End do the same, so a teacher at a projector can drive
 * the run with one hand.
 */

export type ControlAction = 'forward' | 'back' | 'togglePlay' | 'reset' | 'runToEnd';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The shortcut text shown on each button (and given to aria-keyshortcuts). */
export const SHORTCUT_LABELS: Record<ControlAction, { label: string; aria: string }> = {
  forward: { label: 'F10 or →', aria: 'F10 ArrowRight' },
  back: { label: 'Shift+F10 or ←', aria: 'Shift+F10 ArrowLeft' },
  togglePlay: { label: 'F8 or Space', aria: 'F8 Space' },
  reset: { label: 'Shift+F8 or Home', aria: 'Shift+F8 Home' },
  runToEnd: { label: 'Ctrl+F8 or End', aria: 'Control+F8 End' },
};

/** The action a key press asks for, or null. `inEditor`: the focus is in the source editor. */
export function shortcutFor(e: KeyLike, inEditor: boolean): ControlAction | null {
  if (e.altKey || e.metaKey) return null;
  if (e.key === 'F10') return e.shiftKey ? 'back' : e.ctrlKey ? null : 'forward';
  if (e.key === 'F8') return e.ctrlKey ? 'runToEnd' : e.shiftKey ? 'reset' : 'togglePlay';
  if (inEditor || e.ctrlKey || e.shiftKey) return null;
  switch (e.key) {
    case 'ArrowRight':
      return 'forward';
    case 'ArrowLeft':
      return 'back';
    case ' ':
      return 'togglePlay';
    case 'Home':
      return 'reset';
    case 'End':
      return 'runToEnd';
    default:
      return null;
  }
}
