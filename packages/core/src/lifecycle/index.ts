export * from './job-id.js';
export * from './lifecycle-context.js';
export * from './lifecycle-stages.js';
export * from './run-lifecycle.js';
export * from './run-record.js';
export * from './run-store.js';
export * from './source-contract-fit.js';
export * from './target-access.js';
