import {
  dayFromIso,
  randomInwardCode,
  type SeededRandom,
  type UkAddress,
  ukForename,
  ukLandline,
  ukSurname,
} from '@ferry/core';
import { type TreatmentFunction, treatmentFunctions } from './code-book.js';
import { cohortSettings } from './cohort-settings.js';
import { buildPractices, type PracticeRef } from './gp-practices.js';
import type { LocalCodes } from './local-codes.js';
import type { LocalCodeEntry } from './pack-model.js';
import { buildClinics } from './reference-clinics.js';
import { buildWards } from './reference-wards.js';

/** Reference data facts: what the trust's PAS is built with. Dates are day numbers. */
export interface SiteRef {
  id: number;
  code: string;
  ods: string;
  name: string;
  shortName: string;
  type: 'HOSP' | 'CLINIC' | 'COMM';
  kind: 'acute' | 'community' | 'treatment' | 'mental';
  address: UkAddress;
  phone: string;
  fax?: string;
  opened: number;
}

export interface SpecialtyRef {
  id: number;
  /** Local specialty code (the treatment_function crosswalk's local code). */
  code: string;
  name: string;
  tfc: string;
  division: string;
  rtt: boolean;
  paediatric: boolean;
  active: boolean;
  start: number;
  end?: number;
  /** Clinical content when the trust runs activity under it. */
  content?: TreatmentFunction;
}

export interface StaffRef {
  id: number;
  code: string;
  nationalCode?: string;
  gmc?: string;
  /** CONS, JUNIOR, NURSE, AHP, ADMIN. */
  type: string;
  title: string;
  surname: string;
  forename: string;
  initials: string;
  /** National main specialty. */
  mainSpecialty?: string;
  /** Treatment function the clinician works in. */
  tfc?: string;
  jobTitle: string;
  email: string;
  phone: string;
  start: number;
  end?: number;
  active: boolean;
  pager?: string;
  secretary?: string;
  room?: string;
  /** Legacy login, used on audit columns. */
  login: string;
}

export interface WardRef {
  id: number;
  code: string;
  name: string;
  siteId: number;
  /** MED, SURG, PAED, MH, DC, COE. */
  type: string;
  beds: number;
  sex: 'M' | 'F' | 'X';
  tfc?: string;
  mh: boolean;
  dayCase: boolean;
  phone: string;
  active: boolean;
  opened: number;
  closed?: number;
  sister: string;
}

export interface ClinicRef {
  id: number;
  index: number;
  code: string;
  name: string;
  siteId: number;
  consultantId: number;
  tfc: string;
  /** NEW, FU, MIXED. */
  type: string;
  slotMins: number;
  newSlots: number;
  fuSlots: number;
  ebooking: boolean;
  location: string;
  start: number;
  comments?: string;
  letterTemplate: string;
  /** 0 Monday ... 4 Friday. */
  weekday: number;
  amPm: 'AM' | 'PM';
  cadenceWeeks: number;
  phaseWeeks: number;
}

export interface ReferenceData {
  sites: SiteRef[];
  specialties: SpecialtyRef[];
  staff: StaffRef[];
  wards: WardRef[];
  clinics: ClinicRef[];
  practicesByTown: Map<string, PracticeRef[]>;
  allPractices: PracticeRef[];
  /** Local specialty code of a treatment function. */
  specialtyCode: Map<string, string>;
  /** Treatment functions the trust runs activity under. */
  activeFunctions: TreatmentFunction[];
  consultantsByTfc: Map<string, StaffRef[]>;
  clinicsByTfc: Map<string, ClinicRef[]>;
  wardsByTfc: Map<string, WardRef[]>;
  anaesthetists: StaffRef[];
  /** Active consultants with a national code (referrers for consultant-to-consultant referrals). */
  consultants: StaffRef[];
  nurses: StaffRef[];
  coders: StaffRef[];
  clerks: StaffRef[];
  staffById: Map<number, StaffRef>;
  siteById: Map<number, SiteRef>;
  wardById: Map<number, WardRef>;
  clinicById: Map<number, ClinicRef>;
}

const opened = dayFromIso('1998-04-01');

function site(
  id: number,
  code: string,
  ods: string,
  name: string,
  shortName: string,
  type: SiteRef['type'],
  kind: SiteRef['kind'],
  rng: SeededRandom,
  line1: string,
  line2: string,
  outward: string,
): SiteRef {
  return {
    id,
    code,
    ods,
    name,
    shortName,
    type,
    kind,
    opened: opened + rng.int(0, 3000),
    address: { line1, line2, town: 'Leeds', county: 'West Yorkshire', postcode: `${outward} ${randomInwardCode(rng)}` },
    phone: ukLandline(rng),
    fax: rng.chance(0.6) ? ukLandline(rng) : undefined,
  };
}

