export * from './atomic-directory.js';
export * from './evidence-package.js';
export * from './evidence-summary.js';
export * from './input-hashes.js';
export * from './reject-counts.js';
export * from './summary-html.js';
export * from './summary-pdf.js';
export * from './summary-sections.js';
