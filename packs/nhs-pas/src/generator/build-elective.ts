import { overlapsInpatient, type PatientScope } from './build-context.js';
import { buildSpell, wardsFor } from './build-spell.js';
import { electiveAdmissionSources, type TreatmentFunction } from './code-book.js';
import type { IpWaitFact, IpWaitSuspensionFact, PatientCore, SpellFact, TciFact } from './cohort-facts.js';
import type { StaffRef } from './reference-data.js';

const hospitalTciCancel = ['No beds available', 'List overrun', 'Surgeon unavailable', 'Equipment not available'];
const patientTciCancel = ['Patient unwell', 'Patient on holiday', 'Patient could not arrange childcare'];
const suspensionReasons: ReadonlyArray<readonly [string, string]> = [
  ['SOC', 'Patient on holiday'],
  ['SOC', 'Patient caring for relative'],
  ['MED', 'Patient medically unfit, review in 6 weeks'],
  ['MED', 'Awaiting cardiology opinion'],
];

/** What became of a waiting-list entry. */
export interface ElectiveOutcome {
  ipWait: IpWaitFact;
  spell?: SpellFact;
  /** Day the RTT clock stopped because of it (admission 30 or patient declined 35). */
  stopDay?: number;
  stopStatus?: string;
  /** Suspended days (paused the clock under the old rules). */
  pausedDays: number;
}

/**
 * Puts a patient on the inpatient waiting list on the decision-to-admit day and plays the wait forward: suspensions,
 * to-come-in offers (some cancelled and re-offered), and the admission, or the removal of the entry. Entries still
 * waiting at the extract date stay open, with a booked TCI when it falls within a few months.
 */
