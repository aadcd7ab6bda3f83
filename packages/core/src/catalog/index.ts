export * from './catalog-model.js';
