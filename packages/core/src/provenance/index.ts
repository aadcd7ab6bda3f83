export * from './agree-subjects.js';
export * from './loaded-job.js';
export * from './report-subject.js';
export * from './source-fingerprint.js';
