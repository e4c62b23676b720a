/** Small stroke icons for the run controls, drawn in SVG so they look the same with any font. */

export type IconName = 'reset' | 'back' | 'forward' | 'play' | 'pause' | 'end';

const PATHS: Record<IconName, string> = {
  reset: 'M4 8a6 6 0 1 1 1.8 4.3 M4 3.5V8h4.5',
  back: 'M12.5 3.5 6 8l6.5 4.5z M3.5 3.5v9',
  forward: 'M3.5 3.5 10 8l-6.5 4.5z M12.5 3.5v9',
  play: 'M4.5 3 12.5 8l-8 5z',
  pause: 'M5 3.5v9 M11 3.5v9',
  end: 'M2.5 3.5 7.5 8l-5 4.5z M8 3.5 13 8l-5 4.5z M13.5 3.5v9',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className={name === 'reset' || name === 'pause' ? 'icon' : 'icon filled'} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
