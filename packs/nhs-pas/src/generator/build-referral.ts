import { weightedChoice } from '@ferry/core';
import { type AppointmentRequest, bookAppointment, codeAppointment } from './build-appointment.js';
import type { PatientScope } from './build-context.js';
import { buildElective } from './build-elective.js';
import { adminCategoryCodes, referralSourcesGeneral, type TreatmentFunction } from './code-book.js';
import type {
  AppointmentFact,
  IpWaitFact,
  OpWaitFact,
  PatientCore,
  ReferralFact,
  RttEventFact,
  RttPathwayFact,
  RttPeriodFact,
  SpellFact,
} from './cohort-facts.js';
import type { ClinicRef, StaffRef } from './reference-data.js';

const referralReasons: Record<string, string[]> = {
  default: [
    'Please assess and advise',
    'Ongoing symptoms despite treatment in primary care',
    'For specialist opinion',
    'Worsening symptoms over 3 months',
  ],
  '3': ['Suspected cancer - urgent two week wait', 'Two week wait referral, NICE criteria met'],
};
const opSuspensionReasons: ReadonlyArray<readonly [string, string]> = [
  ['SOC', 'Patient on holiday'],
  ['SOC', 'Patient unavailable - work'],
  ['MED', 'Patient in hospital'],
];

/** All rows one referral produces. */
export interface ReferralRows {
  pathway?: RttPathwayFact;
  referral: ReferralFact;
  opWaits: OpWaitFact[];
  appointments: AppointmentFact[];
  ipWaits: IpWaitFact[];
  spells: SpellFact[];
}

/** Options a caller (or a defect plan) sets on a referral. */
export interface ReferralOptions {
  /** Consultant-to-consultant or follow-up referral outside RTT (no pathway). */
  nonRtt?: boolean;
  source?: string;
  /** Make the first appointment happen (attended) and keep the referral alive long enough. */
  forceAttend?: boolean;
}

function sourceFor(scope: PatientScope, tf: TreatmentFunction): string {
  const { rng, ctx } = scope;
  let s = tf.tfc === '130' && rng.chance(0.45) ? '15' : referralSourcesGeneral.pick(rng);
  if (!ctx.codes.has('referral_source', s)) s = '03';
  return s;
}

function priorityFor(scope: PatientScope, tf: TreatmentFunction): string {
  const cancerish = ['100', '101', '301', '330', '340', '502', '120', '320'].includes(tf.tfc);
  return weightedChoice(scope.rng, [
    ['1', 72],
    ['2', 17],
    ['3', cancerish ? 14 : 0],
  ]);
}

/**
 * Builds a referral and plays its pathway forward: the RTT clock starting at receipt, an entry on the outpatient
 * waiting list, appointments (some cancelled, some not attended), follow-ups, and a decision: discharge, active
 * monitoring, treatment in clinic, or the inpatient waiting list and an admission. The clock stops on the
 * treating or discharging activity; a pathway still running at the extract date stays open.
 */
