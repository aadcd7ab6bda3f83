import type { GenerateOptions, Pack, PackPreset } from '@ferry/core';
import { opticalChecks } from './checks/quality-checks.js';
import { recallIntervalCheck } from './checks/recall-interval-check.js';
import { rxAxisCheck } from './checks/rx-axis-check.js';
import { opticalGateThresholds } from './gate-profiles.js';
import { generatePractice } from './generator/generate-practice.js';
import {
  platformCodeSets,
  targetCatalog,
  vendorContract,
  vendorCrosswalks,
  vendorSourceCatalog,
} from './model/build-catalogs.js';
import type { VendorName } from './model/code-sets.js';
import { opticalSteps } from './steps/optical-steps.js';
import { vendors } from './vendors/index.js';

export { detectionThreshold, detectVendor, type VendorDetection } from './detect/detect-vendor.js';
export { allOpticalDefects, opticalDefectKinds } from './generator/defects.js';
export { opticalExtractDate } from './generator/generate-practice.js';
export { opticalSteps } from './steps/optical-steps.js';
export { vendors } from './vendors/index.js';

function preset(name: VendorName): PackPreset {
  const v = vendors[name];
  return {
    name,
    description: v.description,
    sourceCatalog: async () => vendorSourceCatalog(v),
    contract: async () => vendorContract(v),
    crosswalks: async () => vendorCrosswalks(name),
    generate: (options: GenerateOptions) => generatePractice(v, options),
  };
}

const optixPreset = preset('optix');

/**
 * The optical pack: an optical practice's export (Optix by default; presets `optical:optix`, `optical:occuco`,
 * `optical:acuity`) onto Ferry's practice-platform model.
 *
 * @example
 * const packs = new PackRegistry([nhsPasPack, opticalPack]);
 * await packs.get('optical:acuity').contract(); // plus-cylinder Rx transposed on the way in
 */
export const opticalPack: Pack = {
  name: 'optical',
  description: 'Optical practice system export to the Ferry practice platform',
  sourceCatalog: optixPreset.sourceCatalog,
  targetCatalog: async () => targetCatalog(),
  crosswalks: optixPreset.crosswalks,
  contract: optixPreset.contract,
  qualityChecks: async () => opticalChecks(),
  codeSets: async () => platformCodeSets(),
  gateThresholds: async (profile) => opticalGateThresholds(profile),
  generate: optixPreset.generate,
  transformSteps: opticalSteps,
  checkKinds: [rxAxisCheck as never, recallIntervalCheck as never],
  presets: [optixPreset, preset('occuco'), preset('acuity')],
};
