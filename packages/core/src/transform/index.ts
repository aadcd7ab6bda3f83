export * from './compiled-table.js';
export * from './reject-reasons.js';
export * from './target-type-check.js';
export * from './transform-steps.js';
