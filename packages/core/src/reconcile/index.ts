export * from './keyed-table-diff.js';
export * from './reconcile-job.js';
export * from './reconciliation-report.js';
export * from './rejected-keys.js';
export * from './row-hash.js';
export * from './target-row-reader.js';
