import { type UkAddress, ukAddress, ukForename, ukLandline, ukMobile, ukSurname, ymdFromDay } from '@ferry/core';
import type { PatientScope } from './build-context.js';
import type {
  AddressFact,
  AlertFact,
  AliasFact,
  AllergyFact,
  CasenoteFact,
  ContactFact,
  GpRegistrationFact,
  IdentifierFact,
  NextOfKinFact,
  PatientCore,
} from './cohort-facts.js';
import type { PracticeRef } from './gp-practices.js';

const allergens: ReadonlyArray<readonly [string, string, string, string]> = [
  // code, description, type, typical reaction
  ['PEN', 'Penicillin', 'DRUG', 'Rash'],
  ['AMOX', 'Amoxicillin', 'DRUG', 'Urticaria'],
  ['NSAID', 'Non-steroidal anti-inflammatory drugs', 'DRUG', 'Wheeze'],
  ['CODE', 'Codeine', 'DRUG', 'Nausea and vomiting'],
  ['MORPH', 'Morphine', 'DRUG', 'Itching'],
  ['TRIM', 'Trimethoprim', 'DRUG', 'Rash'],
  ['SULFA', 'Sulfonamides', 'DRUG', 'Rash, fever'],
  ['LATEX', 'Latex', 'ENV', 'Contact dermatitis'],
  ['ELAST', 'Elastoplast', 'ENV', 'Skin irritation'],
  ['PNUT', 'Peanuts', 'FOOD', 'Anaphylaxis'],
  ['SHELL', 'Shellfish', 'FOOD', 'Swelling of lips'],
  ['EGG', 'Egg', 'FOOD', 'Vomiting'],
  ['CHLOR', 'Chlorhexidine', 'OTHER', 'Rash'],
];

const alertTypes: ReadonlyArray<readonly [string, string, string, boolean]> = [
  // type, code, text, staff warning
  ['INFECT', 'MRSA', 'MRSA positive - isolate on admission', false],
  ['INFECT', 'CDIFF', 'History of C. difficile infection', false],
  ['INFECT', 'CPE', 'CPE contact - screen on admission', false],
  ['SAFEG', 'SGADULT', 'Adult safeguarding concern - see notes', false],
  ['SAFEG', 'SGCHILD', 'Child protection plan in place', false],
  ['VIOL', 'VIOL', 'Verbally aggressive to staff - two staff to attend', true],
  ['LD', 'LD', 'Learning disability - hospital passport held', false],
  ['DNACPR', 'DNACPR', 'DNACPR decision in place', false],
  ['OTHER', 'HOH', 'Profoundly deaf - BSL interpreter needed', false],
  ['OTHER', 'FALLS', 'High falls risk', false],
];

const relationships = {
  spouse: ['WIFE', 'HUSBAND', 'PARTNER'],
  adultChild: ['SON', 'DAUGHTER'],
  other: ['BROTHER', 'SISTER', 'FRIEND', 'NEIGHBOUR', 'NIECE', 'NEPHEW'],
};

const casenoteLocations = [
  'MR-LIB',
  'MR-LIB',
  'MR-LIB',
  'OPD-A',
  'OPD-B',
  'SEC-GSURG',
  'SEC-ORTHO',
  'CODING',
  'OFFSITE',
  'SCANNING',
];

function addressFact(
  scope: PatientScope,
  type: string,
  address: UkAddress,
  from: number,
  to: number | undefined,
): AddressFact {
  const { rng, ctx } = scope;
  return {
    id: ctx.ids.next('address'),
    type,
    address,
    postcodeStyle: rng.chance(0.12) ? 'compact' : rng.chance(0.03) ? 'lower' : 'spaced',
    from,
    to,
    current: to === undefined,
    confidential: rng.chance(0.004),
  };
}

/** Home address history: the current address, sometimes one or two earlier ones. Ends are exclusive of the next start. */
export function buildAddresses(scope: PatientScope, core: PatientCore, home: UkAddress): AddressFact[] {
  const { rng } = scope;
  if (core.restricted) return [];
  const end = core.dod ?? scope.ctx.extract;
  const moves = rng.chance(0.35) ? rng.int(1, 2) : 0;
  const starts: number[] = [core.registered];
  for (let i = 0; i < moves; i++) {
    const prev = starts[starts.length - 1]!;
    if (end - prev < 200) break;
    starts.push(prev + rng.int(90, end - prev - 1));
  }
  const out: AddressFact[] = [];
  for (let i = 0; i < starts.length; i++) {
    const last = i === starts.length - 1;
    out.push(
      addressFact(scope, 'HOME', last ? home : ukAddress(rng), starts[i]!, last ? undefined : starts[i + 1]! - 1),
    );
  }
  if (rng.chance(0.02)) {
    const from = Math.max(core.registered, end - rng.int(30, 400));
    const to = from + rng.int(7, 60);
    out.push(addressFact(scope, 'TEMP', ukAddress(rng), from, to < end ? to : undefined));
  }
  if (rng.chance(0.01))
    out.push(addressFact(scope, 'CORR', ukAddress(rng), core.registered + rng.int(0, 100), undefined));
  return out;
}

