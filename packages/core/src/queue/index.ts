export * from './add-queue-jobs.js';
export * from './queue-config.js';
export * from './queue-logger.js';
export * from './queue-schema.js';
export * from './start-queue-runner.js';
export * from './worker-liveness.js';
