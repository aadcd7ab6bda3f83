// A small synthetic extract of six vendor-b tables, as the vendor's export tool writes them: every catalog
// column, dates dd/mm/yyyy (datetimes dd/mm/yyyy hh:mm), bit columns 1/0, coded columns holding the vendor's
// LOCAL codes, NHS numbers in the 999 test range (valid by Modulus 11). No real person's data.
// Seeded PRNG: the same output every run.

import { csvLine } from './csv-line.mjs';

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Generators that share one random stream. */
function makeGen(seed) {
  const r = prng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  const maybe = (p, f) => (r() < p ? f() : '');
  const day = (fromYear, toYear) => {
    const y = int(fromYear, toYear);
    const m = int(1, 12);
    const d = int(1, 28);
    return { y, m, d };
  };
  const date = (fromYear, toYear) => {
    const { y, m, d } = day(fromYear, toYear);
    return `${pad(d)}/${pad(m)}/${y}`;
  };
  const dateTime = (fromYear, toYear, midnight = false) =>
    `${date(fromYear, toYear)} ${midnight ? '00:00' : `${pad(int(7, 20))}:${pad(int(0, 11) * 5)}`}`;
  const nhsNumber = () => {
    for (;;) {
      const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => int(0, 9))];
      const s = digits.reduce((acc, dgt, i) => acc + dgt * (10 - i), 0);
      const c = 11 - (s % 11);
      if (c === 10) continue;
      return digits.join('') + String(c === 11 ? 0 : c);
    }
  };
  const postcode = () =>
    `${pick(['LS', 'M', 'B', 'SW', 'NE', 'BD', 'HX'])}${int(1, 29)} ${int(1, 9)}${pick(['AB', 'DF', 'HJ', 'NP', 'QT', 'WX', 'LU'])}`;
  const phone = () => `0113 496 ${pad(int(0, 999), 4)}`;
  const mobile = () => `07700 900${pad(int(0, 999), 3)}`;
  const bit = (p = 0.5) => (r() < p ? '1' : '0');
  return { r, int, pick, maybe, date, dateTime, nhsNumber, postcode, phone, mobile, bit };
}

const surnames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Khan',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
];
const forenames = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Harry',
  'Ava',
  'Jack',
  'Mia',
  'Noah',
  'Grace',
  'Leo',
  'Freya',
  'Arthur',
  'Lily',
  'Muhammad',
  'Ella',
  'Thomas',
  'Emily',
  'Jacob',
  'Sophie',
];
const streets = ['High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Lane', 'Victoria Road'];
const towns = ['Leeds', 'Bradford', 'Halifax', 'Wakefield', 'Harrogate'];
const users = ['jsmith', 'akhan', 'pwalker', 'system', 'mgreen'];

