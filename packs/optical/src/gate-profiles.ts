import type { GateThresholdsFile, ReleaseProfile } from '@ferry/core';
import { parseGateThresholdsFile } from '@ferry/core';

/**
 * The optical pack's gate: a crosswalk miss in patients, examinations and prescriptions is a clinical safety matter
 * (a lens type or prism base read wrongly reaches a patient's eyes).
 */
export function opticalGateThresholds(profile: ReleaseProfile): GateThresholdsFile {
  return parseGateThresholdsFile(
    { version: 1, profile, safetyCriticalDomains: ['PATIENT', 'EXAM', 'RX', 'DISPENSE'] },
    `optical:${profile}`,
  );
}
