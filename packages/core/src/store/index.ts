export * from './connection-loss.js';
export * from './file-lock.js';
export * from './open-database.js';
export * from './pglite-database.js';
export * from './postgres-database.js';
export * from './sql-database.js';
