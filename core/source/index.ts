export * from './errors.js';
export * from './format.js';
