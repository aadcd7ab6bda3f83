export * from './boolean-flag.js';
export * from './catalog-csv-reader.js';
export * from './catalog-csv-writer.js';
export * from './catalog-model.js';
