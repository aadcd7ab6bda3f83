import { FerryError } from '@ferry/core';
import type { LocalCodeChoice } from './pack-model.js';
import type { Quirks } from './quirks.js';

/**
 * The legacy side of coded values: which local code the legacy PAS wrote for a national code. Reads the
 * crosswalk backwards; when several local codes map to one national code the primary one is written about
 * nine times in ten and an alternate (an older or less exact code) otherwise, decided per row so that the
 * output stays deterministic.
 *
 * @example
 * codes.local('gender', '2', 'PATIENT', 17) // => 'F'
 */
export class LocalCodes {
  constructor(
    private readonly byType: Map<string, Map<string, LocalCodeChoice>>,
    private readonly quirks: Quirks,
  ) {}

  /** True when some approved local code maps to this national code. */
  has(codeType: string, national: string): boolean {
    return this.byType.get(codeType)?.has(national) ?? false;
  }

  /** All national codes of a code type that have a local code. */
  nationals(codeType: string): string[] {
    return [...(this.byType.get(codeType)?.keys() ?? [])];
  }

  /** Every local code of a code type (to pick codes that are NOT mapped). */
  allLocal(codeType: string): Set<string> {
    const out = new Set<string>();
    for (const c of this.byType.get(codeType)?.values() ?? []) {
      out.add(c.primary);
      for (const a of c.alternates) out.add(a);
    }
    return out;
  }

  /** The local code the legacy wrote for a national code on one row. Blank in, blank out. */
  local(codeType: string, national: string | undefined, salt: string, id: number): string {
    if (national === undefined || national === '') return '';
    const choice = this.byType.get(codeType)?.get(national);
    if (!choice) {
      throw new FerryError(
        'FERRY_ERR_INTERNAL',
        `The generator produced ${codeType} code ${national}, which no approved crosswalk entry maps to`,
        {
          field: codeType,
        },
      );
    }
    if (choice.alternates.length === 0) return choice.primary;
    const q = this.quirks.unit(salt, id, codeType);
    if (q < 0.9) return choice.primary;
    return choice.alternates[Math.floor(((q - 0.9) / 0.1) * choice.alternates.length)] ?? choice.primary;
  }
}
