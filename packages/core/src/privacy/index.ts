export * from './identifier-guess.js';
export * from './identifier-kind.js';
export * from './keyed-mask.js';
export * from './page-identifiers.js';
export * from './value-shapes.js';
