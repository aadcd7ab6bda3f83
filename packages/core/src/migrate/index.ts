export * from './csv-load-target.js';
export * from './database-load-target.js';
export * from './load-target.js';
export * from './migration-report.js';
export * from './open-load-target.js';
export * from './rejects-file.js';
export * from './run-migration.js';
export * from './target-ddl.js';
