export * from './crosswalk-model.js';
export * from './crosswalk-index.js';
export * from './crosswalk-csv.js';
