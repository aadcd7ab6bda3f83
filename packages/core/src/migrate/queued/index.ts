export * from './advance-queued-job.js';
export * from './chunk-job.js';
export * from './chunk-worker-tasks.js';
export * from './existing-keys.js';
export * from './plan-queued-migration.js';
export * from './queued-chunk-loader.js';
export * from './queued-job-plan.js';
export * from './wait-for-queued-job.js';
