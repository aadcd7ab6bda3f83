import { type SeededRandom, ukAddress, WeightedTable } from '@ferry/core';
import { applyDefect } from './apply-defect.js';
import type { BuildContext, BuildNeeds, PatientScope } from './build-context.js';
import { buildEmergencySpell, emergencyCount } from './build-emergency.js';
import { buildMentalHealth } from './build-mental-health.js';
import { addMerge } from './build-merge.js';
import { buildPatientCore } from './build-patient-core.js';
import {
  buildAddresses,
  buildAlerts,
  buildAliases,
  buildAllergies,
  buildCasenotes,
  buildContacts,
  buildGpRegistrations,
  buildIdentifiers,
  buildNextOfKin,
} from './build-pmi-records.js';
import { buildReferral } from './build-referral.js';
import type { TreatmentFunction } from './code-book.js';
import type { AppointmentFact, PatientCore, PatientFacts, ReferralFact, SpellFact } from './cohort-facts.js';
import type { DefectKind, DefectRecord } from './defect-kinds.js';
import { defectKinds } from './defect-kinds.js';
import type { PatientNumbers } from './patient-numbers.js';

/** A built patient and the defects injected into it. */
export interface BuiltPatient {
  facts: PatientFacts;
  defects: DefectRecord[];
  /** False when the planned defect could not be carried (the planner moves it on). */
  carried: boolean;
}

/** What the cohort keeps between patients: the last clean patient, to copy for a duplicate. */
export interface CohortMemory {
  lastClean?: PatientCore;
}

function needsOf(kind: DefectKind | undefined): BuildNeeds {
  switch (kind) {
    case 'invalid_nhs_check_digit':
      return { nhsNumber: true };
    case 'discharge_before_admission':
      return { finishedSpell: true };
    case 'activity_after_death':
      return { deceasedWithGap: true, referral: true };
    case 'future_date_of_birth':
      return { noActivity: true };
    case 'orphan_child_row':
    case 'unmapped_local_code':
    case 'missing_mandatory_field':
    case 'malformed_date':
      return { referral: true };
    default:
      return {};
  }
}

function emptyFacts(core: PatientCore): PatientFacts {
  return {
    core,
    identifiers: [],
    aliases: [],
    addresses: [],
    contacts: [],
    nextOfKin: [],
    gpRegistrations: [],
    allergies: [],
    alerts: [],
    casenotes: [],
    merges: [],
    pathways: [],
    referrals: [],
    opWaits: [],
    appointments: [],
    ipWaits: [],
    spells: [],
    detentions: [],
    cpas: [],
  };
}

/** Yearly referral rate by age. */
function referralRate(age: number): number {
  if (age < 16) return 0.12;
  if (age < 45) return 0.16;
  if (age < 65) return 0.24;
  if (age < 80) return 0.36;
  return 0.4;
}

function referralFunctions(
  scope: PatientScope,
  core: PatientCore,
  day: number,
): WeightedTable<TreatmentFunction> | undefined {
  const age = (day - core.dob) / 365.25;
  const list = scope.ctx.ref.activeFunctions.filter(
    (t) =>
      t.tfc !== '710' &&
      (t.sex === undefined || t.sex === core.sex) &&
      age >= (t.minAge ?? (t.tfc === '420' ? 0 : 16)) &&
      age <= (t.maxAge ?? 120),
  );
  const usable = age < 16 ? list.filter((t) => t.tfc === '420' || t.tfc === '130' || t.tfc === '120') : list;
  return usable.length ? new WeightedTable(usable.map((t) => [t, t.weight] as const)) : undefined;
}

function addReferral(
  scope: PatientScope,
  facts: PatientFacts,
  tf: TreatmentFunction,
  received: number,
  opts: Parameters<typeof buildReferral>[4] = {},
): void {
  const rows = buildReferral(scope, facts.core, tf, received, opts);
  if (rows.pathway) facts.pathways.push(rows.pathway);
  facts.referrals.push(rows.referral);
  facts.opWaits.push(...rows.opWaits);
  facts.appointments.push(...rows.appointments);
  facts.ipWaits.push(...rows.ipWaits);
  facts.spells.push(...rows.spells);
}