/** Telephone and e-mail contacts: one row per number or address the patient gave. */
export function buildContacts(scope: PatientScope, core: PatientCore): ContactFact[] {
  const { rng, ctx } = scope;
  const values: Array<[string, string]> = [];
  if (core.homePhone) values.push(['HOME', core.homePhone]);
  if (core.mobilePhone) values.push(['MOB', core.mobilePhone]);
  if (core.workPhone) values.push(['WORK', core.workPhone]);
  if (core.email) values.push(['EMAIL', core.email]);
  const preferred = values.length ? rng.int(0, values.length - 1) : -1;
  const out: ContactFact[] = values.map(([type, value], i) => ({
    id: ctx.ids.next('contact'),
    type,
    value,
    preferred: i === preferred,
    smsConsent: type === 'MOB' ? rng.chance(0.8) : undefined,
    emailConsent: type === 'EMAIL' ? rng.chance(0.7) : undefined,
    from: core.registered + rng.int(0, 30),
    comment: rng.chance(0.03)
      ? rng.pick(['Do not leave messages', 'Best after 6pm', 'Shared family phone'])
      : undefined,
  }));
  if (core.mobilePhone && rng.chance(0.15)) {
    out.unshift({
      id: ctx.ids.next('contact'),
      type: 'MOB',
      value: ukMobile(rng),
      preferred: false,
      smsConsent: false,
      from: core.registered,
      to: core.registered + rng.int(30, 900),
      comment: 'Old number',
    });
  }
  return out;
}

/** Next of kin and emergency contacts; parents with parental responsibility for children. */
export function buildNextOfKin(scope: PatientScope, core: PatientCore, home: UkAddress | undefined): NextOfKinFact[] {
  const { rng, ctx } = scope;
  const age = Math.floor((ctx.extract - core.dob) / 365.25);
  const out: NextOfKinFact[] = [];
  const person = (
    type: string,
    relationship: string,
    sex: 'male' | 'female',
    birthYear: number,
    sameHome: boolean,
    surname: string,
  ): NextOfKinFact => ({
    id: ctx.ids.next('nok'),
    type,
    relationship,
    surname,
    forename: ukForename(rng, sex, birthYear),
    title: sex === 'male' ? 'Mr' : rng.pick(['Mrs', 'Ms', 'Miss']),
    address: sameHome ? home : rng.chance(0.7) ? ukAddress(rng) : undefined,
    homePhone: sameHome ? core.homePhone : rng.chance(0.5) ? ukLandline(rng) : undefined,
    mobilePhone: rng.chance(0.75) ? ukMobile(rng) : undefined,
    workPhone: rng.chance(0.05) ? ukLandline(rng) : undefined,
    parentalResponsibility: age < 18 ? ['MOTHER', 'FATHER'].includes(relationship) : undefined,
    from: core.registered,
    comment: rng.chance(0.03) ? 'Lasting power of attorney for health and welfare' : undefined,
  });
  const birthYear = ymdFromDay(core.dob)[0];
  if (age < 18) {
    out.push(
      person(
        'NOK',
        'MOTHER',
        'female',
        birthYear - rng.int(20, 40),
        rng.chance(0.9),
        rng.chance(0.8) ? core.surname : ukSurname(rng),
      ),
    );
    if (rng.chance(0.55))
      out.push(
        person(
          'EMER',
          'FATHER',
          'male',
          birthYear - rng.int(20, 45),
          rng.chance(0.7),
          rng.chance(0.75) ? core.surname : ukSurname(rng),
        ),
      );
    return out;
  }
  if (!rng.chance(0.7)) return out;
  if (core.marital === 'M' && rng.chance(0.85)) {
    const female = core.sex === '1' ? rng.chance(0.97) : rng.chance(0.03);
    out.push(
      person(
        'NOK',
        female ? 'WIFE' : 'HUSBAND',
        female ? 'female' : 'male',
        birthYear + rng.int(-6, 6),
        true,
        core.surname,
      ),
    );
  } else if (age > 55 && rng.chance(0.7)) {
    const female = rng.chance(0.55);
    out.push(
      person(
        'NOK',
        female ? 'DAUGHTER' : 'SON',
        female ? 'female' : 'male',
        birthYear + rng.int(20, 38),
        false,
        rng.chance(0.6) ? core.surname : ukSurname(rng),
      ),
    );
  } else {
    const rel = rng.chance(0.3) ? rng.pick(relationships.spouse.slice(2)) : rng.pick(relationships.other);
    out.push(
      person(
        'NOK',
        rel,
        rng.chance(0.5) ? 'female' : 'male',
        birthYear + rng.int(-10, 10),
        rel === 'PARTNER',
        ukSurname(rng),
      ),
    );
  }
  if (age > 75 && rng.chance(0.2))
    out.push(person('CARER', 'CARER', 'female', rng.int(1960, 1995), false, ukSurname(rng)));
  return out;
}

