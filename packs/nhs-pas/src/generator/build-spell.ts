import type { SeededRandom } from '@ferry/core';
import type { PatientScope } from './build-context.js';
import type { TreatmentFunction } from './code-book.js';
import type { ClinicalCodeFact, EpisodeFact, SpellFact, WardStayFact } from './cohort-facts.js';
import type { ReferenceData, StaffRef, WardRef } from './reference-data.js';

/** Comorbidities coded as secondary diagnoses of older patients. */
const comorbidities: ReadonlyArray<readonly [string, string]> = [
  ['I10.X', 'Essential hypertension'],
  ['E11.9', 'Type 2 diabetes'],
  ['J44.9', 'Chronic obstructive pulmonary disease'],
  ['I48.9', 'Atrial fibrillation'],
  ['N18.3', 'Chronic kidney disease stage 3'],
  ['F03.X', 'Dementia'],
  ['E78.0', 'Hypercholesterolaemia'],
  ['Z86.7', 'Personal history of circulatory disease'],
  ['Z87.8', 'Personal history of other specified conditions'],
  ['F17.1', 'Harmful use of tobacco'],
];

const transferReasons = [
  'Clinical need',
  'Bed management',
  'Step down to rehabilitation',
  'Infection control',
  'Moved to specialist ward',
];
const spellComments = [
  'Transport home booked',
  'Family informed of admission',
  'Interpreter used on admission',
  'Property list completed',
  'Discharge letter sent to GP',
];

/** What a caller decides about an admission before its episodes, ward stays and coding are built. */
export interface SpellPlan {
  admitted: number;
  /** Minute of discharge; undefined while the patient is still in (the spell is open at the extract date). */
  discharged?: number;
  method: string;
  source: string;
  classification: string;
  intendedManagement: string;
  adminCategory: string;
  dta?: number;
  ipWaitId?: number;
  tf: TreatmentFunction;
  consultant: StaffRef;
  dischargeMethod?: string;
  dischargeDestination?: string;
  /** OPCS-4 codes planned (elective), coded first. */
  plannedProcedures?: ReadonlyArray<readonly [string, string]>;
  generalAnaesthetic?: boolean;
  emergency: boolean;
  rttStatus?: string;
  rttAction?: string;
  referrerCode?: string;
  referrerOrg?: string;
  /** Wards to use (mental health); otherwise chosen by treatment function. */
  wards?: readonly WardRef[];
  dayCase?: boolean;
  /** Patient's stated gender (national), to keep single-sex wards single-sex. */
  sex: string;
}

/** True when a patient of this stated gender may be on this ward. */
export function wardFits(ward: WardRef, sex: string): boolean {
  return ward.sex === 'X' || (ward.sex === 'M' && sex === '1') || (ward.sex === 'F' && sex === '2');
}

/**
 * Wards a patient can be admitted to under a treatment function: its own wards of the right kind (day case or
 * not), else the general day units (DSU for surgery, MDU for medicine) or the general wards of its division.
 */
export function wardsFor(ref: ReferenceData, tf: TreatmentFunction, dayCase: boolean, sex: string): WardRef[] {
  const fits = (w: WardRef) => w.active && !w.mh && wardFits(w, sex) && w.dayCase === dayCase;
  const own = (ref.wardsByTfc.get(tf.tfc) ?? []).filter(fits);
  if (own.length) return own;
  const surgical = Number(tf.tfc) < 300 || tf.tfc === '502';
  if (dayCase) {
    const unit = ref.wards.filter((w) => fits(w) && w.code === (surgical ? 'DSU' : 'MDU'));
    if (unit.length) return unit;
  }
  const general = ref.wards.filter((w) => fits(w) && (surgical ? w.type === 'SURG' : w.type === 'MED'));
  return general.length ? general : ref.wards.filter(fits);
}

function pickWard(scope: PatientScope, plan: SpellPlan, tf: TreatmentFunction): WardRef {
  const { rng, ctx } = scope;
  if (plan.wards?.length) {
    const mh = plan.wards.filter((w) => w.active && wardFits(w, plan.sex));
    return rng.pick(mh.length ? mh : plan.wards);
  }
  return rng.pick(wardsFor(ctx.ref, tf, Boolean(plan.dayCase), plan.sex));
}

