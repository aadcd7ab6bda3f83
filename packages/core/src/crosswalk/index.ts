export * from './crosswalk-model.js';
