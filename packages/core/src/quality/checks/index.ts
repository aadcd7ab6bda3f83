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
import { patternCheck } from './pattern-check.js';
import { referencesCheck } from './references-check.js';
import { uniqueCheck } from './unique-check.js';
import { withinParentCheck } from './within-parent-check.js';

/** Every check kind, by name. Adding a kind = one file in this folder + one entry here (see quality/README.md). */
export const checkKinds: ReadonlyMap<string, CheckKind<unknown>> = new Map(
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
  ].map((k) => [k.kind, k as unknown as CheckKind<unknown>]),
);

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
  patternCheck,
  referencesCheck,
  uniqueCheck,
  withinParentCheck,
};
