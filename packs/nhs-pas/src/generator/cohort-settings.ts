import { dayFromIso } from '@ferry/core';

/**
 * Fixed settings of the synthetic cohort. The extract date is fixed (not today) so the same arguments always
 * give the same bytes; future activity is "future" relative to it.
 */
export const cohortSettings = {
  /** The day the legacy extract was taken. */
  extractDay: dayFromIso('2026-10-31'),
  /** Outpatient, waiting-list and admission history starts here (a Monday). */
  activityStartDay: dayFromIso('2018-01-01'),
  /** Bookings reach this many days past the extract date. */
  futureDays: 182,
  /** The trust's ODS code and the legacy system's code. */
  trustCode: 'R9Z',
  systemCode: 'LEGPAS',
  mainCrnType: 'HOSP',
} as const;
