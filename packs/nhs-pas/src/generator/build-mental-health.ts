import { ukForename, ukSurname } from '@ferry/core';
import { overlapsInpatient, type PatientScope } from './build-context.js';
import { buildSpell } from './build-spell.js';
import { mentalHealthTfc, treatmentFunctions } from './code-book.js';
import type { CpaFact, DetentionFact, PatientCore, SpellFact, TribunalFact } from './cohort-facts.js';

/** What a mental health episode of care produced. */
export interface MentalHealthRows {
  spell?: SpellFact;
  detentions: DetentionFact[];
  cpas: CpaFact[];
}

const otherTrusts = ['R9Y', 'R9X', 'R9W'];

/**
 * A mental health admission under the Mental Health Act: detained under section 2 (28 days) or 3 (six months),
 * section 2 converted to 3 for longer stays (a transfer row), some applications to a tribunal or the hospital
 * managers, and care under the care programme approach after discharge. Needs a mental health treatment function;
 * when the pack's crosswalk has none, patients are admitted under general medicine.
 */
export function buildMentalHealth(scope: PatientScope, core: PatientCore): MentalHealthRows {
  const { rng, ctx } = scope;
  const out: MentalHealthRows = { detentions: [], cpas: [] };
  const last = Math.min(scope.lastDay, ctx.extract);
  if (last - scope.firstDay < 30) return out;
  const tf =
    ctx.ref.activeFunctions.find((t) => t.tfc === mentalHealthTfc) ??
    ctx.ref.activeFunctions.find((t) => t.tfc === '300') ??
    treatmentFunctions[0]!;
  const consultant = rng.pick(ctx.ref.consultantsByTfc.get(tf.tfc)!);
  const day = scope.firstDay + rng.int(0, last - scope.firstDay - 1);
  const admitted = day * 1440 + rng.int(0, 1439);
  const los = Math.max(3, Math.min(240, Math.round(rng.exponential(35))));
  let discharged: number | undefined = (day + los) * 1440 + rng.int(9 * 60, 17 * 60);
  if (core.dod !== undefined && Math.floor(discharged / 1440) >= core.dod) return out;
  if (Math.floor(discharged / 1440) > ctx.extract) discharged = undefined;
  if (overlapsInpatient(scope, admitted, discharged ?? Number.POSITIVE_INFINITY)) return out;
  const mhWards = ctx.ref.wards.filter((w) => w.mh && w.active);
  const age = Math.floor((day - core.dob) / 365.25);
  const initialSection = rng.chance(0.65) ? '02' : rng.chance(0.6) ? '03' : '05';
  const tribunalDischarge = initialSection !== '05' && rng.chance(0.08);
  const spell = buildSpell(
    scope,
    {
      admitted,
      discharged,
      method: rng.chance(0.45) ? '25' : rng.chance(0.7) ? '21' : '2D',
      source: rng.chance(0.12) ? '39' : '19',
      classification: '1',
      intendedManagement: '1',
      adminCategory: '01',
      tf,
      consultant,
      dischargeMethod: tribunalDischarge ? '3' : '1',
      dischargeDestination: '19',
      emergency: true,
      wards: mhWards,
      sex: core.sex,
    },
    age,
  );
  scope.inpatient.push([admitted, discharged ?? Number.POSITIVE_INFINITY]);
  out.spell = spell;
  const ward = ctx.ref.wardById.get(spell.admissionWardId)!;
  const amhp = `${ukForename(rng, rng.chance(0.6) ? 'female' : 'male', rng.int(1965, 1990))} ${ukSurname(rng)}`;
  const end = discharged;
  const detention = (section: string, start: number, until: number | undefined): DetentionFact => {
    let expiry = section === '02' ? start + 28 * 1440 : section === '05' ? start + 72 * 60 : start + 182 * 1440;
    let renewed: number | undefined;
    if (section === '03') {
      // A section 3 is renewed rather than left to lapse while the patient stays in.
      const horizon = until ?? ctx.extract * 1440;
      while (expiry < horizon) {
        renewed = Math.floor(expiry / 1440) - rng.int(1, 14);
        expiry += 182 * 1440;
      }
    }
    const ends = until !== undefined ? Math.min(until, expiry) : expiry <= ctx.extract * 1440 ? expiry : undefined;
    return {
      id: ctx.ids.next('detention'),
      spellId: spell.id,
      section,
      start,
      expiry,
      end: ends,
      renewed,
      endReason:
        ends === undefined
          ? undefined
          : ends === expiry
            ? 'Section lapsed - remained informal'
            : 'Discharged by responsible clinician',
      clinicianId: consultant.id,
      amhp,
      siteId: ward.siteId,
      wardId: ward.id,
      status: ends === undefined ? 'A' : 'E',
      transfers: [],
      tribunals: [],
    };
  };
  let first = detention(initialSection, admitted + (initialSection === '05' ? rng.int(1, 3) * 1440 : 0), end);
  out.detentions.push(first);
  // Section 5(2) holding power becomes a section 2 after an assessment.
  if (initialSection === '05' && first.end !== undefined && (end === undefined || first.end < end)) {
    first.endReason = 'Assessed - detained under section 2';
    const next = detention('02', first.end, end);
    next.transfers.push({
      id: ctx.ids.next('mhTransfer'),
      day: Math.floor(first.end / 1440),
      type: 'SECT',
      fromSection: '05',
      toSection: '02',
      authorisedBy: amhp,
    });
    out.detentions.push(next);
    first = next;
  }
  // Section 2 converted to section 3 when the stay runs past 28 days.
  if (
    first.section === '02' &&
    (end === undefined || end - first.start > 28 * 1440) &&
    first.start + 21 * 1440 <= ctx.extract * 1440
  ) {
    const at = Math.min(first.start + rng.int(21, 27) * 1440, ctx.extract * 1440);
    first.end = at;
    first.endReason = 'Detained under section 3';
    first.status = 'E';
    const next = detention('03', at, end);
    next.transfers.push({
      id: ctx.ids.next('mhTransfer'),
      day: Math.floor(at / 1440),
      type: 'SECT',
      fromSection: '02',
      toSection: '03',
      authorisedBy: amhp,
    });
    out.detentions.push(next);
  }
  for (const d of out.detentions) {
    if (d.section === '05' || !rng.chance(0.35)) continue;
    const applied = Math.floor(d.start / 1440) + rng.int(2, 12);
    const until = Math.floor((d.end ?? ctx.extract * 1440) / 1440);
    if (applied > until || applied > ctx.extract) continue;
    const hearing = applied + (d.section === '02' ? rng.int(5, 7) : rng.int(14, 42));
    const t: TribunalFact = {
      id: ctx.ids.next('tribunal'),
      type: rng.chance(0.85) ? 'MHRT' : 'MGR',
      applied,
      appliedBy: rng.chance(0.8) ? 'PAT' : rng.chance(0.7) ? 'NR' : 'REF',
      hearing: hearing <= until ? hearing : undefined,
      comment: rng.chance(0.1) ? 'Solicitor instructed' : undefined,
    };
    if (t.hearing !== undefined) {
      t.outcome = tribunalDischarge && d === out.detentions.at(-1) ? 'DISCH' : rng.chance(0.8) ? 'UPHELD' : 'ADJ';
      t.outcomeDay = t.hearing;
    } else if (d.end !== undefined) {
      t.outcome = 'WDRAWN';
      t.outcomeDay = until;
    }
    d.tribunals.push(t);
  }
  if (rng.chance(0.04) && out.detentions.length) {
    const d = out.detentions.at(-1)!;
    d.transfers.push({
      id: ctx.ids.next('mhTransfer'),
      day: Math.floor(d.start / 1440) + 1,
      type: 'HOSP',
      fromOrg: rng.pick(otherTrusts),
      toOrg: ctx.ref.sites[0]!.ods.slice(0, 3),
      authorisedBy: amhp,
    });
  }
  if (discharged !== undefined && rng.chance(0.8)) {
    const start = Math.floor(discharged / 1440);
    const reviews: number[] = [];
    for (let r = start + 182; r <= ctx.extract && (core.dod === undefined || r < core.dod); r += 182) reviews.push(r);
    const ended = rng.chance(0.35) ? start + rng.int(365, 3 * 365) : undefined;
    const endDay =
      ended !== undefined && ended <= ctx.extract && (core.dod === undefined || ended < core.dod) ? ended : core.dod;
    out.cpas.push({
      id: ctx.ids.next('cpa'),
      level: rng.chance(0.7) ? 'CPA' : 'STD',
      start,
      end: endDay,
      endReason: endDay === undefined ? undefined : endDay === core.dod ? 'Patient died' : 'Discharged to GP care',
      coordinatorId: rng.pick(ctx.ref.nurses).id,
      team: rng.pick(['CMHT-N', 'CMHT-E', 'CMHT-W', 'EIP']),
      lastReview: reviews.filter((r) => endDay === undefined || r <= endDay).at(-1),
      nextReview: endDay === undefined ? (reviews.at(-1) ?? start) + 182 : undefined,
      s117: out.detentions.some((d) => d.section === '03'),
    });
  }
  return out;
}
