import { FerryError } from '../../errors.js';
import type { CheckKind } from '../check-kind.js';
import { afterDeathCheck } from './after-death-check.js';
import { ageRangeCheck } from './age-range-check.js';
import { codeInSetCheck } from './code-in-set-check.js';
import { dateOrderCheck } from './date-order-check.js';
import { daySpreadCheck } from './day-spread-check.js';
import { duplicateValueCheck } from './duplicate-value-check.js';
import { matchesParentCheck } from './matches-parent-check.js';
import { nhsNumberValidCheck } from './nhs-number-valid-check.js';
import { notFutureCheck } from './not-future-check.js';
import { notNullCheck } from './not-null-check.js';
import { notRepdigitCheck } from './not-repdigit-check.js';
import { numericRangeCheck } from './numeric-range-check.js';
import { patternCheck } from './pattern-check.js';
import { referencesCheck } from './references-check.js';
import { uniqueCheck } from './unique-check.js';
import { withinParentCheck } from './within-parent-check.js';

/** Every check kind, by name. Adding a kind = one file in this folder + one entry here (see quality/README.md). */
const kinds = new Map(
  [
    notNullCheck,
    nhsNumberValidCheck,
    notRepdigitCheck,
    codeInSetCheck,
    patternCheck,
    notFutureCheck,
    uniqueCheck,
    duplicateValueCheck,
    referencesCheck,
    matchesParentCheck,
    dateOrderCheck,
    daySpreadCheck,
    ageRangeCheck,
    afterDeathCheck,
    withinParentCheck,
    numericRangeCheck,
  ].map((k) => [k.kind, k as unknown as CheckKind<unknown>]),
);
export const checkKinds: ReadonlyMap<string, CheckKind<unknown>> = kinds;

/**
 * Adds a pack's own check kinds (see `pack/pack-extensions.ts`). The same kind object again is a no-op; another
 * object under a taken name is refused.
 */
export function registerCheckKinds(added: ReadonlyArray<CheckKind<unknown>>, owner: string): void {
  for (const k of added) {
    const existing = kinds.get(k.kind);
    if (existing === k) continue;
    if (existing)
      throw new FerryError(
        'FERRY_ERR_CHECK_INVALID',
        `Pack '${owner}' registers check kind '${k.kind}', which is taken`,
        {
          field: 'kind',
        },
      );
    kinds.set(k.kind, k);
  }
}

export {
  afterDeathCheck,
  ageRangeCheck,
  codeInSetCheck,
  dateOrderCheck,
  daySpreadCheck,
  duplicateValueCheck,
  matchesParentCheck,
  nhsNumberValidCheck,
  notFutureCheck,
  notNullCheck,
  notRepdigitCheck,
  numericRangeCheck,
  patternCheck,
  referencesCheck,
  uniqueCheck,
  withinParentCheck,
};