export function buildReferral(
  scope: PatientScope,
  core: PatientCore,
  tf: TreatmentFunction,
  received: number,
  opts: ReferralOptions = {},
): ReferralRows {
  const { rng, ctx } = scope;
  const consultants = ctx.ref.consultantsByTfc.get(tf.tfc)!;
  const clinics = ctx.ref.clinicsByTfc.get(tf.tfc)!;
  const clinic: ClinicRef = rng.pick(clinics);
  const consultant: StaffRef = ctx.ref.staffById.get(clinic.consultantId) ?? rng.pick(consultants);
  const source = opts.source ?? sourceFor(scope, tf);
  const priority = priorityFor(scope, tf);
  const rtt = !opts.nonRtt && rng.chance(0.93);
  const adminCategory = adminCategoryCodes.pick(rng);
  const practice = core.practiceCode && !core.practiceCode.startsWith('V') ? core.practiceCode : undefined;
  const fromGp = source === '03' || source === '12';
  const ubrn =
    fromGp && practice && rng.chance(0.7)
      ? String(rng.int(100_000_000, 999_999_999)) + String(rng.int(100, 999))
      : undefined;
  const age = Math.floor((received - core.dob) / 365.25);

  let pathway: RttPathwayFact | undefined;
  let period: RttPeriodFact | undefined;
  if (rtt) {
    pathway = {
      id: ctx.ids.next('pathway'),
      ppi: `${ctx.ref.sites[0]!.ods.slice(0, 3)}${String(rng.int(10_000_000, 99_999_999))}${String(rng.int(1000, 9999))}`,
      ppiIssuer: ubrn ? 'X09' : ctx.ref.sites[0]!.ods.slice(0, 3),
      ubrn,
      start: received,
      currentStatus: '10',
      rtt: true,
      specialty: tf.tfc,
      consultantId: consultant.id,
      open: true,
      periods: [],
    };
  }
  const referral: ReferralFact = {
    id: ctx.ids.next('referral'),
    recStatus: 'A',
    pathwayId: pathway?.id,
    referred: Math.max(core.dob, received - (rng.chance(0.8) ? rng.int(0, 14) : rng.int(15, 40))),
    received,
    source,
    referrerCode: fromGp
      ? core.gpCode
      : source === '05' || source === '11'
        ? rng.pick(ctx.ref.consultants).nationalCode
        : undefined,
    referrerOrg: fromGp
      ? practice
      : ['04', '05', '10', '11', '01'].includes(source)
        ? ctx.ref.sites[0]!.ods.slice(0, 3)
        : undefined,
    priority,
    specialty: tf.tfc,
    consultantId: consultant.id,
    siteId: clinic.siteId,
    team: `${ctx.ref.specialtyCode.get(tf.tfc)!.slice(0, 5)}-${consultant.surname.slice(0, 1).toUpperCase()}`,
    type: 'OP',
    reason: rng.pick(referralReasons[priority] ?? referralReasons.default!),
    adminCategory,
    ubrn,
    status: 'O',
    comment: rng.chance(0.05)
      ? rng.pick(['Letter scanned to EDM', 'Chased by GP', 'Patient aware of referral', 'Upgraded after triage'])
      : undefined,
    letterRef: `SCN${rng.int(1_000_000, 9_999_999)}`,
    ackSent: rng.chance(0.85),
  };
  if (pathway) {
    period = {
      id: ctx.ids.next('period'),
      clockStart: received,
      startStatus: '10',
      specialty: tf.tfc,
      consultantId: consultant.id,
      pauseDays: 0,
      referralId: referral.id,
      events: [],
    };
    pathway.periods.push(period);
  }
  const rows: ReferralRows = { pathway, referral, opWaits: [], appointments: [], ipWaits: [], spells: [] };
  const event = (day: number, status: string, action: string, sourceType: string, sourceId: number) => {
    if (!period || !pathway) return;
    const e: RttEventFact = {
      id: ctx.ids.next('event'),
      day,
      status,
      action,
      sourceType,
      sourceId,
      consultantId: consultant.id,
      specialty: tf.tfc,
    };
    period.events.push(e);
    pathway.currentStatus = status;
  };
  event(received, '10', 'START', 'REF', referral.id);

  let clockRunning = Boolean(period);
  const stopClock = (day: number, status: string, sourceType: string, sourceId: number) => {
    if (!period || !clockRunning) return;
    clockRunning = false;
    period.clockStop = day;
    period.stopStatus = status;
    event(day, status, 'STOP', sourceType, sourceId);
  };
  const closeReferral = (day: number, outcome: string, reason: string) => {
    referral.status = 'C';
    referral.discharged = day;
    referral.outcomeCode = outcome;
    referral.dischargeReason = reason;
    if (pathway) {
      pathway.end = day;
      pathway.open = false;
    }
  };
  const died = () => {
    const dod = core.dod!;
    stopClock(dod, '36', 'REF', referral.id);
    closeReferral(dod, 'DIED', 'Patient died');
    for (const w of rows.opWaits) {
      if (w.status !== 'W' && w.status !== 'A') continue;
      w.status = 'C';
      w.removed = Math.max(w.added, dod);
      w.removalReason = 'Patient died';
    }
  };

  // The new-patient waiting-list entry.
  const newWait: OpWaitFact = {
    id: ctx.ids.next('opWait'),
    referralId: referral.id,
    listType: 'N',
    added: received,
    priority,
    specialty: tf.tfc,
    consultantId: consultant.id,
    clinicId: clinic.id,
    siteId: clinic.siteId,
    status: 'W',
    partialBooking: false,
    suspensions: [],
  };
  rows.opWaits.push(newWait);
  if (rng.chance(0.03)) {
    const start = received + rng.int(3, 20);
    if (start <= ctx.extract && start <= scope.lastDay) {
      const [type, reason] = rng.pick(opSuspensionReasons);
      const end = start + rng.int(10, 35);
      newWait.suspensions.push({
        id: ctx.ids.next('opSuspension'),
        start,
        end: end <= ctx.extract ? end : undefined,
        type,
        reason,
      });
    }
  }
  const suspendedDays = newWait.suspensions.reduce((n, s) => n + ((s.end ?? ctx.extract) - s.start + 1), 0);
  const firstWait =
    priority === '3'
      ? rng.int(5, 13)
      : priority === '2'
        ? rng.int(14, 42)
        : 21 + Math.min(300, Math.round(rng.exponential(45)));
  let wanted = received + firstWait + suspendedDays;
  let bookedOn = Math.min(received + rng.int(1, Math.max(1, Math.min(14, firstWait - 1))), ctx.extract);
  let first = true;
  let followUps = 0;
  let treated = false;
  let currentWait: OpWaitFact = newWait;
  let kind: AppointmentRequest['kind'] = priority === '3' ? '2WW' : 'NEW';
  const telephone = () => rng.chance(0.12);

  for (let step = 0; step < 12; step++) {
    if (bookedOn > ctx.extract) break; // nothing booked yet: the patient waits on the list
    const result = bookAppointment(scope, {
      referralId: referral.id,
      clinic,
      tf,
      kind,
      wantedDay: wanted,
      bookedOn,
      firstAttendance: first ? (telephone() ? '3' : '1') : telephone() ? '4' : '2',
      priority,
      bookingType: first ? (ubrn ? 'ERS' : rng.chance(0.6) ? 'PB' : 'DB') : currentWait.partialBooking ? 'PB' : 'DB',
      adminCategory,
      opWaitId: currentWait.id,
      forceAttend: opts.forceAttend && first,
    });
    if (!result) {
      if (core.dod !== undefined) died();
      break;
    }
    const appt = result.appointment;
    const day = Math.floor(appt.at / 1440);
    rows.appointments.push(appt);
    if (period) appt.rttStatus = clockRunning ? '20' : treated ? '90' : '91';
    if (!period) appt.rttStatus = undefined;
    if (result.kind === 'future') {
      currentWait.status = 'A';
      if (period && !clockRunning) appt.rttStatus = treated ? '90' : '91';
      break;
    }
    if (result.kind === 'cancelled') {
      appt.rttStatus = undefined;
      wanted = day + rng.int(7, 42);
      bookedOn = Math.min(appt.cancelled!, ctx.extract);
      continue;
    }
    if (result.kind === 'dna' || result.kind === 'late-not-seen') {
      appt.rttStatus = undefined;
      if (first && result.kind === 'dna' && rng.chance(0.5)) {
        appt.rttStatus = clockRunning ? '33' : undefined;
        appt.rttAction = clockRunning ? 'STOP' : undefined;
        stopClock(day, '33', 'OPA', appt.id);
        currentWait.status = 'C';
        currentWait.removed = day;
        currentWait.removalReason = 'Did not attend - discharged to GP';
        closeReferral(day, 'DNA', 'Did not attend first appointment');
        break;
      }
      wanted = day + rng.int(14, 42);
      bookedOn = day;
      continue;
    }
    // Attended.
    if (currentWait.status !== 'C') {
      currentWait.status = 'C';
      currentWait.removed = day;
      currentWait.removalReason = 'Seen in clinic';
    }
    const decision = weightedChoice(rng, [
      ['discharge', first ? 22 : 30 + followUps * 10],
      ['followup', clockRunning ? (first ? 38 : 22) : treated ? 25 : 20],
      ['list', clockRunning && !treated ? (first ? 100 : 140) * tf.electiveShare : 0],
      ['clinicTreat', clockRunning && tf.opProcedures?.length ? 9 : 0],
      ['monitor', clockRunning ? 7 : 0],
    ] as const);
    first = false;
    if (decision === 'clinicTreat') {
      codeAppointment(scope, appt, tf, true);
      appt.rttStatus = '30';
      appt.rttAction = 'STOP';
      stopClock(day, '30', 'OPA', appt.id);
      treated = true;
    } else if (rng.chance(0.1)) codeAppointment(scope, appt, tf, false);
    if (decision === 'monitor') {
      appt.rttStatus = '32';
      appt.rttAction = 'STOP';
      stopClock(day, '32', 'OPA', appt.id);
    }
    if (decision === 'discharge') {
      appt.outcome = '1';
      if (clockRunning) {
        appt.rttStatus = '34';
        appt.rttAction = 'STOP';
        stopClock(day, '34', 'OPA', appt.id);
      }
      closeReferral(day, treated ? 'TREATED' : 'DISCH', treated ? 'Treatment complete' : 'Discharged to GP care');
      break;
    }
    if (period && clockRunning && appt.rttStatus === '20') event(day, '20', 'NULL', 'OPA', appt.id);
    else if (period && !clockRunning && appt.rttStatus && ['90', '91'].includes(appt.rttStatus))
      event(day, appt.rttStatus, 'NULL', 'OPA', appt.id);
    if (decision === 'list') {
      appt.outcome = rng.chance(0.5) ? '1' : '3';
      const outcome = buildElective(scope, core, tf, consultant, day, priority, referral.id, adminCategory, age);
      rows.ipWaits.push(outcome.ipWait);
      event(outcome.ipWait.dta, '20', 'NULL', 'IPWL', outcome.ipWait.id);
      if (period) period.pauseDays = outcome.pausedDays;
      if (outcome.spell) rows.spells.push(outcome.spell);
      if (outcome.stopDay !== undefined)
        stopClock(
          outcome.stopDay,
          outcome.stopStatus!,
          outcome.spell ? 'ADM' : 'IPWL',
          outcome.spell?.id ?? outcome.ipWait.id,
        );
      if (outcome.stopStatus === '35') {
        closeReferral(outcome.stopDay!, 'DECLINED', 'Patient declined treatment');
        break;
      }
      if (!outcome.spell) {
        if (core.dod !== undefined && outcome.ipWait.removalReason === 'Patient died') died();
        else if (outcome.ipWait.status === 'C')
          closeReferral(outcome.ipWait.removed!, 'DISCH', outcome.ipWait.removalReason ?? 'Removed from list');
        break;
      }
      treated = true;
      const discharged = outcome.spell.discharged;
      if (discharged === undefined || !rng.chance(0.6)) {
        if (
          discharged !== undefined &&
          Math.floor(discharged / 1440) <= ctx.extract &&
          outcome.spell.dischargeMethod !== '4'
        ) {
          closeReferral(Math.floor(discharged / 1440), 'TREATED', 'Treatment complete');
        } else if (outcome.spell.dischargeMethod === '4') closeReferral(core.dod!, 'DIED', 'Patient died');
        break;
      }
      if (outcome.spell.dischargeMethod === '4') {
        closeReferral(core.dod!, 'DIED', 'Patient died');
        break;
      }
      // Post-operative review.
      const dday = Math.floor(discharged / 1440);
      wanted = dday + rng.int(28, 56);
      bookedOn = dday;
      kind = 'FU';
      followUps++;
      continue;
    }
    // Follow-up: booked now (outcome 2), or later from the follow-up waiting list (outcome 3).
    kind = 'FU';
    followUps++;
    const interval = rng.pick([28, 42, 56, 91, 182, 365]);
    if (rng.chance(0.55) || interval <= 56) {
      appt.outcome = '2';
      wanted = day + interval;
      bookedOn = day;
    } else {
      appt.outcome = '3';
      const target = day + interval;
      const fuWait: OpWaitFact = {
        id: ctx.ids.next('opWait'),
        referralId: referral.id,
        listType: 'FU',
        added: day,
        target,
        priority,
        specialty: tf.tfc,
        consultantId: consultant.id,
        clinicId: clinic.id,
        siteId: clinic.siteId,
        status: 'W',
        partialBooking: rng.chance(0.7),
        suspensions: [],
      };
      rows.opWaits.push(fuWait);
      currentWait = fuWait;
      wanted = target - rng.int(0, 14);
      bookedOn = target - rng.int(14, 42);
      if (bookedOn > ctx.extract) {
        if (core.dod !== undefined && core.dod < bookedOn) {
          fuWait.status = 'C';
          fuWait.removed = core.dod;
          fuWait.removalReason = 'Patient died';
          died();
        }
        break;
      }
    }
  }
  if (referral.status === 'O' && core.dod !== undefined) died();
  if (pathway) {
    pathway.open = referral.status === 'O';
    pathway.end = pathway.open ? undefined : referral.discharged;
  }
  return rows;
}
