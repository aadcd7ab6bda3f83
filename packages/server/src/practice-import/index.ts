export * from './platform-record-sink.js';
export * from './practice-import-jobs.js';
export * from './practice-import-service.js';
export * from './practice-presets.js';
export * from './system-import-context.js';
