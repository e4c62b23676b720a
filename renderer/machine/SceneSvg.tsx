/**
 * The React side of a D3 scene: React renders the <svg> and owns its lifetime; after each render
 * with new data, the scene function draws into it. Motion follows the user's reduced-motion setting.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SceneTiming } from './stack-scene.js';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export interface SceneSvgProps<T> {
  data: T;
  draw(root: SVGSVGElement, data: T, timing: SceneTiming): void;
  label: string;
  testId: string;
  duration?: number;
}

export function SceneSvg<T>({ data, draw, label, testId, duration = 260 }: SceneSvgProps<T>) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(() => setWidth(parent.clientWidth));
    observer.observe(parent);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (ref.current) draw(ref.current, data, { duration: prefersReducedMotion() ? 0 : duration });
  }, [data, draw, width, duration]);

  return <svg ref={ref} className="scene" role="img" aria-label={label} data-testid={testId} />;
}