function bedFor(rng: SeededRandom, ward: WardRef): string {
  if (ward.dayCase) return `C${rng.int(1, ward.beds)}`;
  return rng.chance(0.15)
    ? `SR${rng.int(1, 6)}`
    : `B${rng.int(1, Math.ceil(ward.beds / 6))}-${String(rng.int(1, 6)).padStart(2, '0')}`;
}

function codeList(
  scope: PatientScope,
  tf: TreatmentFunction,
  episodeStart: number,
  age: number,
  codedOn: number,
): ClinicalCodeFact[] {
  const { rng, ctx } = scope;
  const coder = rng.pick(ctx.ref.coders).login;
  const out: ClinicalCodeFact[] = [];
  const primary = rng.pick(tf.diagnoses);
  out.push({
    id: ctx.ids.next('diagnosis'),
    scheme: 'ICD10',
    code: primary[0],
    seq: 1,
    description: primary[1],
    codedBy: coder,
    codedOn,
    day: Math.floor(episodeStart / 1440),
  });
  const extra = age > 50 ? rng.int(0, 4) : rng.chance(0.3) ? 1 : 0;
  const used = new Set([primary[0]]);
  for (let i = 0; i < extra; i++) {
    const c = rng.pick(comorbidities);
    if (used.has(c[0])) continue;
    used.add(c[0]);
    out.push({
      id: ctx.ids.next('diagnosis'),
      scheme: 'ICD10',
      code: c[0],
      seq: out.length + 1,
      description: c[1],
      codedBy: coder,
      codedOn,
    });
  }
  return out;
}

/**
 * Builds an admission: one to three consultant episodes that are contiguous and exactly cover the spell, each
 * with one or two ward stays that exactly cover the episode, and coding on finished, coded episodes.
 */
