/**
 * A DOM for the D3 scene tests: one jsdom document per test file, and a way to run D3's
 * transitions to their end at once, so a test sees the picture a step settles on.
 *
 * The scenes build their nodes from the root's ownerDocument, but d3 reaches for the global
 * `document` in two places: `transition()` with no selection times itself on
 * `document.documentElement`, and `interpolateTransformSvg` parses transforms with a `<g>` it
 * creates there. So this module installs jsdom's document as the global one.
 */
import { JSDOM } from 'jsdom';
import { timerFlush } from 'd3';

const SVG_NS = 'http://www.w3.org/2000/svg';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
installTransformShim(window);
globalThis.document = window.document;

/**
 * jsdom implements no SVG transform lists, and d3 reads a `transform` attribute through
 * `element.transform.baseVal.consolidate()` to interpolate it. The scenes only ever write
 * `translate(x,y)`, so this understands exactly that and refuses anything else loudly.
 */
function installTransformShim(w: Window & typeof globalThis): void {
  Object.defineProperty(w.SVGElement.prototype, 'transform', {
    configurable: true,
    get(this: SVGElement) {
      const text = (this.getAttribute('transform') ?? '').trim();
      return {
        baseVal: {
          consolidate() {
            if (text === '') return null;
            const m = /^translate\(\s*(-?[\d.]+(?:e-?\d+)?)[\s,]+(-?[\d.]+(?:e-?\d+)?)\s*\)$/.exec(text);
            if (!m) throw new Error(`dom.ts: the transform shim reads only translate(x,y), not ${text}`);
            return { matrix: { a: 1, b: 0, c: 0, d: 1, e: Number(m[1]), f: Number(m[2]) } };
          },
        },
      };
    },
  });
}

/** A fresh <svg> for a scene, inside a parent `width` pixels wide (jsdom lays nothing out). */
export function sceneRoot(width = 400): SVGSVGElement {
  const parent = window.document.createElement('div');
  Object.defineProperty(parent, 'clientWidth', { value: width });
  window.document.body.append(parent);
  const svg = window.document.createElementNS(SVG_NS, 'svg');
  parent.append(svg);
  return svg;
}

/**
 * Runs every due D3 timer now: with zero-length transitions that starts, finishes and ends them
 * (each pass may schedule the next stage, so a few passes).
 */
export function flushTransitions(): void {
  for (let i = 0; i < 4; i++) timerFlush();
}

/** The `translate(x,y)` of an element, as numbers. */
export function translation(el: Element): { x: number; y: number } {
  const m = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(el.getAttribute('transform') ?? '');
  if (!m) throw new Error(`no translate() in ${el.getAttribute('transform')}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}
