export * from './errors.js';
export * from './catalog/index.js';
export * from './connectors/csv/index.js';
export * from './contract/index.js';
export * from './crosswalk/index.js';
export * from './pack/index.js';
export * from './quality/index.js';
export * from './validation/index.js';
