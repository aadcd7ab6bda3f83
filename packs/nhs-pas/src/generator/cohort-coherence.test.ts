import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nhsPasPack } from '../index.js';
import { type CsvTable, generateTestCohort, hashTree, readCsvTable, type TestCohort } from './testing/cohort-files.js';

// Story: a migration analyst generates 1,000 clean patients and checks that the legacy extract hangs together the
// way a real PAS extract does, before trusting it as rehearsal data. Every check reads the CSV files back and uses
// its own parsing, independent of the generator.

const extract = Date.UTC(2026, 9, 31) / 86_400_000;

/** Day number of `dd/mm/yyyy` (or the date part of `dd/mm/yyyy hh:mm`); NaN when blank or not a date. */
function ukDay(text: string): number {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (!m) return Number.NaN;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? t / 86_400_000 : Number.NaN;
}

/** Minute number of `dd/mm/yyyy hh:mm`. */
function ukMinute(text: string): number {
  const m = /^\d{1,2}\/\d{1,2}\/\d{4} (\d{2}):(\d{2})$/.exec(text);
  return m ? ukDay(text) * 1440 + Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** Modulus 11 as the NHS Data Dictionary describes it, written here independently of core's validator. */
function nhsNumberIsValid(nhs: string): boolean {
  if (!/^\d{10}$/.test(nhs)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nhs[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(nhs[9]);
}

const strictPostcode =
  /^(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}$/;
const normalisedPostcode = (p: string) => {
  const c = p.replace(/\s+/g, '').toUpperCase();
  return `${c.slice(0, -3)} ${c.slice(-3)}`;
};

let cohort: TestCohort;
const tables = new Map<string, CsvTable>();
const source = (t: string) => {
  let v = tables.get(t);
  if (!v) {
    v = readCsvTable(join(cohort.dir, 'source', `${t}.csv`));
    tables.set(t, v);
  }
  return v.rows;
};
const byKey = (t: string, key: string) => new Map(source(t).map((r) => [r[key]!, r]));

beforeAll(async () => {
  cohort = await generateTestCohort(1000, 11, 'none');
});

describe('a clean 1,000-patient cohort', () => {
  it('is byte-identical when generated again with the same seed', async () => {
    const again = await generateTestCohort(1000, 11, 'none');
    expect(hashTree(again.dir)).toEqual(hashTree(cohort.dir));
  });

  it('has every row of every child pointing at an existing parent, and unique keys', async () => {
    const catalog = await nhsPasPack.sourceCatalog();
    const inExtract = catalog.tables.filter((t) => cohort.result.files[`source/${t.name}.csv`] !== undefined);
    expect(inExtract.length).toBeGreaterThan(50);
    let links = 0;
    const orphans: string[] = [];
    for (const t of inExtract) {
      const key = t.columns.find((c) => c.primaryKey)!.name;
      const keys = source(t.name).map((r) => r[key]);
      expect(new Set(keys).size, `${t.name}.${key} unique`).toBe(keys.length);
      for (const c of t.columns.filter((x) => x.references)) {
        const [pt, pc] = c.references!.split('.') as [string, string];
        const parents = new Set(source(pt).map((r) => r[pc]));
        for (const r of source(t.name)) {
          if (r[c.name] === '') continue;
          links++;
          if (!parents.has(r[c.name])) orphans.push(`${t.name}.${c.name}=${r[c.name]} -> ${c.references}`);
        }
      }
    }
    expect(orphans).toEqual([]);
    expect(links).toBeGreaterThan(20_000);
  });

  it('uses only codes of the reference tables for specialties, staff, clinics, wards and sites', () => {
    const sets = {
      SPEC_CD: new Set(source('SPECIALTY').map((r) => r.SPEC_CD)),
      staff: new Set(source('STAFF').map((r) => r.STAFF_CD)),
      CLINIC_CD: new Set(source('OP_CLINIC').map((r) => r.CLINIC_CD)),
      ward: new Set(source('WARD').map((r) => r.WARD_CD)),
      SITE_CD: new Set(source('SITE').map((r) => r.SITE_CD)),
    };
    const checks: Array<[string, string, Set<string | undefined>]> = [
      ['REFERRAL', 'SPEC_CD', sets.SPEC_CD],
      ['REFERRAL', 'CONS_CD', sets.staff],
      ['REFERRAL', 'SITE_CD', sets.SITE_CD],
      ['OP_APPT', 'CLINIC_CD', sets.CLINIC_CD],
      ['OP_APPT', 'CONS_CD', sets.staff],
      ['ADM_SPELL', 'ADM_WARD', sets.ward],
      ['ADM_SPELL', 'DIS_WARD', sets.ward],
      ['ADM_EPISODE', 'CONS_CD', sets.staff],
      ['ADM_EPISODE', 'SPEC_CD', sets.SPEC_CD],
      ['ADM_WARDSTAY', 'WARD_CD', sets.ward],
      ['CODE_PROC', 'SURGEON_CD', sets.staff],
      ['IP_WLIST', 'WARD_CD', sets.ward],
      ['OP_WLIST', 'CLINIC_CD', sets.CLINIC_CD],
      ['MH_CPA', 'COORD_CD', sets.staff],
    ];
    for (const [t, c, set] of checks)
      for (const r of source(t)) if (r[c]) expect(set.has(r[c]), `${t}.${c}=${r[c]}`).toBe(true);
  });

  it('has valid 999-range NHS numbers (independent Modulus 11), one per active patient, and plausible ages', () => {
    const active = source('PATIENT').filter((p) => p.REC_STATUS === 'A');
    expect(active.length).toBeGreaterThan(950);
    const seen = new Set<string>();
    for (const p of source('PATIENT')) {
      const nhs = p.NHS_NO!.replace(/ /g, '');
      if (nhs) {
        expect(nhs.startsWith('999'), nhs).toBe(true);
        expect(nhsNumberIsValid(nhs), nhs).toBe(true);
        expect(/^(\d)\1{9}$/.test(nhs)).toBe(false);
      }
      const dob = ukDay(p.DOB!);
      const until = p.DOD ? ukDay(p.DOD) : extract;
      const age = (until - dob) / 365.25;
      expect(age, `age of ${p.PAT_ID}`).toBeGreaterThanOrEqual(0);
      expect(age, `age of ${p.PAT_ID}`).toBeLessThanOrEqual(115);
      if (p.REC_STATUS === 'A' && nhs) {
        expect(seen.has(nhs), `NHS number of ${p.PAT_ID} is unique`).toBe(false);
        seen.add(nhs);
      }
    }
    expect(nhsNumberIsValid('9434765919')).toBe(true);
    expect(nhsNumberIsValid('9434765918')).toBe(false);
  });

  it('writes realistic identifiers: postcodes, GP practice and consultant codes, UK names', () => {
    for (const [t, c] of [
      ['PAT_ADDR', 'POSTCODE'],
      ['PAT_NOK', 'POSTCODE'],
      ['SITE', 'POSTCODE'],
      ['PAT_GP_REG', 'PRAC_PCODE'],
    ] as const) {
      for (const r of source(t)) if (r[c]) expect(normalisedPostcode(r[c]), `${t}.${c}`).toMatch(strictPostcode);
    }
    for (const p of source('PATIENT')) expect(p.GP_PRAC).toMatch(/^[A-Z][0-9]{5}$/);
    for (const r of source('PAT_GP_REG')) expect(r.PRAC_CD).toMatch(/^[A-Z][0-9]{5}$/);
    for (const s of source('STAFF')) if (s.STAFF_TYPE === 'CONS' && s.NAT_CODE) expect(s.NAT_CODE).toMatch(/^C\d{7}$/);
    for (const p of source('PATIENT')) {
      expect(p.SURNAME!.trim()).toMatch(/^[A-Z][A-Z'-]+$/);
      expect(p.FORENAME!.trim()).toMatch(/^[A-Z]+$/);
    }
    const towns = new Set(source('PAT_ADDR').map((a) => a.ADDR4));
    expect(towns.has('Leeds')).toBe(true);
  });

  it('keeps all activity between birth and death (or the booking horizon)', () => {
    const patients = byKey('PATIENT', 'PAT_ID');
    const bounds = (patId: string) => {
      const p = patients.get(patId)!;
      return { dob: ukDay(p.DOB!), dod: p.DOD ? ukDay(p.DOD) : Number.POSITIVE_INFINITY };
    };
    const dated: Array<[string, string]> = [
      ['REFERRAL', 'REF_RCVD_DT'],
      ['OP_APPT', 'APPT_DT'],
      ['ADM_SPELL', 'ADM_DT'],
      ['ADM_SPELL', 'DIS_DT'],
      ['IP_WLIST', 'DTA_DT'],
      ['IP_TCI', 'TCI_DT'],
      ['RTT_EVENT', 'EVENT_DT'],
      ['ADM_WARDSTAY', 'START_DT'],
      ['MH_DETENTION', 'START_DT'],
    ];
    let checked = 0;
    const outside: string[] = [];
    for (const [t, c] of dated) {
      for (const r of source(t)) {
        if (!r[c]) continue;
        const day = ukDay(r[c]);
        const { dob, dod } = bounds(r.PAT_ID!);
        if (!(day >= dob)) outside.push(`${t}.${c} of ${r.PAT_ID} before birth`);
        if (day > dod) outside.push(`${t}.${c} of ${r.PAT_ID} after death`);
        if (day > extract + 183) outside.push(`${t}.${c} of ${r.PAT_ID} beyond the booking horizon`);
        checked++;
      }
    }
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('nests episodes in spells and ward stays in episodes, contiguously, with deaths on the day of death', () => {
    const episodes = new Map<string, Array<Record<string, string>>>();
    for (const e of source('ADM_EPISODE')) episodes.set(e.SPELL_ID!, [...(episodes.get(e.SPELL_ID!) ?? []), e]);
    const stays = new Map<string, Array<Record<string, string>>>();
    for (const w of source('ADM_WARDSTAY')) stays.set(w.EPISODE_ID!, [...(stays.get(w.EPISODE_ID!) ?? []), w]);
    const patients = byKey('PATIENT', 'PAT_ID');
    let spells = 0;
    for (const s of source('ADM_SPELL')) {
      if (s.REC_STATUS !== 'A') continue;
      spells++;
      const admitted = ukMinute(s.ADM_DT!);
      const discharged = s.DIS_DT ? ukMinute(s.DIS_DT) : undefined;
      if (discharged !== undefined) expect(discharged, `spell ${s.SPELL_ID}`).toBeGreaterThanOrEqual(admitted);
      else expect(s.DIS_METH).toBe('8');
      const eps = (episodes.get(s.SPELL_ID!) ?? []).sort((a, b) => Number(a.EPI_NO) - Number(b.EPI_NO));
      expect(eps.length, `episodes of spell ${s.SPELL_ID}`).toBeGreaterThan(0);
      expect(ukMinute(eps[0]!.EPI_START_DT!)).toBe(admitted);
      expect(eps.at(-1)!.EPI_END_DT ? ukMinute(eps.at(-1)!.EPI_END_DT!) : undefined).toBe(discharged);
      for (let i = 1; i < eps.length; i++)
        expect(ukMinute(eps[i]!.EPI_START_DT!)).toBe(ukMinute(eps[i - 1]!.EPI_END_DT!));
      for (const e of eps) {
        const ws = stays.get(e.EPISODE_ID!) ?? [];
        expect(ws.length).toBeGreaterThan(0);
        expect(ukMinute(ws[0]!.START_DT!)).toBe(ukMinute(e.EPI_START_DT!));
        expect(ws.at(-1)!.END_DT ? ukMinute(ws.at(-1)!.END_DT!) : undefined).toBe(
          e.EPI_END_DT ? ukMinute(e.EPI_END_DT) : undefined,
        );
        for (let i = 1; i < ws.length; i++) expect(ukMinute(ws[i]!.START_DT!)).toBe(ukMinute(ws[i - 1]!.END_DT!));
      }
      if (s.DIS_METH === '4') {
        expect(s.DIS_DEST).toBe('DIED');
        expect(ukDay(s.DIS_DT!)).toBe(ukDay(patients.get(s.PAT_ID!)!.DOD!));
      }
    }
    expect(spells).toBeGreaterThan(300);
  });

  it('orders waiting-list dates, offers and admissions, and RTT clocks', () => {
    const waits = byKey('IP_WLIST', 'IPWL_ID');
    const tcis = new Map<string, Array<Record<string, string>>>();
    for (const t of source('IP_TCI')) tcis.set(t.IPWL_ID!, [...(tcis.get(t.IPWL_ID!) ?? []), t]);
    for (const t of source('IP_TCI'))
      expect(ukDay(t.TCI_DT!)).toBeGreaterThanOrEqual(ukDay(waits.get(t.IPWL_ID!)!.DTA_DT!));
    let elective = 0;
    for (const s of source('ADM_SPELL')) {
      if (!s.IPWL_ID) continue;
      elective++;
      const w = waits.get(s.IPWL_ID)!;
      const admittedTci = (tcis.get(s.IPWL_ID) ?? []).find((t) => t.TCI_STATUS === 'A')!;
      expect(ukDay(w.DTA_DT!)).toBeLessThanOrEqual(ukDay(admittedTci.TCI_DT!));
      expect(ukDay(admittedTci.TCI_DT!)).toBe(ukDay(s.ADM_DT!));
    }
    expect(elective).toBeGreaterThan(50);
    const events = new Map<string, number[]>();
    for (const e of source('RTT_EVENT'))
      events.set(e.PERIOD_ID!, [...(events.get(e.PERIOD_ID!) ?? []), ukDay(e.EVENT_DT!)]);
    for (const p of source('RTT_PERIOD')) {
      const start = ukDay(p.CLOCK_START_DT!);
      if (p.CLOCK_STOP_DT) expect(ukDay(p.CLOCK_STOP_DT), `period ${p.PERIOD_ID}`).toBeGreaterThanOrEqual(start);
      expect(p.PER_STATUS).toBe(p.CLOCK_STOP_DT ? 'C' : 'O');
      for (const d of events.get(p.PERIOD_ID!) ?? []) expect(d).toBeGreaterThanOrEqual(start);
    }
  });

  it('gives appointments attendance and outcomes consistent with their dates', () => {
    const attendance = new Map<string, number>();
    for (const a of source('OP_APPT')) {
      const day = ukDay(a.APPT_DT!);
      attendance.set(a.ATTEND!, (attendance.get(a.ATTEND!) ?? 0) + 1);
      if (day > extract) expect(['BKD', 'CNP', 'CNH'], `future appointment ${a.APPT_ID}`).toContain(a.ATTEND);
      else expect(a.ATTEND, `past appointment ${a.APPT_ID}`).not.toBe('BKD');
      if (a.ATTEND === 'ATT' || a.ATTEND === 'LAT') {
        expect(a.OUTCOME).not.toBe('');
        expect(ukMinute(a.SEEN_DT!)).toBeGreaterThanOrEqual(ukMinute(a.ARRIVED_DT!));
      } else {
        expect(a.OUTCOME).toBe('');
        expect(a.SEEN_DT).toBe('');
      }
      if (a.CANC_DT) expect(ukDay(a.CANC_DT)).toBeLessThanOrEqual(day);
      expect(ukDay(a.BOOKED_DT!)).toBeLessThan(day);
    }
    const total = [...attendance.values()].reduce((a, b) => a + b, 0);
    expect((attendance.get('ATT') ?? 0) / total).toBeGreaterThan(0.6);
    expect((attendance.get('DNA') ?? 0) / total).toBeGreaterThan(0.03);
    expect(attendance.get('BKD') ?? 0).toBeGreaterThan(0);
  });
});
