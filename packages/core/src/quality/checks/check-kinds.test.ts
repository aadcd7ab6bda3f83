import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FerryError } from '../../errors.js';
import { PgliteDatabase } from '../../store/pglite-database.js';
import { PostgresDatabase } from '../../store/postgres-database.js';
import type { SqlDatabase } from '../../store/sql-database.js';
import { createTestSchema, postgresReachable } from '../../testing/postgres-test-env.js';
import { recordCompletedJob } from '../../testing/recorded-job.js';
import type { CheckDefinition } from '../check-model.js';
import type { CodeSets } from '../code-sets.js';
import type { CheckResult } from '../quality-report.js';
import { runChecks } from '../run-checks.js';

const pgUp = await postgresReachable();

const lineageCols = 'ferry_job_id text, ferry_source_table text, ferry_source_key text';

/**
 * A small hand-made target. Job J1 is the job under test; job J2's rows must never be counted.
 * PMI 1 and 4 share an NHS number; 2 fails Modulus 11; 3 is a repdigit born 1890 who died 1950; 4 died 2020-01-01;
 * 6 was born on the as-of date and has a future date of death; 7 died before being born.
 */
const fixture = `
create table "LOAD_PMI" ("RECORD_NUMBER" integer primary key, "NHS_NUMBER" text, "SURNAME" text, "DATE_OF_BIRTH" date,
  "DATE_OF_DEATH" date, "SEX" text, "POSTCODE" text, "GP_PRACTICE" text, ${lineageCols});
insert into "LOAD_PMI" values
 (1, '9434765919', 'SMITH', '1961-02-03', null, '1', 'SW1A 1AA', 'A81001', 'J1', 'PATIENT', 'P1'),
 (2, '9434765918', null, '2030-01-01', null, '9', null, null, 'J1', 'PATIENT', 'P2'),
 (3, '1111111111', '  ', '1890-01-01', '1950-01-01', 'U', 'm1 1ae', 'UNKNOWN', 'J1', 'PATIENT', 'P3'),
 (4, '9434765919', 'JONES', '1980-05-05', '2020-01-01', '1', 'ZZ99 3VZ', 'V81999', 'J1', 'PATIENT', 'P4'),
 (5, null, 'BROWN', null, null, 'Z', 'Q1 1AA', '123456', 'J1', 'PATIENT', 'P5'),
 (6, '9991234560', 'WHITE', '2025-03-31', '2025-04-01', '2', 'B33 8TH', null, 'J1', 'PATIENT', 'P6'),
 (7, null, 'GREEN', '2000-01-01', '1999-12-31', '2', null, null, 'J1', 'PATIENT', 'P7'),
 (8, '9434765918', null, '2030-01-01', '1900-01-01', 'Z', 'Q1 1AA', '1', 'J2', 'PATIENT', 'P8');
create table "LOAD_ADMISSIONS" ("RECORD_NUMBER" integer primary key, "LOADPMI_RECORD_NUMBER" integer,
  "ADMISSION_DATE" timestamp, "DISCHARGE_DATE" timestamp, ${lineageCols});
insert into "LOAD_ADMISSIONS" values
 (10, 1, '2024-01-10 10:00', '2024-01-15 12:00', 'J1', 'ADM_SPELL', 'S10'),
 (11, 4, '2019-12-20 08:00', '2019-12-22 08:00', 'J1', 'ADM_SPELL', 'S11'),
 (12, 4, '2020-01-01 18:00', '2020-01-01 20:00', 'J1', 'ADM_SPELL', 'S12'),
 (13, 4, '2020-02-01 09:00', null, 'J1', 'ADM_SPELL', 'S13'),
 (14, 99, '2024-02-01 09:00', '2024-01-30 10:00', 'J1', 'ADM_SPELL', 'S14'),
 (15, 8, '2024-03-01 09:00', '2024-03-01 08:00', 'J1', 'ADM_SPELL', 'S15'),
 (16, null, null, null, 'J1', 'ADM_SPELL', 'S16'),
 (17, 8, '2024-03-01 09:00', '2024-01-01 08:00', 'J2', 'ADM_SPELL', 'S17');
create table "LOAD_EPISODES" ("RECORD_NUMBER" integer primary key, "LOADADMISSION_RECORD_NUMBER" integer,
  "START_DATE" timestamp, "END_DATE" timestamp, "STATUS" text, "LOADPMI_RECORD_NUMBER" integer, ${lineageCols});
insert into "LOAD_EPISODES" values
 (20, 10, '2024-01-10 10:00', '2024-01-12 09:00', null, 1, 'J1', 'ADM_EPISODE', 'E20'),
 (21, 10, '2024-01-12 09:00', '2024-01-15 18:00', null, 4, 'J1', 'ADM_EPISODE', 'E21'),
 (22, 10, '2024-01-09 10:00', '2024-01-10 09:00', null, 1, 'J1', 'ADM_EPISODE', 'E22'),
 (23, 10, '2024-01-14 10:00', '2024-01-20 09:00', null, null, 'J1', 'ADM_EPISODE', 'E23'),
 (24, 13, '2020-02-01 09:00', null, 'X', 4, 'J1', 'ADM_EPISODE', 'E24'),
 (25, 99, '2024-01-01 10:00', null, null, 1, 'J1', 'ADM_EPISODE', 'E25'),
 (26, 11, null, null, null, 4, 'J1', 'ADM_EPISODE', 'E26'),
 (27, 17, '2024-03-01 09:00', null, null, 8, 'J2', 'ADM_EPISODE', 'E27');
create table "LOAD_DUPS" ("RECORD_NUMBER" integer, "CODE" text, ${lineageCols});
insert into "LOAD_DUPS" values
 (3, 'B', 'J1', 'DUP', 'S3c'), (2, 'A', 'J1', 'DUP', 'S2b'), (1, 'A', 'J1', 'DUP', 'S1'), (2, 'A', 'J1', 'DUP', 'S2'),
 (3, null, 'J1', 'DUP', 'S3b'), (3, 'B', 'J1', 'DUP', 'S3'), (2, 'A', 'J2', 'DUP', 'S9');
`;