/** Registrations with GP practices: the current one, sometimes an earlier one. */
export function buildGpRegistrations(
  scope: PatientScope,
  core: PatientCore,
  practice: PracticeRef | undefined,
): GpRegistrationFact[] {
  const { rng, ctx } = scope;
  if (!practice || core.restricted) return [];
  const out: GpRegistrationFact[] = [];
  let from = core.registered;
  if (rng.chance(0.3) && (core.dod ?? ctx.extract) - core.registered > 400) {
    const earlier = rng.pick(ctx.ref.allPractices);
    const to = from + rng.int(100, (core.dod ?? ctx.extract) - from - 200);
    const gp = rng.pick(earlier.gps);
    out.push({
      id: ctx.ids.next('gpReg'),
      practiceCode: earlier.code,
      gpCode: gp.code,
      gpName: gp.name,
      practiceName: earlier.name,
      practicePostcode: earlier.postcode,
      from,
      to,
      current: false,
    });
    from = to + 1;
  }
  const gp = core.gpCode ? practice.gps.find((g) => g.code === core.gpCode) : undefined;
  out.push({
    id: ctx.ids.next('gpReg'),
    practiceCode: practice.code,
    gpCode: gp?.code,
    gpName: gp?.name,
    practiceName: practice.name,
    practicePostcode: rng.chance(0.9) ? practice.postcode : undefined,
    from,
    current: true,
  });
  return out;
}

export function buildAllergies(scope: PatientScope, core: PatientCore): AllergyFact[] {
  const { rng, ctx } = scope;
  const clerk = () => rng.pick(ctx.ref.clerks).login;
  const span = Math.max(1, (core.dod ?? ctx.extract) - core.registered);
  if (rng.chance(0.12)) {
    return [
      {
        id: ctx.ids.next('allergy'),
        code: 'NKDA',
        description: 'No known drug allergies',
        type: 'OTHER',
        recorded: core.registered + rng.int(0, span - 1),
        recordedBy: clerk(),
      },
    ];
  }
  if (!rng.chance(0.2)) return [];
  const n = rng.chance(0.8) ? 1 : rng.int(2, 3);
  const chosen = new Set<number>();
  const out: AllergyFact[] = [];
  for (let i = 0; i < n; i++) {
    const k = rng.int(0, allergens.length - 1);
    if (chosen.has(k)) continue;
    chosen.add(k);
    const [code, description, type, reaction] = allergens[k]!;
    const recorded = core.registered + rng.int(0, span - 1);
    out.push({
      id: ctx.ids.next('allergy'),
      code,
      description,
      type,
      reaction: rng.chance(0.85) ? reaction : undefined,
      severity: rng.chance(0.9)
        ? reaction === 'Anaphylaxis'
          ? 'SEV'
          : rng.pick(['MILD', 'MILD', 'MOD', 'SEV'])
        : undefined,
      recorded,
      recordedBy: clerk(),
      ended: rng.chance(0.04) ? recorded + rng.int(1, Math.max(1, (core.dod ?? ctx.extract) - recorded)) : undefined,
      comment: rng.chance(0.05) ? 'Reported by patient, not confirmed' : undefined,
    });
  }
  return out;
}

export function buildAlerts(scope: PatientScope, core: PatientCore): AlertFact[] {
  const { rng, ctx } = scope;
  const age = (ctx.extract - core.dob) / 365.25;
  if (!rng.chance(age > 75 ? 0.1 : 0.04)) return [];
  const out: AlertFact[] = [];
  const n = rng.chance(0.85) ? 1 : 2;
  const lastDay = core.dod ?? ctx.extract;
  for (let i = 0; i < n; i++) {
    let [type, code, text, staffWarning] = rng.pick(alertTypes);
    if (type === 'SAFEG' && code === 'SGCHILD' && age >= 18) [type, code, text, staffWarning] = alertTypes[3]!;
    if (type === 'DNACPR' && age < 60) [type, code, text, staffWarning] = alertTypes[9]!;
    const start = core.registered + rng.int(0, Math.max(0, lastDay - core.registered - 1));
    out.push({
      id: ctx.ids.next('alert'),
      recStatus: rng.chance(0.05) ? 'D' : 'A',
      type,
      code,
      text,
      staffWarning,
      start,
      end: rng.chance(0.2) ? start + rng.int(1, Math.max(1, lastDay - start)) : undefined,
      review: type === 'SAFEG' || type === 'VIOL' ? start + rng.int(90, 365) : undefined,
      recordedBy: rng.pick(ctx.ref.clerks).login,
    });
  }
  return out;
}

