import type { SeededRandom } from '@ferry/core';
import type { TreatmentFunction } from './code-book.js';
import { cohortSettings } from './cohort-settings.js';
import type { ClinicRef, StaffRef } from './reference-data.js';

/**
 * Clinics per treatment function, sized so that the sessions offer about a third more slots than the
 * cohort books: weekly clinics for big cohorts; for small cohorts one clinic that runs every two to eight weeks.
 */
export function buildClinics(
  rng: SeededRandom,
  functions: readonly TreatmentFunction[],
  consultantsByTfc: Map<string, StaffRef[]>,
  specialtyCode: Map<string, string>,
  patients: number,
): ClinicRef[] {
  const totalWeight = functions.reduce((s, t) => s + t.weight, 0);
  // About 4 outpatient appointments per patient over the history, and 11 slots per session.
  const weeks = 460;
  const clinics: ClinicRef[] = [];
  for (const t of functions) {
    const sessionsPerWeek = ((patients * 4 * (t.weight / totalWeight)) / weeks / 11) * 1.3;
    const count = Math.max(1, Math.ceil(sessionsPerWeek));
    const cadence = count > 1 ? 1 : Math.max(1, Math.min(8, Math.floor(1 / Math.max(sessionsPerWeek, 0.01))));
    const consultants = consultantsByTfc.get(t.tfc)!;
    const code = specialtyCode.get(t.tfc)!;
    for (let i = 0; i < count; i++) {
      const consultant = consultants[i % consultants.length]!;
      const weekday = rng.int(0, 4);
      const amPm = rng.chance(0.55) ? 'AM' : 'PM';
      const atTc = (t.tfc === '130' || t.tfc === '110' || t.tfc === '330') && rng.chance(0.4);
      const slotMins = rng.pick([15, 15, 20, 20, 30]);
      const total = Math.floor(210 / slotMins);
      const newSlots = Math.max(2, Math.round(total * 0.35));
      const dayName = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][weekday];
      clinics.push({
        id: 3001 + clinics.length,
        index: clinics.length,
        code: `${code}${String(i + 1).padStart(2, '0')}`.slice(0, 10),
        name: `${t.name}, ${consultant.title} ${consultant.surname} (${dayName} ${amPm})`,
        siteId: atTc ? 3 : 1,
        consultantId: consultant.id,
        tfc: t.tfc,
        type: 'MIXED',
        slotMins,
        newSlots,
        fuSlots: total - newSlots,
        ebooking: rng.chance(0.7),
        location: atTc
          ? 'Outpatients, Ground Floor'
          : rng.pick(['Outpatients A', 'Outpatients B', 'Outpatients C', 'Eye Clinic', 'Wing 2, Level 1']),
        start: cohortSettings.activityStartDay - rng.int(30, 3000),
        comments: rng.chance(0.2)
          ? rng.pick([
              'Hot clinic slots released 48 hours ahead',
              'Interpreter room available',
              'No  new patients in August',
            ])
          : undefined,
        letterTemplate: `OPL${rng.int(1, 40)}`,
        weekday,
        amPm,
        cadenceWeeks: cadence,
        phaseWeeks: rng.int(0, cadence - 1),
      });
    }
  }
  return clinics;
}
