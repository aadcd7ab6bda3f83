export * from './purge-executor.js';
export * from './purge-plan.js';
export * from './retention-policy.js';
export * from './run-store-candidates.js';
