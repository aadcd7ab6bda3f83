import type { SeededRandom } from '@ferry/core';
import type { IdAllocator } from './id-allocator.js';
import type { LocalCodes } from './local-codes.js';
import type { ReferenceData } from './reference-data.js';
import type { SessionCalendar } from './session-calendar.js';

/** What every builder of a patient's facts needs. One per cohort; `rng` is the patient's own stream. */
export interface BuildContext {
  /** The cohort's root random stream; each patient derives its own from it. */
  root: SeededRandom;
  ref: ReferenceData;
  ids: IdAllocator;
  calendar: SessionCalendar;
  codes: LocalCodes;
  extract: number;
  /** Last day bookings may be on. */
  horizon: number;
  /** First day of outpatient and inpatient history. */
  activityStart: number;
}

/** The shape requirements a defect plan puts on a patient before it is built. */
export interface BuildNeeds {
  referral?: boolean;
  spell?: boolean;
  finishedSpell?: boolean;
  nhsNumber?: boolean;
  deceasedWithGap?: boolean;
  noActivity?: boolean;
}

/** One patient under construction: its random stream and the last day it may have activity on. */
export interface PatientScope {
  rng: SeededRandom;
  ctx: BuildContext;
  /** Last day with activity: the day of death, or the booking horizon. */
  lastDay: number;
  /** First day with activity. */
  firstDay: number;
  needs: BuildNeeds;
  /** Minutes the patient is in hospital: [admitted, discharged] (open spells run to +Infinity). */
  inpatient: Array<[number, number]>;
}

/** True when [start, end] overlaps any admission of the patient (with a day's margin). */
export function overlapsInpatient(scope: PatientScope, start: number, end: number): boolean {
  for (const [s, e] of scope.inpatient) if (start <= e + 1440 && end + 1440 >= s) return true;
  return false;
}
