import { deriveSeed, mix32 } from '@ferry/core';

/**
 * Deterministic per-row choices for legacy rendering (how a value was typed: spaces, case, local code variant),
 * made by hashing the seed, a salt and the row key instead of drawing from a generator, so that rendering stays a
 * pure function of the facts.
 *
 * @example
 * const q = new Quirks(42);
 * q.unit('PATIENT', 17, 'nhs') // the same number in [0, 1) every time
 */
export class Quirks {
  private readonly base: number;
  private readonly salts = new Map<string, number>();

  constructor(seed: number) {
    this.base = deriveSeed(seed, 'quirks');
  }

  private saltHash(salt: string): number {
    let h = this.salts.get(salt);
    if (h === undefined) {
      h = this.base;
      for (let i = 0; i < salt.length; i++) h = mix32(h ^ salt.charCodeAt(i)) + i;
      this.salts.set(salt, h);
    }
    return h;
  }

  /** A number in [0, 1) for (salt, id, field). */
  unit(salt: string, id: number, field = ''): number {
    let h = this.saltHash(salt);
    h = mix32(h ^ (id >>> 0)) ^ Math.floor(id / 4294967296);
    for (let i = 0; i < field.length; i++) h = Math.imul(h ^ field.charCodeAt(i), 0x01000193);
    return mix32(h) / 4294967296;
  }

  /** True with probability p for (salt, id, field). */
  chance(p: number, salt: string, id: number, field = ''): boolean {
    return this.unit(salt, id, field) < p;
  }
}
