import { type DefectLevel, deriveSeed, SeededRandom } from '@ferry/core';
import { allDefectKinds, type DefectKind } from './defect-kinds.js';

/** Share of patients given a random defect, per level. */
const rates: Record<DefectLevel, number> = { none: 0, typical: 0.028, heavy: 0.2 };

/**
 * Decides which patients carry which defect, one kind at most per patient. Every kind is scheduled once at
 * evenly spread positions (so even a small cohort has each kind), and the other patients get a random kind at
 * the level's rate. A scheduled kind that a patient cannot carry moves on to the next patient.
 *
 * @example
 * const plan = new DefectPlanner('typical', 200, 42);
 * plan.kindFor(0) // undefined or a DefectKind
 */
export class DefectPlanner {
  private readonly scheduled = new Map<number, DefectKind>();
  private readonly rng: SeededRandom;
  private carried: DefectKind[] = [];
  private readonly randomRate: number;

  constructor(
    readonly level: DefectLevel,
    readonly patients: number,
    seed: number,
  ) {
    this.rng = new SeededRandom(deriveSeed(seed, 'defects', level));
    // The scheduled defects count towards the level's share, so small cohorts are not over-seeded.
    this.randomRate = Math.max(0, rates[level] - allDefectKinds.length / Math.max(1, patients));
    if (level === 'none') return;
    const k = allDefectKinds.length;
    allDefectKinds.forEach((kind, i) => {
      // The first position is 1 so a duplicate always has an earlier patient to copy.
      const at = Math.min(patients - 1, 1 + Math.floor(((i + 0.5) * (patients - 1)) / k));
      if (at >= 1 && !this.scheduled.has(at)) this.scheduled.set(at, kind);
      else this.carried.push(kind);
    });
  }

  /** The defect of the patient at this position (call once per position, in order). */
  kindFor(index: number): DefectKind | undefined {
    if (this.level === 'none') return undefined;
    const random = this.rng.next();
    const pick = this.rng.int(0, allDefectKinds.length - 1);
    const scheduled = this.scheduled.get(index);
    if (scheduled) return scheduled;
    if (this.carried.length && index >= 1) return this.carried.shift();
    return random < this.randomRate && index >= 1 ? allDefectKinds[pick] : undefined;
  }

  /** Gives a kind back when the patient could not carry it; it goes to the next patient. */
  carry(kind: DefectKind): void {
    this.carried.push(kind);
  }
}
