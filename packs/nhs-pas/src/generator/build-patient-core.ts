import {
  ageOn,
  dayFromIso,
  exampleEmail,
  type NameSex,
  type SeededRandom,
  type UkAddress,
  ukForename,
  ukLandline,
  ukMobile,
  ukSurname,
  weightedChoice,
  ymdFromDay,
} from '@ferry/core';
import type { PatientScope } from './build-context.js';
import {
  ethnicCodes,
  genderCodes,
  languageValues,
  nhsStatusWithNumber,
  nhsStatusWithoutNumber,
  occupations,
  religionValues,
} from './code-book.js';
import type { PatientCore } from './cohort-facts.js';
import type { PracticeRef } from './gp-practices.js';
import type { PatientNumbers } from './patient-numbers.js';

const ageBands: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[0, 4], 6],
  [[5, 15], 8],
  [[16, 29], 12],
  [[30, 44], 15],
  [[45, 59], 18],
  [[60, 74], 20],
  [[75, 89], 16],
  [[90, 101], 5],
];

const nicknames: Record<string, string> = {
  Robert: 'Bob',
  William: 'Bill',
  Margaret: 'Peggy',
  Elizabeth: 'Liz',
  Katherine: 'Kate',
  James: 'Jim',
  Michael: 'Mike',
  Christopher: 'Chris',
  Alexander: 'Alex',
  Jennifer: 'Jen',
  Victoria: 'Vicky',
  Thomas: 'Tom',
  Samuel: 'Sam',
  Daniel: 'Dan',
  Patricia: 'Pat',
  Kenneth: 'Ken',
  Anthony: 'Tony',
  Rebecca: 'Becky',
  Nicholas: 'Nick',
  Josephine: 'Jo',
  Frederick: 'Fred',
  Dorothy: 'Dot',
  Catherine: 'Cathy',
  Stephen: 'Steve',
  Matthew: 'Matt',
  Jonathan: 'Jon',
  Benjamin: 'Ben',
  Joseph: 'Joe',
};

const birthPlaces = [
  'Leeds',
  'Bradford',
  'Wakefield',
  'Halifax',
  'York',
  'Manchester',
  'London',
  'Glasgow',
  'Dublin',
  'Lahore',
  'Mirpur',
  'Krakow',
  'Kingston, Jamaica',
  'Lagos',
  'Hong Kong',
  'Sylhet',
];

const patientComments = [
  'Prefers morning appointments',
  'Hard of hearing - please speak clearly',
  'Wheelchair user, needs ground floor clinic',
  'Lives with daughter, who manages correspondence',
  'Requires hoist for transfers',
  'Large print letters please',
  'Carer attends all appointments',
  'Do not  phone before 10am',
];

/** Chance of having died before the extract date, by age at the extract date. */
function deathChance(age: number): number {
  if (age < 40) return 0.004;
  if (age < 60) return 0.015;
  if (age < 75) return 0.05;
  if (age < 90) return 0.12;
  return 0.25;
}

function maritalFor(rng: SeededRandom, age: number): string | undefined {
  if (age < 16) return rng.chance(0.3) ? 'S' : undefined;
  if (age < 25)
    return weightedChoice(rng, [
      ['S', 88],
      ['M', 8],
      ['N', 4],
    ]);
  if (age < 65)
    return weightedChoice(rng, [
      ['S', 30],
      ['M', 50],
      ['D', 10],
      ['P', 3],
      ['W', 2],
      ['N', 5],
    ]);
  return weightedChoice(rng, [
    ['S', 6],
    ['M', 50],
    ['D', 10],
    ['W', 28],
    ['N', 6],
  ]);
}

function titleFor(
  rng: SeededRandom,
  sexName: NameSex,
  sex: string,
  age: number,
  marital: string | undefined,
): string | undefined {
  if (rng.chance(0.03)) return undefined;
  if (sex === '9' || sex === 'X') return rng.chance(0.5) ? 'Mx' : undefined;
  if (age >= 25 && rng.chance(0.012)) return 'Dr';
  if (age >= 40 && rng.chance(0.002)) return 'Rev';
  if (sexName === 'male') return age < 16 ? (rng.chance(0.5) ? 'Master' : undefined) : 'Mr';
  if (age < 16) return rng.chance(0.6) ? 'Miss' : undefined;
  if (marital === 'M' || marital === 'W') return rng.chance(0.85) ? 'Mrs' : 'Ms';
  return rng.chance(0.55) ? 'Miss' : 'Ms';
}

function languageFor(rng: SeededRandom, ethnic: string | undefined): string {
  if (ethnic === 'J' && rng.chance(0.3)) return rng.chance(0.6) ? 'URDU' : 'PUNJABI';
  if (ethnic === 'K' && rng.chance(0.35)) return 'BENGALI';
  if (ethnic === 'H' && rng.chance(0.2)) return 'PUNJABI';
  if (ethnic === 'C' && rng.chance(0.3)) return rng.chance(0.6) ? 'POLISH' : 'ROMANIAN';
  if (ethnic === 'N' && rng.chance(0.2)) return rng.chance(0.5) ? 'SOMALI' : 'TIGRINYA';
  if (ethnic === 'R' && rng.chance(0.3)) return 'CANTONESE';
  return rng.chance(0.97) ? 'ENGLISH' : languageValues.pick(rng);
}

