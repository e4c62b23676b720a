export * from './nodes.generated.js';
export type { PyConstant } from './constant.js';
export * from './dump.js';
