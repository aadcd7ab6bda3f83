export * from './canonical-json.js';
export * from './contract-file.js';
export * from './contract-hash.js';
export * from './contract-model.js';
export * from './contract-csv.js';
