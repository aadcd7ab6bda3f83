export * from './evidence-package.js';
