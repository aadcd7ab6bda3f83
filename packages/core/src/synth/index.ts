export * from './nhs-numbers.js';
export * from './ods-codes.js';
export * from './seeded-random.js';
export * from './synth-dates.js';
export * from './uk-addresses.js';
export * from './uk-contacts.js';
export * from './uk-names.js';
export * from './weighted-table.js';
