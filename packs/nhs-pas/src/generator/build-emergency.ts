import { WeightedTable } from '@ferry/core';
import { overlapsInpatient, type PatientScope } from './build-context.js';
import { buildSpell } from './build-spell.js';
import {
  aliveDischargeMethods,
  emergencyAdmissionMethods,
  emergencyAdmissionSources,
  homeDischargeDestinations,
  type TreatmentFunction,
} from './code-book.js';
import type { PatientCore, SpellFact } from './cohort-facts.js';

/** Emergency admissions per year by age. */
function yearlyRate(age: number): number {
  if (age < 1) return 0.25;
  if (age < 16) return 0.05;
  if (age < 65) return 0.04;
  if (age < 80) return 0.12;
  return 0.3;
}

/** Treatment functions that admit emergencies for a patient of this age and sex on a day. */
export function emergencyFunctions(
  scope: PatientScope,
  core: PatientCore,
  age: number,
): WeightedTable<TreatmentFunction> | undefined {
  const list = scope.ctx.ref.activeFunctions.filter(
    (t) =>
      t.emergencyWeight > 0 &&
      t.tfc !== '710' &&
      (t.sex === undefined || t.sex === core.sex) &&
      age >= (t.minAge ?? 16) &&
      age <= (t.maxAge ?? 120),
  );
  const paeds = scope.ctx.ref.activeFunctions.find((t) => t.tfc === '420');
  const usable = age < 16 ? (paeds ? [paeds] : []) : list;
  return usable.length ? new WeightedTable(usable.map((t) => [t, t.emergencyWeight] as const)) : undefined;
}

export interface EmergencyOptions {
  /** Admit on this day (for the death-in-hospital spell or a defect). */
  day?: number;
  /** The patient dies at the end of this stay, on their day of death. */
  diesOnDay?: number;
  /** The spell must be finished by the extract date. */
  finished?: boolean;
}

/**
 * An emergency admission: via A&E mostly, under a treatment function suited to the patient, with a length of
 * stay that grows with age (a quarter go home the same day). Returns undefined when it would overlap another stay.
 */
export function buildEmergencySpell(
  scope: PatientScope,
  core: PatientCore,
  opts: EmergencyOptions = {},
): SpellFact | undefined {
  const { rng, ctx } = scope;
  const last = Math.min(scope.lastDay, ctx.extract);
  if (last < scope.firstDay) return undefined;
  let day = opts.day ?? scope.firstDay + rng.int(0, last - scope.firstDay);
  const age = Math.floor((day - core.dob) / 365.25);
  const functions = emergencyFunctions(scope, core, age);
  if (!functions) return undefined;
  const tf = functions.pick(rng);
  const sameDay = opts.diesOnDay === undefined && rng.chance(0.22);
  const los = sameDay ? 0 : Math.max(1, Math.min(90, Math.round(rng.exponential(1.5 + Math.max(0, age - 40) / 9))));
  if (opts.diesOnDay !== undefined) day = Math.max(scope.firstDay, opts.diesOnDay - los);
  const admitted = day * 1440 + rng.int(0, 1439);
  let discharged: number | undefined = sameDay
    ? admitted + rng.int(120, 600)
    : (day + los) * 1440 + rng.int(9 * 60, 20 * 60);
  let method = aliveDischargeMethods.pick(rng);
  let destination =
    age >= 75 && rng.chance(0.25)
      ? new WeightedTable([
          ['54', 2],
          ['65', 3],
          ['85', 5],
        ] as const).pick(rng)
      : homeDischargeDestinations.pick(rng);
  if (opts.diesOnDay !== undefined) {
    discharged = Math.max(
      admitted + 60,
      Math.min(opts.diesOnDay * 1440 + rng.int(0, 1439), opts.diesOnDay * 1440 + 1439),
    );
    method = '4';
    destination = '79';
  } else if (core.dod !== undefined && Math.floor(discharged / 1440) >= core.dod) {
    return undefined;
  }
  if (Math.floor(discharged / 1440) > ctx.extract) {
    if (opts.finished) discharged = Math.max(admitted + 120, ctx.extract * 1440 - rng.int(60, 600));
    else discharged = undefined;
  }
  if (overlapsInpatient(scope, admitted, discharged ?? Number.POSITIVE_INFINITY)) return undefined;
  const consultant = rng.pick(ctx.ref.consultantsByTfc.get(tf.tfc)!);
  const spell = buildSpell(
    scope,
    {
      admitted,
      discharged,
      method: emergencyAdmissionMethods.pick(rng),
      source: age >= 80 && rng.chance(0.1) ? '85' : emergencyAdmissionSources.pick(rng),
      classification: '1',
      intendedManagement: '1',
      adminCategory: rng.chance(0.995) ? '01' : '02',
      tf,
      consultant,
      dischargeMethod: method,
      dischargeDestination: destination,
      emergency: true,
      referrerOrg: ctx.ref.sites[0]!.ods.slice(0, 3),
      sex: core.sex,
    },
    age,
  );
  scope.inpatient.push([admitted, discharged ?? Number.POSITIVE_INFINITY]);
  return spell;
}

/** How many emergency admissions a patient has over their activity window. */
export function emergencyCount(scope: PatientScope, core: PatientCore): number {
  const { rng, ctx } = scope;
  const last = Math.min(scope.lastDay, ctx.extract);
  const years = Math.max(0, (last - scope.firstDay) / 365.25);
  const midAge = ((scope.firstDay + last) / 2 - core.dob) / 365.25;
  return rng.poisson(yearlyRate(midAge) * years);
}