function buildSites(rng: SeededRandom): SiteRef[] {
  const t = cohortSettings.trustCode;
  return [
    site(
      1,
      'SOGH',
      `${t}01`,
      "St Oswald's General Hospital",
      'St Oswalds',
      'HOSP',
      'acute',
      rng,
      'Infirmary Lane',
      'Headingley',
      'LS6',
    ),
    site(
      2,
      'KCH',
      `${t}02`,
      'Kirkgate Community Hospital',
      'Kirkgate',
      'COMM',
      'community',
      rng,
      '14 Kirkgate',
      'Armley',
      'LS12',
    ),
    site(
      3,
      'MTC',
      `${t}03`,
      'Moorside Treatment Centre',
      'Moorside TC',
      'CLINIC',
      'treatment',
      rng,
      'Moorside Road',
      'Seacroft',
      'LS14',
    ),
    site(
      4,
      'AVMH',
      `${t}04`,
      'Aire Valley Mental Health Unit',
      'Aire Valley MHU',
      'HOSP',
      'mental',
      rng,
      'Valley Drive',
      'Kirkstall',
      'LS5',
    ),
  ];
}

function buildSpecialties(entries: readonly LocalCodeEntry[], rng: SeededRandom): SpecialtyRef[] {
  const content = new Map(treatmentFunctions.map((t) => [t.tfc, t]));
  return entries.map((e, i) => {
    const c = content.get(e.national);
    const retired = e.equivalence === 'inexact';
    return {
      id: 101 + i,
      code: e.local,
      name: c?.name ?? e.label,
      tfc: e.national,
      division: c?.division ?? (Number(e.national) < 300 ? 'Surgery' : 'Medicine'),
      rtt: !['650'].includes(e.national),
      paediatric: e.national === '420',
      active: !retired,
      start: dayFromIso('2001-04-01') + rng.int(0, 1500),
      end: retired ? dayFromIso('2016-03-31') : undefined,
      content: c,
    };
  });
}

const surgicalTitle = (rng: SeededRandom, sex: 'male' | 'female') =>
  sex === 'male' ? 'Mr' : rng.pick(['Miss', 'Ms', 'Mrs']);