const codeSets: CodeSets = {
  sex: [
    { code: '1', retired: false },
    { code: '2', retired: false },
    { code: '9', retired: false },
    { code: 'U', retired: true },
  ],
};

function def(id: string, table: string, kind: string, params: Record<string, unknown>): CheckDefinition {
  return { id, domain: 'PMI', dimension: 'validity', severity: 'error', description: id, table, kind, params };
}

const keys = (r: CheckResult) => r.offending.map((o) => `${o.targetKey}:${o.sourceTable}:${o.sourceKey}`);
const counts = (r: CheckResult) => [r.numerator, r.denominator];

const postcodeRegex =
  '^(GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2}|ZZ99 ?[0-9][A-Z]{2})$';

/** Every check kind, with exact numerators, denominators and offending keys, on one dialect. */
function checkKindSuite(name: string, open: () => Promise<{ db: SqlDatabase; done: () => Promise<void> }>) {
  describe(name, () => {
    let db: SqlDatabase;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ db, done } = await open());
      await db.exec(fixture);
      await recordCompletedJob(db, 'J1', ['LOAD_PMI', 'LOAD_ADMISSIONS', 'LOAD_EPISODES', 'LOAD_DUPS']);
    });
    afterAll(async () => {
      await db.close();
      await done();
    });

    async function run(d: CheckDefinition, offendingLimit?: number): Promise<CheckResult> {
      const report = await runChecks(db, [d], { jobId: 'J1', asOfDate: '2025-03-31', codeSets, offendingLimit });
      const [r] = report.checks;
      if (!r) throw new Error('no result');
      return r;
    }

    it('not_null: NULL and blank text fail; every row of the job is considered', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'not_null', { column: 'SURNAME' }));
      expect(counts(r)).toEqual([2, 7]);
      expect(r.rate).toBeCloseTo(2 / 7, 12);
      expect(r.offending).toEqual([
        { targetKey: '2', sourceTable: 'PATIENT', sourceKey: 'P2', field: 'SURNAME' },
        { targetKey: '3', sourceTable: 'PATIENT', sourceKey: 'P3', field: 'SURNAME' },
      ]);
      expect(r.offendingTruncated).toBe(false);
      expect(r.message).toBe('SURNAME is missing');
    });

    it('not_null with requiredWith considers only rows where those columns are present', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'not_null', { column: 'SURNAME', requiredWith: ['DATE_OF_DEATH'] }));
      expect(counts(r)).toEqual([1, 4]);
      expect(keys(r)).toEqual(['3:PATIENT:P3']);
      expect(r.message).toBe('SURNAME is missing although DATE_OF_DEATH is present');
    });

    it('keeps the first offending rows only, with exact counts, when the limit is reached', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'not_null', { column: 'SURNAME' }), 1);
      expect(counts(r)).toEqual([2, 7]);
      expect(keys(r)).toEqual(['2:PATIENT:P2']);
      expect(r.offendingTruncated).toBe(true);
    });

    it('nhs_number_valid: Modulus 11 in SQL; repdigits pass; blanks are not considered', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'nhs_number_valid', { column: 'NHS_NUMBER' }));
      expect(counts(r)).toEqual([2, 5]);
      expect(keys(r)).toEqual(['2:PATIENT:P2', '6:PATIENT:P6']);
      expect(r.message).toBe('NHS number fails Modulus 11');
    });

    it('not_repdigit', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'not_repdigit', { column: 'NHS_NUMBER' }));
      expect(counts(r)).toEqual([1, 5]);
      expect(keys(r)).toEqual(['3:PATIENT:P3']);
    });

    it('duplicate_value: every holder of a shared value', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'duplicate_value', { column: 'NHS_NUMBER' }));
      expect(counts(r)).toEqual([2, 5]);
      expect(keys(r)).toEqual(['1:PATIENT:P1', '4:PATIENT:P4']);
    });

    it('code_in_set: retired codes allowed by default, flagged with allowRetired false', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'code_in_set', { column: 'SEX', codeType: 'sex' }));
      expect(counts(r)).toEqual([1, 7]);
      expect(keys(r)).toEqual(['5:PATIENT:P5']);
      const strict = await run(
        def('c', 'LOAD_PMI', 'code_in_set', { column: 'SEX', codeType: 'sex', allowRetired: false }),
      );
      expect(counts(strict)).toEqual([2, 7]);
      expect(keys(strict)).toEqual(['3:PATIENT:P3', '5:PATIENT:P5']);
    });

    it('pattern: postcode with ZZ99 pseudo-postcodes, case-sensitive unless told', async () => {
      const r = await run(
        def('c', 'LOAD_PMI', 'pattern', { column: 'POSTCODE', regex: postcodeRegex, format: 'UK postcode' }),
      );
      expect(counts(r)).toEqual([2, 5]);
      expect(keys(r)).toEqual(['3:PATIENT:P3', '5:PATIENT:P5']);
      expect(r.message).toBe('POSTCODE does not match the UK postcode format');
      const ci = await run(
        def('c', 'LOAD_PMI', 'pattern', { column: 'POSTCODE', regex: postcodeRegex, caseInsensitive: true }),
      );
      expect(keys(ci)).toEqual(['5:PATIENT:P5']);
    });

    it('pattern: allow-listed values pass', async () => {
      const r = await run(
        def('c', 'LOAD_PMI', 'pattern', { column: 'GP_PRACTICE', regex: '^[A-Z][0-9]{5}$', allow: ['UNKNOWN'] }),
      );
      expect(counts(r)).toEqual([1, 4]);
      expect(keys(r)).toEqual(['5:PATIENT:P5']);
    });

    it('not_future', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'not_future', { column: 'DATE_OF_DEATH' }));
      expect(counts(r)).toEqual([1, 4]);
      expect(keys(r)).toEqual(['6:PATIENT:P6']);
    });

    it('age_range: future and over 115 at the as-of date; at death with deathColumn', async () => {
      const r = await run(def('c', 'LOAD_PMI', 'age_range', { column: 'DATE_OF_BIRTH' }));
      expect(counts(r)).toEqual([2, 6]);
      expect(keys(r)).toEqual(['2:PATIENT:P2', '3:PATIENT:P3']);
      const atDeath = await run(
        def('c', 'LOAD_PMI', 'age_range', { column: 'DATE_OF_BIRTH', deathColumn: 'DATE_OF_DEATH' }),
      );
      expect(keys(atDeath)).toEqual(['2:PATIENT:P2']);
      const narrow = await run(def('c', 'LOAD_PMI', 'age_range', { column: 'DATE_OF_BIRTH', minAge: 1, maxAge: 64 }));
      expect(keys(narrow)).toEqual(['2:PATIENT:P2', '3:PATIENT:P3', '6:PATIENT:P6']);
    });

    it('day_spread: a whole column with no day after the 12th (day and month swapped?), this job only', async () => {
      await db.exec(`create table "LOAD_SWAPPED" ("RECORD_NUMBER" integer primary key, "SEEN" date, ${lineageCols});
        insert into "LOAD_SWAPPED" values (1, '2024-03-01', 'J1', 'S', 'A'), (2, '2024-12-12', 'J1', 'S', 'B'),
          (3, null, 'J1', 'S', 'C'), (4, '1999-07-05', 'J1', 'S', 'D'), (5, '2024-01-25', 'J2', 'S', 'E');`);
      const swapped = await run(def('c', 'LOAD_SWAPPED', 'day_spread', { column: 'SEEN', minRows: 3 }));
      expect(counts(swapped)).toEqual([3, 3]);
      expect(keys(swapped)).toEqual(['1:S:A', '2:S:B', '4:S:D']);
      expect(swapped.message).toBe('SEEN has no day after the 12th in the whole column: day and month may be swapped');
      // Too few dates to judge (the default asks for 30).
      expect(counts(await run(def('c', 'LOAD_SWAPPED', 'day_spread', { column: 'SEEN' })))).toEqual([0, 3]);
      // DATE_OF_BIRTH has a 31st: fine.
      const dob = await run(def('c', 'LOAD_PMI', 'day_spread', { column: 'DATE_OF_BIRTH', minRows: 1 }));
      expect(counts(dob)).toEqual([0, 6]);
    });

    it('date_order: within a row, exact or by day', async () => {
      const dob = await run(def('c', 'LOAD_PMI', 'date_order', { earlier: 'DATE_OF_BIRTH', later: 'DATE_OF_DEATH' }));
      expect(counts(dob)).toEqual([1, 4]);
      expect(keys(dob)).toEqual(['7:PATIENT:P7']);
      const exact = await run(
        def('c', 'LOAD_ADMISSIONS', 'date_order', { earlier: 'ADMISSION_DATE', later: 'DISCHARGE_DATE' }),
      );
      expect(counts(exact)).toEqual([2, 5]);
      expect(keys(exact)).toEqual(['14:ADM_SPELL:S14', '15:ADM_SPELL:S15']);
      const byDay = await run(
        def('c', 'LOAD_ADMISSIONS', 'date_order', {
          earlier: 'ADMISSION_DATE',
          later: 'DISCHARGE_DATE',
          granularity: 'date',
        }),
      );
      expect(keys(byDay)).toEqual(['14:ADM_SPELL:S14']);
      const strict = await run(
        def('c', 'LOAD_ADMISSIONS', 'date_order', {
          earlier: 'ADMISSION_DATE',
          later: 'DISCHARGE_DATE',
          granularity: 'date',
          allowEqual: false,
        }),
      );
      expect(keys(strict)).toEqual(['12:ADM_SPELL:S12', '14:ADM_SPELL:S14', '15:ADM_SPELL:S15']);
    });

    it('references: orphans, in the same job unless anyJob', async () => {
      const r = await run(
        def('c', 'LOAD_ADMISSIONS', 'references', { column: 'LOADPMI_RECORD_NUMBER', parentTable: 'LOAD_PMI' }),
      );
      expect(counts(r)).toEqual([2, 6]);
      expect(keys(r)).toEqual(['14:ADM_SPELL:S14', '15:ADM_SPELL:S15']);
      const any = await run(
        def('c', 'LOAD_ADMISSIONS', 'references', {
          column: 'LOADPMI_RECORD_NUMBER',
          parentTable: 'LOAD_PMI',
          anyJob: true,
        }),
      );
      expect(keys(any)).toEqual(['14:ADM_SPELL:S14']);
    });

    it('after_death: the activity row is offending; same day is not after', async () => {
      const path = [{ link: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' }];
      const r = await run(def('c', 'LOAD_ADMISSIONS', 'after_death', { column: 'ADMISSION_DATE', path }));
      expect(counts(r)).toEqual([1, 4]);
      expect(r.offending).toEqual([
        { targetKey: '13', sourceTable: 'ADM_SPELL', sourceKey: 'S13', field: 'ADMISSION_DATE' },
      ]);
    });

    it('after_death: through several links, and unless excluded', async () => {
      const path = [
        { link: 'LOADADMISSION_RECORD_NUMBER', table: 'LOAD_ADMISSIONS' },
        { link: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' },
      ];
      const r = await run(def('c', 'LOAD_EPISODES', 'after_death', { column: 'START_DATE', path }));
      expect(counts(r)).toEqual([1, 5]);
      expect(keys(r)).toEqual(['24:ADM_EPISODE:E24']);
      const unless = await run(
        def('c', 'LOAD_EPISODES', 'after_death', {
          column: 'START_DATE',
          path,
          unless: { column: 'STATUS', values: ['X'] },
        }),
      );
      expect(counts(unless)).toEqual([0, 4]);
      const unlessPresent = await run(
        def('c', 'LOAD_EPISODES', 'after_death', { column: 'START_DATE', path, unlessPresent: 'STATUS' }),
      );
      expect(counts(unlessPresent)).toEqual([0, 4]);
    });

    it('within_parent: episodes inside their spell, by day or exact', async () => {
      const params = {
        link: 'LOADADMISSION_RECORD_NUMBER',
        parentTable: 'LOAD_ADMISSIONS',
        start: 'START_DATE',
        end: 'END_DATE',
        parentStart: 'ADMISSION_DATE',
        parentEnd: 'DISCHARGE_DATE',
      };
      const r = await run(def('c', 'LOAD_EPISODES', 'within_parent', params));
      expect(counts(r)).toEqual([2, 5]);
      expect(keys(r)).toEqual(['22:ADM_EPISODE:E22', '23:ADM_EPISODE:E23']);
      const exact = await run(def('c', 'LOAD_EPISODES', 'within_parent', { ...params, granularity: 'exact' }));
      expect(keys(exact)).toEqual(['21:ADM_EPISODE:E21', '22:ADM_EPISODE:E22', '23:ADM_EPISODE:E23']);
      const startsOnly = await run(
        def('c', 'LOAD_EPISODES', 'within_parent', {
          link: params.link,
          parentTable: params.parentTable,
          start: 'START_DATE',
          parentStart: 'ADMISSION_DATE',
        }),
      );
      expect(keys(startsOnly)).toEqual(['22:ADM_EPISODE:E22']);
    });

    it('matches_parent: the child agrees with its parent, where the parent is found and both are present', async () => {
      const r = await run(
        def('c', 'LOAD_EPISODES', 'matches_parent', {
          link: 'LOADADMISSION_RECORD_NUMBER',
          parentTable: 'LOAD_ADMISSIONS',
          column: 'LOADPMI_RECORD_NUMBER',
        }),
      );
      expect(counts(r)).toEqual([1, 5]);
      expect(keys(r)).toEqual(['21:ADM_EPISODE:E21']);
    });

    it('unique: rows after the first of a key, in key order', async () => {
      const r = await run(def('c', 'LOAD_DUPS', 'unique', { columns: ['RECORD_NUMBER'] }));
      expect(counts(r)).toEqual([3, 6]);
      expect(keys(r)).toEqual(['2:DUP:S2b', '3:DUP:S3b', '3:DUP:S3c']);
      const pair = await run(def('c', 'LOAD_DUPS', 'unique', { columns: ['RECORD_NUMBER', 'CODE'] }));
      expect(counts(pair)).toEqual([2, 5]);
      expect(keys(pair)).toEqual(['2:DUP:S2b', '3:DUP:S3c']);
    });

    it('reports a check on a missing table or column as not run', async () => {
      const report = await runChecks(
        db,
        [def('b', 'LOAD_NOPE', 'not_null', { column: 'X' }), def('a', 'LOAD_PMI', 'not_null', { column: 'NOPE' })],
        { jobId: 'J1', asOfDate: '2025-03-31', codeSets },
      );
      expect(report.checks.map((c) => [c.id, c.executed, c.notRunReason])).toEqual([
        ['a', false, 'column LOAD_PMI.NOPE is not in the target'],
        ['b', false, 'table LOAD_NOPE is not in the target'],
      ]);
      expect(report.totals.checksNotRun).toBe(2);
    });

    it('a check that fails on the target names the check and the SQLSTATE, never the value', async () => {
      await db.exec(`create table "LOAD_TEXTDATES" ("RECORD_NUMBER" integer, "SEEN" text, ${lineageCols});
        insert into "LOAD_TEXTDATES" values (1, '31/02/1961', 'J1', 'T', 'K1')`);
      const err = await runChecks(db, [def('t.seen', 'LOAD_TEXTDATES', 'not_future', { column: 'SEEN' })], {
        jobId: 'J1',
        asOfDate: '2025-03-31',
        codeSets,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FerryError);
      expect((err as FerryError).message).toMatch(
        /^Check t\.seen \(not_future\) failed on the target with SQLSTATE 22008/,
      );
      expect((err as FerryError).message).not.toContain('1961');
    });

    it('rejects unknown kinds, bad params and unknown code types before running anything', async () => {
      const opts = { jobId: 'J1', asOfDate: '2025-03-31', codeSets };
      await expect(runChecks(db, [def('x', 'LOAD_PMI', 'nope', {})], opts)).rejects.toMatchObject({
        code: 'FERRY_ERR_CHECK_INVALID',
        context: { field: 'kind' },
      });
      await expect(runChecks(db, [def('x', 'LOAD_PMI', 'not_null', { colum: 'A' })], opts)).rejects.toBeInstanceOf(
        FerryError,
      );
      await expect(
        runChecks(db, [def('x', 'LOAD_PMI', 'code_in_set', { column: 'SEX', codeType: 'ethnicity' })], opts),
      ).rejects.toThrow("Check x needs code type 'ethnicity'");
      await expect(runChecks(db, [], { ...opts, asOfDate: '31/03/2025' })).rejects.toMatchObject({
        code: 'FERRY_ERR_INPUT',
      });
    });
  });
}

checkKindSuite('check kinds on PGlite', async () => ({ db: await PgliteDatabase.open(), done: async () => {} }));

describe.runIf(pgUp)('on a PostgreSQL server', () => {
  checkKindSuite('check kinds on PostgreSQL', async () => {
    const schema = await createTestSchema('quality');
    return { db: await PostgresDatabase.open(schema.url), done: schema.drop };
  });
});
