export * from './fhir-export.js';
export * from './fhir-export-check.js';
export * from './fhir-export-job.js';
export type { FhirBuildOptions } from './patient-resource.js';
