import type { PatientScope } from './build-context.js';
import type { MergeFact, PatientCore, PatientFacts } from './cohort-facts.js';
import type { PatientNumbers } from './patient-numbers.js';

const mergeReasons = [
  'Duplicate registration',
  'Registered twice at A&E',
  'Duplicate created by interface',
  'Baby registered before naming',
];

/** The merged-away record of a patient: registered earlier under another hospital number, sometimes without the NHS number. */
function mergedAwayRecord(scope: PatientScope, numbers: PatientNumbers, survivor: PatientCore): PatientCore {
  const { rng, ctx } = scope;
  const registered = Math.max(survivor.dob, survivor.registered - rng.int(0, 2000));
  return {
    ...survivor,
    id: ctx.ids.next('patient'),
    recStatus: 'M',
    hospitalNumber: numbers.nextHospitalNumber(),
    nhsNumber: rng.chance(0.6) ? survivor.nhsNumber : undefined,
    nhsStatus: rng.chance(0.6) && survivor.nhsNumber ? survivor.nhsStatus : '03',
    middleNames: rng.chance(0.5) ? undefined : survivor.middleNames,
    knownAs: undefined,
    homePhone: rng.chance(0.5) ? survivor.homePhone : undefined,
    email: undefined,
    registered,
    created: registered * 1440 + rng.int(8 * 60, 20 * 60),
    comment: undefined,
    mergedInto: survivor.id,
    lastTraced: undefined,
    dod: undefined,
    deathPlace: undefined,
  };
}

/**
 * Merges a duplicate record into the patient: the duplicate stays in PATIENT with REC_STATUS M and MERGED_INTO, the
 * merge is a PAT_MERGE row, and its hospital number becomes an OLDHN identifier of the survivor.
 */
export function addMerge(scope: PatientScope, numbers: PatientNumbers, facts: PatientFacts): void {
  const { rng, ctx } = scope;
  const core = facts.core;
  const minor = mergedAwayRecord(scope, numbers, core);
  const lastDay = Math.min(core.dod ?? ctx.extract, ctx.extract);
  const from = Math.max(minor.registered, core.registered);
  const mergeDay = from + rng.int(1, Math.max(1, lastDay - from));
  const merge: MergeFact = {
    id: ctx.ids.next('merge'),
    minor,
    at: Math.min(mergeDay, lastDay) * 1440 + rng.int(8 * 60, 18 * 60),
    by: rng.pick(ctx.ref.clerks).login,
    reason: rng.pick(mergeReasons),
    unmerged: false,
  };
  facts.merges.push(merge);
  facts.identifiers.push({
    id: ctx.ids.next('ident'),
    type: 'OLDHN',
    value: minor.hospitalNumber,
    issuer: 'R9Z',
    primary: false,
    from: minor.registered,
    to: Math.floor(merge.at / 1440),
  });
}
