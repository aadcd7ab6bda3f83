export * from './evaluate-gate.js';
export * from './gate-inputs.js';
export * from './gate-report.js';
export * from './gate-report-writer.js';
export * from './gate-thresholds.js';
