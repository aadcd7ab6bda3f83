import type { SeededRandom } from '@ferry/core';

/** The legacy tables whose surrogate keys the cohort allocates, with the first key of each. */
const firstIds = {
  patient: 100_001,
  ident: 1_100_001,
  alias: 1_200_001,
  address: 1_300_001,
  contact: 1_400_001,
  nok: 1_500_001,
  gpReg: 1_600_001,
  allergy: 1_700_001,
  alert: 1_800_001,
  casenote: 1_900_001,
  merge: 2_100_001,
  pathway: 3_000_001,
  referral: 3_500_001,
  period: 4_000_001,
  event: 4_500_001,
  opWait: 5_000_001,
  opSuspension: 5_500_001,
  appointment: 6_000_001,
  opCoding: 7_000_001,
  ipWait: 7_500_001,
  ipSuspension: 7_700_001,
  tci: 7_800_001,
  spell: 8_000_001,
  episode: 8_300_001,
  wardStay: 8_600_001,
  diagnosis: 9_000_001,
  procedure: 9_500_001,
  detention: 9_800_001,
  mhTransfer: 9_850_001,
  tribunal: 9_900_001,
  cpa: 9_950_001,
} as const;

export type IdKind = keyof typeof firstIds;

/** A key no row ever gets (for orphan defects): beyond every table's range. */
export const missingParentId = 99_000_000;

/**
 * Hands out legacy surrogate keys per table, ascending, with the occasional gap a real system leaves
 * (rows deleted long ago). Keys are plain integers below 2^31.
 *
 * @example
 * const ids = new IdAllocator(rng);
 * ids.next('patient') // => 100001
 */
export class IdAllocator {
  private readonly next_: Record<IdKind, number>;

  constructor(private readonly rng: SeededRandom) {
    this.next_ = { ...firstIds };
  }

  next(kind: IdKind): number {
    const id = this.next_[kind];
    this.next_[kind] = id + (this.rng.chance(0.03) ? this.rng.int(2, 4) : 1);
    return id;
  }
}
