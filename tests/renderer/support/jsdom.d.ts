/**
 * The part of jsdom's API these tests use. jsdom ships no types of its own, and @types/jsdom has
 * no release for the major pinned in package.json; `new JSDOM(html).window` has kept this shape
 * across majors.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