/** Builds every reference table of the trust. `scale` (patients) sizes the staff and the clinic build. */
export function buildReferenceData(
  rng: SeededRandom,
  codes: LocalCodes,
  tfcEntries: readonly LocalCodeEntry[],
  patients: number,
): ReferenceData {
  const sites = buildSites(rng.derive('sites'));
  const specialties = buildSpecialties(tfcEntries, rng.derive('specialties'));
  const specialtyCode = new Map<string, string>();
  for (const s of specialties) if (s.active && !specialtyCode.has(s.tfc)) specialtyCode.set(s.tfc, s.code);
  const mainSpecialtyOf = (t: TreatmentFunction) =>
    codes.has('main_specialty', t.mainSpecialty)
      ? t.mainSpecialty
      : t.mainSpecialtyFallback && codes.has('main_specialty', t.mainSpecialtyFallback)
        ? t.mainSpecialtyFallback
        : undefined;
  const activeFunctions = treatmentFunctions.filter(
    (t) => specialtyCode.has(t.tfc) && mainSpecialtyOf(t) !== undefined,
  );

  const staff: StaffRef[] = [];
  const staffRng = rng.derive('staff');
  const logins = new Set<string>();
  let nextStaffId = 5000;
  const addStaff = (
    type: string,
    mainSpecialty: string | undefined,
    tfc: string | undefined,
    jobTitle: string,
    surgical: boolean,
    left = false,
  ): StaffRef => {
    const sex = staffRng.chance(0.48) ? 'female' : 'male';
    const forename = ukForename(staffRng, sex, staffRng.int(1958, 1994));
    const surname = ukSurname(staffRng);
    nextStaffId += staffRng.int(1, 3);
    const id = nextStaffId;
    const letters = surname.toUpperCase().replace(/[^A-Z]/g, '');
    let login = `${forename[0]!.toLowerCase()}${letters.toLowerCase().slice(0, 7)}`;
    for (let n = 2; logins.has(login); n++)
      login = `${forename[0]!.toLowerCase()}${letters.toLowerCase().slice(0, 7)}${n}`;
    logins.add(login);
    const doctor = type === 'CONS' || type === 'JUNIOR';
    const gmc = doctor ? String(staffRng.int(1_000_000, 7_999_999)) : undefined;
    const title = doctor
      ? type === 'CONS' && surgical
        ? surgicalTitle(staffRng, sex)
        : 'Dr'
      : sex === 'male'
        ? 'Mr'
        : staffRng.pick(['Mrs', 'Ms', 'Miss']);
    const start = dayFromIso('1995-01-01') + staffRng.int(0, 7000);
    const s: StaffRef = {
      id,
      code: `${letters.slice(0, 5)}${forename[0]}${String(staff.length + 1).padStart(2, '0')}`,
      nationalCode: type === 'CONS' ? `C${gmc}` : undefined,
      gmc,
      type,
      title,
      surname,
      forename,
      initials: `${forename[0]}${staffRng.chance(0.5) ? ukForename(staffRng, sex, 1970)[0] : ''}`,
      mainSpecialty,
      tfc,
      jobTitle,
      email: `${forename.toLowerCase()}.${letters.toLowerCase()}${staffRng.int(1, 9)}@nhs.example.net`,
      phone: ukLandline(staffRng),
      start: Math.min(start, cohortSettings.activityStartDay - 30),
      end: left ? dayFromIso('2016-01-01') + staffRng.int(0, 700) : undefined,
      active: !left,
      pager: doctor && staffRng.chance(0.6) ? String(staffRng.int(1000, 9999)) : undefined,
      secretary:
        type === 'CONS' && staffRng.chance(0.7)
          ? `${ukForename(staffRng, 'female', 1975)} ${ukSurname(staffRng)}`
          : undefined,
      room: staffRng.chance(0.4)
        ? `${staffRng.pick(['A', 'B', 'C'])}${staffRng.int(1, 3)}.${staffRng.int(10, 60)}`
        : undefined,
      login,
    };
    staff.push(s);
    return s;
  };

  const perTfc = Math.max(2, Math.min(14, Math.ceil(patients / 6000)));
  const consultantsByTfc = new Map<string, StaffRef[]>();
  for (const t of activeFunctions) {
    const list: StaffRef[] = [];
    const surgical = Number(t.tfc) < 300 || t.tfc === '502';
    for (let i = 0; i < perTfc; i++)
      list.push(addStaff('CONS', mainSpecialtyOf(t), t.tfc, `Consultant in ${t.name}`, surgical));
    consultantsByTfc.set(t.tfc, list);
  }
  const anaesthetists = codes.has('main_specialty', '190')
    ? Array.from({ length: Math.max(2, Math.ceil(perTfc / 2)) }, () =>
        addStaff('CONS', '190', undefined, 'Consultant Anaesthetist', false),
      )
    : [];
  for (let i = 0; i < 3; i++)
    addStaff(
      'CONS',
      mainSpecialtyOf(activeFunctions[i % activeFunctions.length]!),
      undefined,
      'Consultant (retired)',
      false,
      true,
    );
  for (let i = 0; i < perTfc; i++)
    addStaff(
      'JUNIOR',
      undefined,
      undefined,
      staffRng.pick(['Specialty Registrar', 'Foundation Doctor', 'Core Trainee']),
      false,
    );
  const nurseSpec = codes.has('main_specialty', '950') ? '950' : undefined;
  const nurses = Array.from({ length: Math.max(3, perTfc) }, () =>
    addStaff(
      'NURSE',
      nurseSpec,
      undefined,
      staffRng.pick(['Community Psychiatric Nurse', 'Clinical Nurse Specialist', 'Ward Manager']),
      false,
    ),
  );
  const ahpSpec = codes.has('main_specialty', '960') ? '960' : undefined;
  for (let i = 0; i < 2; i++)
    addStaff('AHP', ahpSpec, undefined, staffRng.pick(['Physiotherapist', 'Occupational Therapist']), false);
  const coders = Array.from({ length: 4 }, () => addStaff('ADMIN', undefined, undefined, 'Clinical Coder', false));
  const clerks = Array.from({ length: 10 }, () =>
    addStaff(
      'ADMIN',
      undefined,
      undefined,
      staffRng.pick([
        'Medical Secretary',
        'Ward Clerk',
        'Outpatient Receptionist',
        'Waiting List Coordinator',
        'Health Records Officer',
      ]),
      false,
    ),
  );

  const wards = buildWards(rng.derive('wards'), sites, specialtyCode);
  const clinics = buildClinics(rng.derive('clinics'), activeFunctions, consultantsByTfc, specialtyCode, patients);

  const wardsByTfc = new Map<string, WardRef[]>();
  for (const w of wards) {
    if (!w.active || !w.tfc) continue;
    const l = wardsByTfc.get(w.tfc);
    if (l) l.push(w);
    else wardsByTfc.set(w.tfc, [w]);
  }
  const clinicsByTfc = new Map<string, ClinicRef[]>();
  for (const c of clinics) {
    const l = clinicsByTfc.get(c.tfc);
    if (l) l.push(c);
    else clinicsByTfc.set(c.tfc, [c]);
  }
  const practicesByTown = buildPractices(rng.derive('practices'));
  return {
    sites,
    specialties,
    staff,
    wards,
    clinics,
    practicesByTown,
    allPractices: [...practicesByTown.values()].flat(),
    specialtyCode,
    activeFunctions,
    consultants: staff.filter((s) => s.type === 'CONS' && s.nationalCode && s.active),
    consultantsByTfc,
    clinicsByTfc,
    wardsByTfc,
    anaesthetists,
    nurses,
    coders,
    clerks,
    staffById: new Map(staff.map((s) => [s.id, s])),
    siteById: new Map(sites.map((s) => [s.id, s])),
    wardById: new Map(wards.map((w) => [w.id, w])),
    clinicById: new Map(clinics.map((c) => [c.id, c])),
  };
}
