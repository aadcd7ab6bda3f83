import { deriveSeed, syntheticNhsNumber } from '@ferry/core';

/**
 * Hands out the identifiers of new patient records: hospital numbers (`M` and 7 digits, a permutation of the
 * record count so they do not look sequential) and 999-range NHS numbers, each distinct within a cohort.
 */
export class PatientNumbers {
  private hospital = 0;
  private nhs = 0;
  private readonly hospitalOffset: number;
  private readonly nhsOffset: number;

  constructor(seed: number) {
    this.hospitalOffset = deriveSeed(seed, 'hospital-numbers') % 10_000_000;
    this.nhsOffset = deriveSeed(seed, 'nhs-numbers');
  }

  nextHospitalNumber(): string {
    const n = (this.hospital++ * 7_654_321 + this.hospitalOffset) % 10_000_000;
    return `M${String(n).padStart(7, '0')}`;
  }

  nextNhsNumber(): string {
    return syntheticNhsNumber(this.nhs++, this.nhsOffset);
  }
}
