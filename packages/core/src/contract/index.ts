export * from './contract-model.js';