function buildActivity(scope: PatientScope, facts: PatientFacts): void {
  const { rng, ctx } = scope;
  const core = facts.core;
  const last = Math.min(scope.lastDay, ctx.extract);
  if (last <= scope.firstDay) return;
  const years = (last - scope.firstDay) / 365.25;
  const midAge = ((scope.firstDay + last) / 2 - core.dob) / 365.25;
  let n = rng.poisson(referralRate(midAge) * years);
  if (scope.needs.referral && n === 0) n = 1;
  const days = Array.from({ length: n }, () => scope.firstDay + rng.int(0, last - scope.firstDay)).sort(
    (a, b) => a - b,
  );
  for (const received of days) {
    const functions = referralFunctions(scope, core, received);
    if (functions)
      addReferral(scope, facts, functions.pick(rng), received, {
        forceAttend: scope.needs.referral && facts.referrals.length === 0,
      });
  }
  let emergencies = emergencyCount(scope, core);
  if ((scope.needs.spell || scope.needs.finishedSpell) && emergencies === 0) emergencies = 1;
  for (let i = 0; i < emergencies; i++) {
    const spell = buildEmergencySpell(scope, core, { finished: scope.needs.finishedSpell });
    if (!spell) continue;
    facts.spells.push(spell);
    // Some emergencies are followed up in clinic: a consultant referral outside RTT.
    const day = Math.floor((spell.discharged ?? Number.POSITIVE_INFINITY) / 1440);
    if (day < last - 14 && rng.chance(0.15)) {
      const tf = ctx.ref.activeFunctions.find((t) => t.tfc === spell.specialty && t.tfc !== '710');
      if (tf) addReferral(scope, facts, tf, day + rng.int(1, 10), { nonRtt: true, source: '01' });
    }
  }
  if (scope.needs.finishedSpell && !facts.spells.some((s) => s.discharged !== undefined)) {
    const spell = buildEmergencySpell(scope, core, {
      finished: true,
      day: Math.max(scope.firstDay, last - rng.int(30, 400)),
    });
    if (spell) facts.spells.push(spell);
  }
  const age = (last - core.dob) / 365.25;
  if (age >= 18 && age <= 75 && rng.chance(0.007)) {
    const mh = buildMentalHealth(scope, core);
    if (mh.spell) facts.spells.push(mh.spell);
    facts.detentions.push(...mh.detentions);
    facts.cpas.push(...mh.cpas);
  }
  if (core.dod !== undefined && core.dod - scope.firstDay > 3 && !scope.needs.deceasedWithGap && rng.chance(0.45)) {
    const spell = buildEmergencySpell(scope, core, { diesOnDay: core.dod });
    if (spell) {
      facts.spells.push(spell);
      core.deathPlace = ctx.ref.siteById.get(spell.siteId)!.name;
    }
  }
  // The odd row entered in error and deleted in legacy (out of scope, with no children).
  if (rng.chance(0.005) && facts.referrals.length) {
    const r = facts.referrals[facts.referrals.length - 1]!;
    const copy: ReferralFact = {
      ...r,
      id: ctx.ids.next('referral'),
      recStatus: 'D',
      pathwayId: undefined,
      status: 'X',
      comment: 'Entered in error',
    };
    facts.referrals.push(copy);
  }
  if (rng.chance(0.002) && facts.spells.length) {
    const s = facts.spells[0]!;
    const copy: SpellFact = {
      ...s,
      id: ctx.ids.next('spell'),
      recStatus: 'D',
      ipWaitId: undefined,
      spellNumber: `IP${ctx.ids.next('spell')}`,
      episodes: [],
      comment: 'Entered in error',
    };
    facts.spells.push(copy);
  }
}

function deathPlaceFor(rng: SeededRandom): string | undefined {
  return rng.chance(0.15)
    ? undefined
    : new WeightedTable([
        ['Home', 50],
        ['Nursing home', 25],
        ['Hospice', 20],
        ['Other hospital', 5],
      ] as const).pick(rng);
}

/** An appointment after the patient's death (a defect): the clinic of their last referral, which is closed. */
function appointmentAfterDeath(scope: PatientScope, facts: PatientFacts): AppointmentFact | undefined {
  const { rng, ctx } = scope;
  const core = facts.core;
  const referral = facts.referrals.filter((r) => r.recStatus === 'A').at(-1);
  if (!referral || core.dod === undefined) return undefined;
  const clinic = ctx.ref.clinicsByTfc.get(referral.specialty)![0]!;
  const booking = ctx.calendar.book(
    clinic.index,
    'FU',
    core.dod + rng.int(3, 20),
    Math.min(core.dod + 120, ctx.horizon),
  );
  if (!booking) return undefined;
  const consultant = ctx.ref.staffById.get(clinic.consultantId)!;
  const appt: AppointmentFact = {
    id: ctx.ids.next('appointment'),
    referralId: referral.id,
    recStatus: 'A',
    at: booking.at,
    booked: Math.min(core.dod - rng.int(1, 30), booking.day - 1),
    clinicId: clinic.id,
    sessionId: booking.sessionId,
    slotId: booking.slotId,
    siteId: clinic.siteId,
    consultantId: consultant.id,
    specialty: referral.specialty,
    mainSpecialty: consultant.mainSpecialty!,
    firstAttendance: '2',
    priority: referral.priority,
    bookingType: 'DB',
    attendance: booking.day > ctx.extract ? '0' : '3',
    adminCategory: referral.adminCategory,
    transport: false,
    letterPrinted: true,
    smsSent: false,
    coding: [],
  };
  return appt;
}