export function buildElective(
  scope: PatientScope,
  core: PatientCore,
  tf: TreatmentFunction,
  consultant: StaffRef,
  dta: number,
  priority: string,
  referralId: number | undefined,
  adminCategory: string,
  age: number,
): ElectiveOutcome {
  const { rng, ctx } = scope;
  const dayCase = rng.chance(tf.dayCaseShare);
  const [procCode, procText] = tf.procedures.length
    ? rng.pick(tf.procedures)
    : ['X29.2', 'Continuous intravenous infusion'];
  const listed = dta + (rng.chance(0.7) ? 0 : rng.int(1, 3));
  const electiveType = rng.chance(0.8) ? '11' : rng.chance(0.75) ? '12' : '13';
  const ward = rng.pick(wardsFor(ctx.ref, tf, dayCase, core.sex));
  const generalAnaesthetic = !dayCase || rng.chance(0.4);
  const ipWait: IpWaitFact = {
    id: ctx.ids.next('ipWait'),
    referralId,
    dta,
    listed,
    intendedManagement: dayCase ? '2' : '1',
    electiveType,
    priority,
    specialty: tf.tfc,
    consultantId: consultant.id,
    siteId: ward.siteId,
    wardId: ward.id,
    plannedProcedure: procCode,
    plannedProcedureText: procText,
    adminCategory,
    anaesthetic: generalAnaesthetic ? 'GA' : rng.pick(['LA', 'SED', 'REG']),
    expectedLos: dayCase ? 0 : rng.int(1, 6),
    status: 'W',
    comment: rng.chance(0.05)
      ? rng.pick(['Needs pre-op echo', 'Latex allergy - first on list', 'Patient prefers afternoon list'])
      : undefined,
    preOpClinic: generalAnaesthetic ? 'POAC' : undefined,
    suspensions: [],
    tcis: [],
  };
  const waitDays =
    priority === '3'
      ? rng.int(10, 31)
      : priority === '2'
        ? rng.int(21, 70)
        : 21 + Math.min(380, Math.round(rng.exponential(75)));
  let admitDay = listed + waitDays;
  let paused = 0;
  if (rng.chance(0.06)) {
    const start = listed + rng.int(1, Math.max(1, waitDays - 1));
    const len = rng.int(14, 42);
    const [type, reason] = rng.pick(suspensionReasons);
    const end = start + len - 1;
    const s: IpWaitSuspensionFact = {
      id: ctx.ids.next('ipSuspension'),
      start,
      end: end <= ctx.extract ? end : undefined,
      type,
      reason,
    };
    if (start <= ctx.extract) {
      ipWait.suspensions.push(s);
      paused += Math.min(end, ctx.extract) - start + 1;
      admitDay += len;
    }
  }
  const removed = (day: number, status: string, reason: string): ElectiveOutcome => {
    ipWait.status = status;
    ipWait.removed = day;
    ipWait.removalReason = reason;
    return { ipWait, pausedDays: paused };
  };
  if (rng.chance(0.03)) {
    const day = Math.min(listed + rng.int(7, Math.max(8, waitDays)), ctx.extract, scope.lastDay);
    if (day >= listed) {
      const out = removed(day, 'C', 'Patient declined surgery');
      return { ...out, stopDay: day, stopStatus: '35' };
    }
  }
  const tciTime = dayCase ? (rng.chance(0.5) ? 7 * 60 + 30 : 12 * 60) : 7 * 60;
  const makeTci = (tciDay: number): TciFact => {
    const offered = Math.max(listed, tciDay - rng.int(14, 42));
    return {
      id: ctx.ids.next('tci'),
      offered,
      tciDay,
      tciTime,
      agreed: rng.chance(0.9) ? Math.min(tciDay - 1, offered + rng.int(0, 7)) : undefined,
      preOp: generalAnaesthetic ? Math.max(listed, tciDay - rng.int(7, 28)) : undefined,
      siteId: ward.siteId,
      wardId: ward.id,
      status: 'B',
      reasonable: rng.chance(0.95),
    };
  };
  // Offers and re-offers until the admission, the end of the patient's activity or the extract date.
  for (let attempt = 0; attempt < 4; attempt++) {
    if (core.dod !== undefined && admitDay > core.dod) return removed(Math.max(listed, core.dod), 'C', 'Patient died');
    if (admitDay > scope.lastDay) return { ipWait, pausedDays: paused };
    if (overlapsInpatient(scope, admitDay * 1440, (admitDay + 7) * 1440)) {
      admitDay += rng.int(14, 28);
      continue;
    }
    if (admitDay > ctx.extract) {
      if (admitDay <= ctx.extract + 120 && admitDay - 42 <= ctx.extract) {
        const tci = makeTci(admitDay);
        tci.offered = Math.min(tci.offered, ctx.extract);
        if (tci.agreed !== undefined) tci.agreed = Math.min(tci.agreed, ctx.extract);
        if (tci.preOp !== undefined && tci.preOp > ctx.extract) tci.preOp = undefined;
        ipWait.tcis.push(tci);
      }
      return { ipWait, pausedDays: paused };
    }
    const tci = makeTci(admitDay);
    ipWait.tcis.push(tci);
    if (attempt < 3 && rng.chance(0.12)) {
      const byPatient = rng.chance(0.35);
      tci.status = 'C';
      tci.cancelled = Math.max(tci.offered, admitDay - rng.int(0, 10));
      tci.cancelledBy = byPatient ? 'P' : 'H';
      tci.cancelReason = rng.pick(byPatient ? patientTciCancel : hospitalTciCancel);
      tci.outcome = byPatient ? 'CANCPAT' : 'CANCHOSP';
      admitDay += rng.int(14, 42);
      continue;
    }
    if (rng.chance(0.015)) {
      tci.status = 'D';
      tci.outcome = 'DNA';
      return removed(admitDay, 'C', 'Did not attend for admission');
    }
    tci.status = 'A';
    tci.outcome = 'ADMIT';
    const admitted = admitDay * 1440 + tciTime + rng.int(0, 60);
    const staysIn = !dayCase || rng.chance(0.03);
    const los = staysIn ? (dayCase ? 1 : Math.max(1, Math.round(rng.exponential(ipWait.expectedLos + 0.5)))) : 0;
    let discharged: number | undefined =
      los === 0 ? admitted + rng.int(180, 540) : (admitDay + los) * 1440 + rng.int(10 * 60, 17 * 60);
    let died = false;
    if (core.dod !== undefined && Math.floor(discharged / 1440) >= core.dod) {
      discharged = Math.min(core.dod * 1440 + 1439, Math.max(admitted + 120, core.dod * 1440 + rng.int(0, 1439)));
      died = true;
    } else if (Math.floor(discharged / 1440) > ctx.extract) discharged = undefined;
    const spell = buildSpell(
      scope,
      {
        admitted,
        discharged,
        method: electiveType,
        source: electiveAdmissionSources.pick(rng),
        classification: los === 0 ? '2' : '1',
        intendedManagement: ipWait.intendedManagement,
        adminCategory,
        dta,
        ipWaitId: ipWait.id,
        tf,
        consultant,
        dischargeMethod: died ? '4' : '1',
        dischargeDestination: died ? '79' : age > 80 && rng.chance(0.1) ? '54' : '19',
        plannedProcedures: [[procCode, procText]],
        generalAnaesthetic,
        emergency: false,
        rttStatus: '30',
        rttAction: 'STOP',
        wards: [ward],
        dayCase,
        sex: core.sex,
      },
      age,
    );
    scope.inpatient.push([admitted, discharged ?? Number.POSITIVE_INFINITY]);
    ipWait.status = 'A';
    ipWait.removed = admitDay;
    ipWait.removalReason = 'Admitted';
    return { ipWait, spell, stopDay: admitDay, stopStatus: '30', pausedDays: paused };
  }
  return { ipWait, pausedDays: paused };
}
