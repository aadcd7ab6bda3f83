export * from './postgres-source.js';
export * from './postgres-table-page.js';
