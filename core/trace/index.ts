export * from './state.js';
export * from './session.js';
