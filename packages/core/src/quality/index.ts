export * from './check-model.js';