/** Per-table row builders: column name -> value; columns not listed are blank. */
function builders(g, n) {
  const audit = {
    CreatedBy: () => g.pick(users),
    CreatedDate: () => g.dateTime(2012, 2023),
    ModifiedBy: () => g.maybe(0.6, () => g.pick(users)),
    ModifiedDate: () => g.maybe(0.6, () => g.dateTime(2019, 2024)),
    AddedBy: () => g.pick(users),
    AddedOn: () => g.dateTime(2012, 2023),
    AmendedBy: () => g.maybe(0.6, () => g.pick(users)),
    AmendedOn: () => g.maybe(0.6, () => g.dateTime(2019, 2024)),
  };
  const patientId = () => g.int(1, n.patients);
  const cons = () => `C${g.int(1000000, 9999999)}`.slice(0, 8);
  const spec = () => g.pick(['GSURG', 'URO', 'TO', 'ENT', 'OPHTH', 'GMED', 'CARD', 'DERM', 'PAED', 'GYN']);
  const hosp = () => g.pick(['LGI', 'SJUH', 'CHAP', 'WHARF']);
  const ward = () => g.pick(['W12', 'W14', 'J21', 'ICU1', 'DSU', 'MAT2']);
  return {
    tblPatient: (i) => ({
      PatientID: i,
      PatientIdentifier: `B${pad(4100000 + i * 37, 7)}`,
      NHSNumber: g.maybe(0.95, g.nhsNumber),
      NHSNoStatus: g.pick(['01', '01', '01', '02', '03']),
      Surname: g.pick(surnames),
      Forename: g.pick(forenames),
      OtherForenames: g.maybe(0.4, () => g.pick(forenames)),
      Title: g.pick(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr']),
      KnownAs: g.maybe(0.1, () => g.pick(forenames)),
      DateOfBirth: g.dateTime(1930, 2022, true),
      TimeOfBirth: g.maybe(0.05, () => `${pad(g.int(0, 23))}:${pad(g.int(0, 59))}`),
      SexCode: g.pick(['M', 'F', 'F', 'M', 'U']),
      EthnicOriginID: g.maybe(0.85, () => g.int(1, 18)),
      MaritalStatusID: g.maybe(0.7, () => g.int(1, 7)),
      ReligionDesc: g.maybe(0.5, () => g.pick(['Church of England', 'Roman Catholic', 'Muslim', 'None', 'Sikh'])),
      FirstLanguage: g.maybe(0.8, () => g.pick(['English', 'English', 'Urdu', 'Polish', 'Punjabi'])),
      InterpReqd: g.bit(0.05),
      Occupation: g.maybe(0.3, () => g.pick(['Teacher', 'Retired', 'Nurse', 'Driver', 'Student'])),
      PlaceOfBirth: g.maybe(0.3, () => g.pick(towns)),
      Deceased: g.bit(0.04),
      DateOfDeath: g.maybe(0.04, () => g.dateTime(2015, 2024, true)),
      RegGPPractice: g.pick(['B86001', 'B86002', 'B83010', 'V81999']),
      RegGP: `G${g.int(1000000, 9999999)}`,
      CCGCode: g.pick(['15F', '02T', '36J']),
      SensitiveFlag: g.bit(0.01),
      VIP: g.bit(0.005),
      HomeTel: g.maybe(0.6, g.phone),
      MobileTel: g.maybe(0.7, g.mobile),
      WorkTel: g.maybe(0.1, g.phone),
      EmailAddr: g.maybe(0.3, () => `patient${i}@example.org`),
      OSVStatus: g.maybe(0.02, () => g.pick(['01', '02', '03'])),
      XRef1: g.maybe(0.08, () => `SCH${g.int(100, 999)}`),
      PDSLastTraced: g.maybe(0.8, () => g.dateTime(2018, 2024)),
      DateRegistered: g.dateTime(1995, 2023, true),
      CurrAddr1: `${g.int(1, 200)} ${g.pick(streets)}`,
      CurrAddr3: g.pick(towns),
      CurrPostcode: g.postcode(),
      RecordStatus: g.pick(['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'M', 'D']),
      ...Object.fromEntries(['CreatedBy', 'CreatedDate', 'ModifiedBy', 'ModifiedDate'].map((k) => [k, audit[k]()])),
    }),
    tblPatAddrHist: (i) => ({
      PatAddrHistID: 5000 + i,
      PatientID: patientId(),
      AddrType: g.pick(['H', 'H', 'H', 'T', 'C']),
      AddrLine1: `${g.int(1, 200)} ${g.pick(streets)}`,
      AddrLine2: g.maybe(0.3, () => 'Flat 2'),
      AddrLine4: g.pick(towns),
      PCode: g.maybe(0.97, g.postcode),
      DateFrom: g.dateTime(2000, 2023, true),
      DateTo: g.maybe(0.3, () => g.dateTime(2010, 2024, true)),
      IsCurrent: g.bit(0.7),
      DoNotDisclose: g.bit(0.02),
      ...Object.fromEntries(['CreatedBy', 'CreatedDate', 'ModifiedBy', 'ModifiedDate'].map((k) => [k, audit[k]()])),
    }),
    tblPatientMerge: (i) => ({
      MergeID: i,
      RetainedPatientID: patientId(),
      RetiredPatientID: n.patients + i,
      RetiredHospNo: `B${pad(5100000 + i * 41, 7)}`,
      OldNN: g.maybe(0.8, g.nhsNumber),
      RetiredSurname: g.pick(surnames),
      RetiredForename: g.pick(forenames),
      RetiredDOB: g.dateTime(1930, 2020, true),
      MergedOn: g.dateTime(2015, 2024),
      MergedBy: g.pick(users),
      MergeReason: g.pick(['Duplicate registration', 'Baby registered twice', 'PDS trace match']),
      Reversed: g.bit(0.05),
    }),
    tblReferral: (i) => ({
      ReferralID: i,
      PatientID: patientId(),
      PathwayID: g.maybe(0.8, () => i),
      ReferralDate: g.date(2021, 2024),
      DateReceived: g.date(2021, 2024),
      RefSourceCode: g.pick(['GP', 'GP', 'GP', 'CON', 'AE', 'SELF', 'OPT']),
      ReferrerCode: `G${g.int(1000000, 9999999)}`,
      ReferrerOrg: g.pick(['B86001', 'B86002', 'B83010']),
      Urgency: g.pick(['R', 'R', 'R', 'U', 'C']),
      SpecCode: spec(),
      ConsCode: cons(),
      HospitalCode: hosp(),
      RefType: g.pick(['OP', 'OP', 'IP', 'DIAG']),
      PatCategory: g.pick(['NHS', 'NHS', 'NHS', 'PP']),
      UBRN: g.maybe(0.6, () => String(g.int(100000, 999999)) + String(g.int(100000, 999999))),
      RefStatus: g.pick(['O', 'C', 'C', 'X']),
      ClosedDate: g.maybe(0.5, () => g.date(2022, 2024)),
      Deleted: g.bit(0.01),
      ...Object.fromEntries(['CreatedBy', 'CreatedDate', 'ModifiedBy', 'ModifiedDate'].map((k) => [k, audit[k]()])),
    }),
    tblSpell: (i) => ({
      SpellID: i,
      PatientID: patientId(),
      WLEntryID: g.maybe(0.4, () => g.int(1, 300)),
      ProviderSpellNo: `SP${pad(i, 8)}`,
      AdmitDtTm: g.dateTime(2020, 2024),
      AdmMethod: g.pick(['WL', 'BK', 'PL', 'AE', 'AE', 'GP', 'OM']),
      AdmSource: g.pick(['HOME', 'HOME', 'HOME', 'NH', 'OTHHOSP']),
      PatClass: g.pick(['O', 'O', 'D', 'R']),
      AdminCat: g.pick(['NHS', 'NHS', 'PP']),
      IntMgmt: g.pick(['I', 'D', 'I']),
      DTADate: g.maybe(0.4, () => g.dateTime(2020, 2024, true)),
      AdmCons: cons(),
      AdmSpec: spec(),
      HospitalCode: hosp(),
      AdmWard: ward(),
      EDD: g.maybe(0.5, () => g.dateTime(2020, 2024, true)),
      MFFDDate: g.maybe(0.2, () => g.dateTime(2020, 2024, true)),
      DischDtTm: g.maybe(0.9, () => g.dateTime(2020, 2024)),
      DischMethod: g.pick(['CA', 'CA', 'CA', 'SD', 'DIED']),
      DischDest: g.pick(['HOME', 'HOME', 'NH', 'DIED']),
      DischWard: ward(),
      LOS: g.int(0, 30),
      Deleted: g.bit(0.01),
      ...Object.fromEntries(['AddedBy', 'AddedOn', 'AmendedBy', 'AmendedOn'].map((k) => [k, audit[k]()])),
    }),
    tblAppointment: (i) => ({
      ApptID: i,
      PatientID: patientId(),
      ReferralID: g.int(1, n.referrals),
      SlotID: g.maybe(0.7, () => g.int(1, 5000)),
      ApptDateTime: g.dateTime(2021, 2025),
      DateBooked: g.dateTime(2021, 2024, true),
      ClinicCode: g.pick(['ORTH1', 'ENTNEW', 'CARDFU', 'DERM2', 'EYE3']),
      HospitalCode: hosp(),
      ConsCode: cons(),
      SpecCode: spec(),
      VisitType: g.pick(['N1', 'F1', 'F1', 'N2', 'F2']),
      Urgency: g.pick(['R', 'R', 'U', 'C']),
      BookingMethod: g.pick(['PB', 'DB', 'ERS']),
      AttendCode: g.pick(['AT', 'AT', 'AT', 'DNA', 'CP', 'CH', 'LS']),
      OutcomeCode: g.pick(['DIS', 'FU', 'FU', 'TBA']),
      ArrivedTime: g.maybe(0.7, () => g.dateTime(2021, 2024)),
      TransportBooked: g.bit(0.05),
      InterpBooked: g.bit(0.03),
      LetterPrinted: g.bit(0.9),
      SMSReminderSent: g.bit(0.6),
      ...Object.fromEntries(['CreatedBy', 'CreatedDate', 'ModifiedBy', 'ModifiedDate'].map((k) => [k, audit[k]()])),
    }),
  };
}

/** CSV text per table name for the synthetic extract, with every catalog column of the table. */
export function syntheticData(tables) {
  const n = { patients: 300, referrals: 300 };
  const rows = {
    tblPatient: 300,
    tblPatAddrHist: 400,
    tblPatientMerge: 25,
    tblReferral: 300,
    tblSpell: 350,
    tblAppointment: 500,
  };
  const out = new Map();
  const g = makeGen(20_240_517);
  const make = builders(g, n);
  for (const [name, count] of Object.entries(rows)) {
    const table = tables.find((t) => t.name === name);
    const columns = table.columns.map((c) => c.name);
    let text = csvLine(columns);
    for (let i = 1; i <= count; i++) {
      const row = make[name](i);
      for (const k of Object.keys(row)) if (!columns.includes(k)) throw new Error(`${name}: no column ${k}`);
      text += csvLine(columns.map((c) => row[c] ?? ''));
    }
    out.set(name, text);
  }
  return out;
}