export function buildSpell(scope: PatientScope, plan: SpellPlan, age: number): SpellFact {
  const { rng, ctx } = scope;
  const id = ctx.ids.next('spell');
  const end = plan.discharged;
  const stayMinutes = (end ?? ctx.extract * 1440 + 12 * 60) - plan.admitted;
  const longStay = stayMinutes >= 2 * 1440;
  const nEpisodes = longStay && rng.chance(0.2) ? (rng.chance(0.85) ? 2 : 3) : 1;
  const bounds = [plan.admitted];
  for (let i = 1; i < nEpisodes; i++) {
    const prev = bounds[i - 1]!;
    const remaining = plan.admitted + stayMinutes - prev;
    bounds.push(prev + Math.min(remaining - 60, Math.max(60, Math.floor(remaining * rng.next() * 0.6))));
  }
  const finished = end !== undefined;
  const dischargedDay = finished ? Math.floor(end / 1440) : undefined;
  const episodes: EpisodeFact[] = [];
  let ward = pickWard(scope, plan, plan.tf);
  const admissionWard = ward;
  for (let e = 0; e < nEpisodes; e++) {
    const start = bounds[e]!;
    const last = e === nEpisodes - 1;
    const epEnd = last ? end : bounds[e + 1];
    let tf = plan.tf;
    let consultant = plan.consultant;
    if (e > 0) {
      const elderly = ctx.ref.consultantsByTfc.get('430');
      if (age >= 75 && elderly && !plan.wards && tf.tfc !== '430' && rng.chance(0.6)) {
        tf = ctx.ref.activeFunctions.find((t) => t.tfc === '430')!;
        consultant = rng.pick(elderly);
        ward = pickWard(scope, { ...plan, wards: undefined }, tf);
      } else {
        consultant = rng.pick(ctx.ref.consultantsByTfc.get(tf.tfc)!);
      }
    }
    const episodeId = ctx.ids.next('episode');
    // Ward stays: sometimes a move half-way through the episode.
    const wardStays: WardStayFact[] = [];
    const epMinutes = (epEnd ?? ctx.extract * 1440 + 12 * 60) - start;
    const cut =
      epMinutes >= 1440 && rng.chance(0.25) ? start + Math.floor(epMinutes * (0.2 + 0.6 * rng.next())) : undefined;
    const stays =
      cut === undefined
        ? [[start, epEnd]]
        : [
            [start, cut],
            [cut, epEnd],
          ];
    stays.forEach(([s, t], k) => {
      if (k > 0) ward = pickWard(scope, plan, tf);
      wardStays.push({
        id: ctx.ids.next('wardStay'),
        wardId: ward.id,
        bed: bedFor(rng, ward),
        start: s!,
        end: t,
        leave: false,
        awol: false,
        transferReason: k > 0 || (e > 0 && wardStays.length === 0) ? rng.pick(transferReasons) : undefined,
      });
    });
    const episodeFinished = epEnd !== undefined;
    const epEndDay = episodeFinished ? Math.floor(epEnd / 1440) : undefined;
    const coded =
      episodeFinished && epEndDay! <= ctx.extract - 14 ? rng.chance(0.96) : episodeFinished && rng.chance(0.3);
    const codedOn = coded ? Math.min(ctx.extract, (dischargedDay ?? epEndDay!) + rng.int(2, 30)) : 0;
    const diagnoses = coded ? codeList(scope, tf, start, age, codedOn) : [];
    const procedures: EpisodeFact['procedures'] = [];
    if (coded) {
      const planned = e === 0 ? (plan.plannedProcedures ?? []) : [];
      const list: Array<readonly [string, string]> = [...planned];
      if (!planned.length && tf.procedures.length && rng.chance(plan.emergency ? 0.35 : 0.5))
        list.push(rng.pick(tf.procedures));
      if (list.length && (tf.tfc === '130' || tf.tfc === '110') && rng.chance(0.6)) {
        list.push(rng.chance(0.5) ? ['Z94.2', 'Right sided operation'] : ['Z94.3', 'Left sided operation']);
      }
      const startDay = Math.floor(start / 1440);
      const coder = diagnoses[0]!.codedBy;
      list.forEach(([code, description], k) => {
        const day = Math.min(startDay + (plan.emergency && rng.chance(0.4) ? 1 : 0), epEndDay!);
        procedures.push({
          id: ctx.ids.next('procedure'),
          scheme: 'OPCS4',
          code,
          seq: k + 1,
          description,
          day,
          codedBy: coder,
          codedOn,
          operatorId: consultant.id,
          anaesthetistId:
            plan.generalAnaesthetic && ctx.ref.anaesthetists.length && !code.startsWith('Z')
              ? rng.pick(ctx.ref.anaesthetists).id
              : undefined,
        });
      });
    }
    episodes.push({
      id: episodeId,
      number: e + 1,
      start,
      end: epEnd,
      consultantId: consultant.id,
      mainSpecialty: consultant.mainSpecialty!,
      specialty: tf.tfc,
      siteId: ctx.ref.wardById.get(wardStays[0]!.wardId)!.siteId,
      team: `${ctx.ref.specialtyCode.get(tf.tfc)!.slice(0, 5)}-${consultant.surname.slice(0, 1).toUpperCase()}`,
      last,
      codingStatus: coded ? 'C' : episodeFinished && rng.chance(0.2) ? 'P' : 'U',
      wardStays,
      diagnoses,
      procedures,
    });
  }
  const lastStay = episodes[episodes.length - 1]!.wardStays.at(-1)!;
  const admittedDay = Math.floor(plan.admitted / 1440);
  return {
    id,
    recStatus: 'A',
    ipWaitId: plan.ipWaitId,
    spellNumber: `IP${String(id).slice(-8)}`,
    admitted: plan.admitted,
    method: plan.method,
    source: plan.source,
    classification: plan.classification,
    adminCategory: plan.adminCategory,
    intendedManagement: plan.intendedManagement,
    dta: plan.dta,
    consultantId: plan.consultant.id,
    specialty: plan.tf.tfc,
    siteId: admissionWard.siteId,
    admissionWardId: admissionWard.id,
    referrerCode: plan.referrerCode,
    referrerOrg: plan.referrerOrg,
    expectedDischarge:
      plan.classification === '1' && rng.chance(0.7)
        ? admittedDay + Math.max(1, Math.round(stayMinutes / 1440) + rng.int(-2, 2))
        : undefined,
    discharged: end,
    dischargeMethod: finished ? plan.dischargeMethod : '8',
    dischargeDestination: finished ? plan.dischargeDestination : '98',
    dischargeWardId: finished ? lastStay.wardId : undefined,
    rttStatus: plan.rttStatus,
    rttAction: plan.rttAction,
    comment: rng.chance(0.06) ? rng.pick(spellComments) : undefined,
    bedRequest: plan.emergency && rng.chance(0.6) ? `BR${rng.int(100000, 999999)}` : undefined,
    episodes,
  };
}
