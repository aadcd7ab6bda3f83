export * from './boolean-flag.js';
export * from './catalog-csv-reader.js';
export * from './catalog-csv-writer.js';
export * from './catalog-model.js';
export * from './catalog-source-match.js';
export * from './column-type-inference.js';
export * from './csv-catalog-introspector.js';
export * from './postgres-catalog-introspector.js';
