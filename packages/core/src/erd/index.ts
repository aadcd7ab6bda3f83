export * from './build-erd.js';
export * from './column-value-sets.js';
export * from './erd-model.js';
export * from './key-columns.js';
export * from './relationship-candidates.js';
export * from './table-domains.js';
export * from './table-name-tokens.js';
