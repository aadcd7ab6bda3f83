export * from './config/database-config.js';
export * from './db/migrations/advisory-migration-lock.js';
export * from './db/migrations/migration-files.js';
export * from './db/migrations/migration-lock.js';
export * from './db/migrations/platform-migrator.js';
export * from './db/migrations/row-migration-lock.js';
export * from './db/platform-database.js';