/** Case-note folders: the main folder (more volumes for busy patients), x-ray and mental health folders. */
export function buildCasenotes(
  scope: PatientScope,
  core: PatientCore,
  volumes: number,
  mentalHealth: boolean,
): CasenoteFact[] {
  const { rng, ctx } = scope;
  const out: CasenoteFact[] = [];
  const lastDay = core.dod ?? ctx.extract;
  const folder = (type: string, volume: number, number: string): CasenoteFact => {
    const at =
      (lastDay - rng.int(0, Math.max(0, Math.min(900, lastDay - core.registered)))) * 1440 + rng.int(8 * 60, 17 * 60);
    const location = core.dod !== undefined ? 'MR-LIB' : rng.pick(casenoteLocations);
    const borrowed = !['MR-LIB', 'OFFSITE'].includes(location);
    const status = core.dod !== undefined ? 'C' : rng.chance(0.01) ? 'M' : 'A';
    return {
      id: ctx.ids.next('casenote'),
      number,
      volume,
      type,
      location,
      locationAt: at,
      homeLocation: 'MR-LIB',
      borrower: borrowed && rng.chance(0.6) ? `${ukForename(rng, 'female', 1980)} ${ukSurname(rng)}` : undefined,
      returnBy: borrowed ? Math.floor(at / 1440) + rng.int(7, 28) : undefined,
      status,
      comment: status === 'M' ? 'Tracer raised, not found on shelf' : undefined,
    };
  };
  for (let v = 1; v <= volumes; v++) out.push(folder('MAIN', v, `${core.hospitalNumber}/${v}`));
  if (rng.chance(0.08)) out.push(folder('XRAY', 1, `X${core.hospitalNumber.slice(1)}`));
  if (mentalHealth) out.push(folder('MH', 1, `MH${core.hospitalNumber.slice(1)}`));
  return out;
}

/** Other identifiers: A&E and radiology numbers, and superseded numbers. */
export function buildIdentifiers(scope: PatientScope, core: PatientCore): IdentifierFact[] {
  const { rng, ctx } = scope;
  const out: IdentifierFact[] = [];
  const trust = 'R9Z';
  if (rng.chance(0.4)) {
    out.push({
      id: ctx.ids.next('ident'),
      type: 'AE',
      value: `AE${rng.int(10_000_000, 99_999_999)}`,
      issuer: trust,
      primary: true,
      from: core.registered + rng.int(0, 400),
    });
  }
  if (rng.chance(0.3)) {
    out.push({
      id: ctx.ids.next('ident'),
      type: 'RAD',
      value: `RAD${rng.int(1_000_000, 9_999_999)}`,
      issuer: 'RADIS',
      primary: true,
      from: core.registered + rng.int(0, 700),
    });
  }
  return out;
}

/** Previous names: maiden names of married women, earlier surnames, and the odd alias. */
export function buildAliases(scope: PatientScope, core: PatientCore): AliasFact[] {
  const { rng, ctx } = scope;
  const out: AliasFact[] = [];
  const age = (ctx.extract - core.dob) / 365.25;
  if (
    core.sex === '2' &&
    (core.marital === 'M' || core.marital === 'W' || core.marital === 'D') &&
    age > 22 &&
    rng.chance(0.5)
  ) {
    const married = core.dob + rng.int(20 * 365, Math.max(20 * 365 + 1, Math.floor(Math.min(age, 45) * 365)));
    out.push({
      id: ctx.ids.next('alias'),
      type: 'MAIDEN',
      surname: ukSurname(rng),
      forename: core.forename,
      middleNames: core.middleNames,
      title: 'Miss',
      from: core.dob,
      to: Math.min(married, (core.dod ?? ctx.extract) - 1),
    });
  }
  if (rng.chance(0.015)) {
    out.push({
      id: ctx.ids.next('alias'),
      type: 'AKA',
      surname: core.surname,
      forename: ukForename(rng, core.sex === '1' ? 'male' : 'female', 1980),
      comment: 'Known by this name in the community',
    });
  }
  if (core.birthTime !== undefined && rng.chance(0.6)) {
    out.push({
      id: ctx.ids.next('alias'),
      type: 'BABY',
      surname: core.surname,
      forename: 'Baby',
      from: core.dob,
      to: core.dob + rng.int(3, 40),
      comment: 'Registered at birth before naming',
    });
  }
  return out;
}