export interface CoreOptions {
  home: UkAddress;
  practice: PracticeRef | undefined;
  /** Force death (for a defect) at least this many days before the extract date. */
  deceasedWithGap?: boolean;
  /** Born within the last few years (for a defect patient without activity). */
  newlyRegistered?: boolean;
  nhsNumber?: boolean;
}

/** Builds the demographic core of a new patient. */
export function buildPatientCore(
  scope: PatientScope,
  numbers: PatientNumbers,
  id: number,
  opts: CoreOptions,
): PatientCore {
  const { rng, ctx } = scope;
  const extract = ctx.extract;
  const sex = genderCodes.pick(rng);
  const sexName: NameSex = sex === '1' ? 'male' : sex === '2' ? 'female' : rng.chance(0.5) ? 'male' : 'female';
  const [lo, hi] = weightedChoice(rng, ageBands);
  const age = opts.newlyRegistered ? rng.int(20, 60) : opts.deceasedWithGap ? rng.int(55, 95) : rng.int(lo, hi);
  const dob = extract - age * 365 - Math.floor(age / 4) - rng.int(1, 364);
  let dod: number | undefined;
  if (opts.deceasedWithGap) dod = extract - rng.int(60, 3 * 365);
  else if (!opts.newlyRegistered && rng.chance(deathChance(age))) {
    dod = extract - rng.int(1, Math.min(8 * 365, Math.max(2, (age - 1) * 365)));
  }
  if (dod !== undefined && dod <= dob) dod = undefined;
  const bornHere = dob >= dayFromIso('1996-01-01') && rng.chance(0.35);
  const lastAlive = dod ?? extract;
  const earliestRegistration = Math.max(dob, dayFromIso('1990-01-01'));
  const registered = opts.newlyRegistered
    ? extract - rng.int(5, 40)
    : bornHere
      ? dob
      : earliestRegistration + Math.floor(rng.next() ** 0.6 * Math.max(1, lastAlive - 1 - earliestRegistration));
  const birthYear = ymdFromDay(dob)[0];
  const forename = ukForename(rng, sexName, birthYear);
  let middleNames: string | undefined;
  if (rng.chance(0.45)) {
    const m = ukForename(rng, sexName, birthYear);
    if (m !== forename) middleNames = m;
  }
  const ethnic = ethnicCodes.pick(rng);
  const ageNow = ageOn(dob, lastAlive);
  const marital = maritalFor(rng, ageNow);
  const language = languageFor(rng, ethnic);
  const hasNhs = opts.nhsNumber || rng.chance(0.985);
  const nhsNumber = hasNhs ? numbers.nextNhsNumber() : undefined;
  // Babies under six weeks old are not traced yet (status 08).
  const nhsStatus =
    extract - dob < 42 && rng.chance(0.7)
      ? '08'
      : hasNhs
        ? nhsStatusWithNumber.pick(rng)
        : nhsStatusWithoutNumber.pick(rng);
  const practice = opts.practice;
  const gp = practice && rng.chance(0.92) ? rng.pick(practice.gps) : undefined;
  const homePhone = rng.chance(ageNow > 60 ? 0.85 : 0.45) ? ukLandline(rng) : undefined;
  const mobilePhone = ageNow >= 12 && rng.chance(ageNow > 80 ? 0.35 : 0.85) ? ukMobile(rng) : undefined;
  const surname = ukSurname(rng);
  const created = registered * 1440 + rng.int(8 * 60, 17 * 60);
  return {
    id,
    recStatus: 'A',
    hospitalNumber: numbers.nextHospitalNumber(),
    nhsNumber,
    nhsStatus,
    nhsStyle: rng.chance(0.3) ? 'spaced' : 'plain',
    title: titleFor(rng, sexName, sex, ageNow, marital),
    forename,
    middleNames,
    surname,
    knownAs: nicknames[forename] && rng.chance(0.25) ? nicknames[forename] : undefined,
    sex,
    dob,
    birthTime: bornHere ? dob * 1440 + rng.int(0, 1439) : undefined,
    ethnic,
    marital,
    religion: rng.chance(0.85) ? religionValues.pick(rng) : undefined,
    language,
    interpreter: language === 'ENGLISH' ? (rng.chance(0.9) ? false : undefined) : rng.chance(0.45),
    occupation: ageNow >= 18 && rng.chance(0.55) ? (ageNow >= 67 ? 'Retired' : rng.pick(occupations)) : undefined,
    birthPlace: bornHere ? "St Oswald's General Hospital" : rng.chance(0.3) ? rng.pick(birthPlaces) : undefined,
    dod,
    deathPlace: undefined,
    practiceCode: practice?.code ?? (rng.chance(0.5) ? 'V81997' : 'V81999'),
    gpCode: gp?.code,
    restricted: rng.chance(0.003),
    homePhone,
    mobilePhone,
    workPhone: ageNow >= 18 && ageNow < 67 && rng.chance(0.08) ? ukLandline(rng) : undefined,
    email: ageNow >= 16 && rng.chance(0.4) ? exampleEmail(rng, forename, surname) : undefined,
    overseas: rng.chance(0.9) ? undefined : rng.chance(0.95) ? 'N' : 'Y',
    lastTraced: nhsStatus === '01' ? Math.max(registered, extract - rng.int(1, 3 * 365)) : undefined,
    registered,
    comment: rng.chance(0.05) ? rng.pick(patientComments) : undefined,
    labelPrinted: rng.chance(0.8),
    created,
  };
}
