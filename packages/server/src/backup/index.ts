export * from './backup-manifest.js';
export * from './platform-backup.js';
export * from './platform-restore.js';
