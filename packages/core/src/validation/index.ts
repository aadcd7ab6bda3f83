export * from './dates.js';
export * from './nhs-number.js';
export * from './postcode.js';
