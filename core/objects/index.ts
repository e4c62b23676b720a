export * from './values.js';
export * from './repr.js';
