export * from './pack.js';
export * from './pack-registry.js';