/**
 * Builds one patient (and, for merges, the merged-away record) with all their activity, and injects the planned
 * defect. Deleted patients (REC_STATUS D) have no other rows.
 */
export function buildPatient(
  ctx: BuildContext,
  numbers: PatientNumbers,
  index: number,
  kind: DefectKind | undefined,
  memory: CohortMemory,
  codesInUse: (codeType: string) => Set<string>,
): BuiltPatient {
  const rng = ctx.root.derive('patient', index);
  const needs = needsOf(kind);
  const id = ctx.ids.next('patient');
  const home = ukAddress(rng);
  const townPractices = ctx.ref.practicesByTown.get(home.town) ?? [];
  const practice =
    townPractices.length && rng.chance(0.97)
      ? rng.pick(townPractices)
      : rng.chance(0.5)
        ? rng.pick(ctx.ref.allPractices)
        : undefined;
  const scopeBase = { rng, ctx, needs, inpatient: [] as Array<[number, number]> };

  if (kind === 'duplicate_patient') {
    const original = memory.lastClean;
    if (!original)
      return {
        facts: emptyFacts(buildPatientCore({ ...scopeBase, firstDay: 0, lastDay: 0 }, numbers, id, { home, practice })),
        defects: [],
        carried: false,
      };
    const registered = Math.max(original.registered, ctx.extract - rng.int(10, 900));
    const core: PatientCore = {
      ...original,
      id,
      hospitalNumber: numbers.nextHospitalNumber(),
      registered,
      created: registered * 1440 + rng.int(8 * 60, 20 * 60),
      comment: undefined,
      knownAs: undefined,
      lastSeen: undefined,
      dod: undefined,
      deathPlace: undefined,
    };
    const facts = emptyFacts(core);
    const scope: PatientScope = { ...scopeBase, firstDay: registered, lastDay: ctx.horizon };
    facts.addresses = buildAddresses(scope, core, home);
    facts.contacts = buildContacts(scope, core);
    return {
      facts,
      defects: [{ sourceTable: 'PATIENT', sourceKey: String(id), defect: kind, expected: defectKinds[kind] }],
      carried: true,
    };
  }

  const core = buildPatientCore({ ...scopeBase, firstDay: 0, lastDay: 0 }, numbers, id, {
    home,
    practice,
    deceasedWithGap: needs.deceasedWithGap,
    newlyRegistered: needs.noActivity,
    nhsNumber: needs.nhsNumber,
  });
  const facts = emptyFacts(core);
  if (!kind && rng.chance(0.003)) {
    core.recStatus = 'D';
    core.comment = 'Test patient - delete';
    return { facts, defects: [], carried: true };
  }
  const scope: PatientScope = {
    ...scopeBase,
    firstDay: Math.max(ctx.activityStart, core.registered),
    lastDay: Math.min(core.dod ?? Number.POSITIVE_INFINITY, ctx.horizon),
  };
  facts.identifiers = buildIdentifiers(scope, core);
  facts.aliases = buildAliases(scope, core);
  facts.addresses = buildAddresses(scope, core, home);
  facts.contacts = buildContacts(scope, core);
  facts.nextOfKin = buildNextOfKin(scope, core, facts.addresses.find((a) => a.current && a.type === 'HOME')?.address);
  facts.gpRegistrations = buildGpRegistrations(scope, core, practice);
  facts.allergies = buildAllergies(scope, core);
  facts.alerts = buildAlerts(scope, core);
  if (!needs.noActivity) buildActivity(scope, facts);
  if (core.dod !== undefined && core.deathPlace === undefined) core.deathPlace = deathPlaceFor(rng);
  if (rng.chance(0.015) && !needs.noActivity) addMerge(scope, numbers, facts);
  const volumes = 1 + Math.floor((facts.appointments.length + facts.spells.length * 3) / 40);
  facts.casenotes = buildCasenotes(scope, core, volumes, facts.detentions.length > 0);
  const seen = [
    ...facts.appointments
      .filter((a) => a.attendance === '5' || a.attendance === '6')
      .map((a) => Math.floor(a.at / 1440)),
    ...facts.spells
      .filter((s) => s.discharged !== undefined && s.recStatus === 'A')
      .map((s) => Math.floor(s.discharged! / 1440)),
  ];
  if (seen.length) core.lastSeen = Math.max(...seen);

  const defects: DefectRecord[] = [];
  let carried = true;
  if (kind === 'activity_after_death') {
    const appt = appointmentAfterDeath(scope, facts);
    if (appt) {
      facts.appointments.push(appt);
      defects.push({ sourceTable: 'OP_APPT', sourceKey: String(appt.id), defect: kind, expected: defectKinds[kind] });
    } else carried = false;
  } else if (kind) {
    const d = applyDefect(scope, facts, kind, codesInUse);
    if (d) defects.push(d);
    else carried = false;
  }
  if (!kind && core.recStatus === 'A') memory.lastClean = core;
  return { facts, defects, carried };
}
