import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { isFerryError } from '../errors.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, targetCatalog } from '../testing/mini-migration-fixture.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

/** Bad files give rejects or a clear error naming file and line, never a crash or a silent drop. */
async function migrateFiles(
  files: Record<string, string | Buffer>,
  encoding: 'auto' | 'utf-8' = 'auto',
  options: { contract?: typeof contract; delimiter?: ';'; target?: DatabaseLoadTarget } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-bad-'));
  await mkdir(join(dir, 'source'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, 'source', name), body);
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    const report = await runMigration({
      jobId: 'J',
      contract: options.contract ?? contract,
      source: await CsvSourceConnector.open(join(dir, 'source'), {
        encoding,
        ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      }),
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production',
      target: options.target ?? new CsvLoadTarget(join(dir, 'load')),
      rejects,
    });
    await rejects.close();
    return { report, rejects: await readFile(join(dir, 'rejects.csv'), 'utf8') };
  } finally {
    await rejects.close().catch(() => {});
  }
}

const referrals = 'REF_ID,PAT_ID,RCVD_DT\r\n10,1,01/02/2024\r\n';

describe('bad source files', () => {
  it('ragged rows and a truncated last line are rejected with their line numbers; the rest loads', async () => {
    const { report, rejects } = await migrateFiles({
      'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\r\n1,SMITH,M,A\r\n2,JONES,F,A,EXTRA\r\n3,BROWN',
      'REFERRAL.csv': referrals,
    });
    expect(report.tables[0]).toMatchObject({ read: 3, loaded: 1, rejected: 2, balanced: true });
    expect(rejects).toContain('PATIENT,2,RAGGED_ROW,,"row has 5 fields, header has 4",LOAD_PMI,3');
    expect(rejects).toContain('PATIENT,3,RAGGED_ROW,,"row has 2 fields, header has 4",LOAD_PMI,4');
  });

  it('a 10 MB field is read whole and rejected for its length, not truncated or dropped', async () => {
    const huge = 'X'.repeat(10 * 1024 * 1024);
    const { report, rejects } = await migrateFiles({
      'PATIENT.csv': `PAT_ID,SURNAME,SEX,REC_STATUS\n1,"${huge}",M,A\n2,SMITH,F,A\n`,
      'REFERRAL.csv': referrals,
    });
    expect(report.tables[0]).toMatchObject({ read: 2, loaded: 1, rejected: 1, balanced: true });
    expect(rejects).toContain('PATIENT,1,INVALID_VALUE,SURNAME,longer than the maximum length');
  });

  it('invalid UTF-8 in a file declared UTF-8 stops the load with an error naming the file and line', async () => {
    const bad = Buffer.concat([
      Buffer.from('PAT_ID,SURNAME,SEX,REC_STATUS\n1,SMITH,M,A\n2,'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(',F,A\n'),
    ]);
    const error = await migrateFiles({ 'PATIENT.csv': bad, 'REFERRAL.csv': referrals }, 'utf-8').catch(
      (e: unknown) => e,
    );
    expect(isFerryError(error)).toBe(true);
    const e = error as { code: string; describe(): string };
    expect(e.code).toBe('FERRY_ERR_CSV_ENCODING');
    expect(e.describe()).toMatch(/PATIENT\.csv:3/);
  });

  it('an unterminated quote at the end of a file rejects every line it swallowed, with line numbers', async () => {
    const { report, rejects } = await migrateFiles({
      'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,SMITH,M,A\n2,"SMITH,M,A\n3,LEE,F,A\n',
      'REFERRAL.csv': referrals,
    });
    expect(report.tables[0]).toMatchObject({ read: 3, loaded: 1, rejected: 2, balanced: true });
    expect(report.tables[0]!.rejectsByReason).toEqual({ MALFORMED_RECORD: 2 });
    const why =
      'a quote in the record starting on line 3 is not closed before the end of the file: lines 3-4 are not loaded';
    expect(rejects).toContain(`PATIENT,2,MALFORMED_RECORD,,${why},LOAD_PMI,3`);
    expect(rejects).toContain(`PATIENT,3,MALFORMED_RECORD,,${why},LOAD_PMI,4`);
  });

  it('a quote that swallows lines counts each physical record: 51 read, the swallowed ones rejected by line', async () => {
    // 51 patients; patient 10 has a stray quote that runs to the quoted surname of patient 30.
    const lines = ['PAT_ID,SURNAME,SEX,REC_STATUS'];
    for (let i = 1; i <= 51; i++) {
      const surname = i === 10 ? '"SMITH' : i === 30 ? '"LEE"' : `NAME${i}`;
      lines.push(`${i},${surname},M,A`);
    }
    const { report, rejects } = await migrateFiles({
      'PATIENT.csv': `${lines.join('\r\n')}\r\n`,
      'REFERRAL.csv': referrals,
    });
    // Before: the merged record read as one ragged row, so "read 31" with conservation holding.
    expect(report.tables[0]).toMatchObject({ read: 51, loaded: 30, rejected: 21, balanced: true });
    const malformed = rejects.split('\n').filter((l) => l.includes('MALFORMED_RECORD'));
    expect(malformed).toHaveLength(21);
    // The quote closes before LEE on line 31, so the merged record even has the header's width: the text after it tells.
    expect(malformed[0]).toBe(
      'PATIENT,10,MALFORMED_RECORD,,an unbalanced quote made lines 11-31 one record (text follows a closing quote): none of these lines is loaded,LOAD_PMI,11',
    );
    expect(malformed[20]).toMatch(/^PATIENT,30,MALFORMED_RECORD,.*,LOAD_PMI,31$/);
  });

  it('the same file with batch boundaries inside the swallowed lines loads the same (chunks follow records)', async () => {
    const body = 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,A,M,A\n2,"B,M,A\n3,C,M,A\n4,"D",M,A\n5,E,M,A\n';
    const { report } = await migrateFiles({ 'PATIENT.csv': body, 'REFERRAL.csv': referrals });
    expect(report.tables[0]).toMatchObject({ read: 5, loaded: 2, rejected: 3, balanced: true });
  });

  it('a semicolon-delimited extract is read as its columns (it was one column), and the report says so', async () => {
    const { report, rejects } = await migrateFiles({
      'PATIENT.csv': 'PAT_ID;SURNAME;SEX;REC_STATUS\r\n1;SMITH, J;M;A\r\n2;JONES;F;A\r\n',
      'REFERRAL.csv': referrals,
    });
    expect(report.tables[0]).toMatchObject({ read: 2, loaded: 2, rejected: 0, balanced: true });
    expect(rejects.split('\n').filter(Boolean)).toHaveLength(1);
    expect(report.sourceFiles).toEqual([
      {
        table: 'PATIENT',
        file: 'PATIENT.csv',
        encoding: 'utf-8',
        encodingSource: 'valid-utf-8',
        delimiter: 'semicolon',
        delimiterSource: 'detected',
        lineEnding: 'lf',
      },
      {
        table: 'REFERRAL',
        file: 'REFERRAL.csv',
        encoding: 'utf-8',
        encodingSource: 'valid-utf-8',
        delimiter: 'comma',
        delimiterSource: 'detected',
        lineEnding: 'lf',
      },
    ]);
  });

  it('a file whose lines end with a bare CR loads its rows (it read as one line before)', async () => {
    const { report } = await migrateFiles({
      'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\r1,SMITH,M,A\r2,JONES,F,A\r',
      'REFERRAL.csv': 'REF_ID,PAT_ID,RCVD_DT\r10,1,01/02/2024\r',
    });
    expect(report.tables.map((t) => [t.read, t.loaded])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(report.sourceFiles?.map((f) => f.lineEnding)).toEqual(['cr', 'cr']);
  });

  it('records the encoding of each file: a Windows-1252 file as such, a mixed one refused by line', async () => {
    const cp1252 = Buffer.concat([Buffer.from('PAT_ID,SURNAME,SEX,REC_STATUS\n1,CAF'), Buffer.from([0xc9, 0x0a])]);
    const { report } = await migrateFiles({ 'PATIENT.csv': cp1252, 'REFERRAL.csv': referrals });
    expect(report.sourceFiles?.[0]).toMatchObject({ encoding: 'windows-1252', encodingSource: 'not-utf-8' });

    const mixed = Buffer.concat([
      Buffer.from('PAT_ID,SURNAME,SEX,REC_STATUS\n1,N\u00ed Bhriain,F,A\n2,CAF'),
      Buffer.from([0xc9]),
      Buffer.from(',M,A\n'),
    ]);
    const error = await migrateFiles({ 'PATIENT.csv': mixed, 'REFERRAL.csv': referrals }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('FERRY_ERR_CSV_ENCODING');
    expect((error as { describe(): string }).describe()).toMatch(/PATIENT\.csv:3: the file mixes encodings/);
  });

  it('blank and whitespace-only lines are counted and skipped; a blank key or NOT NULL value is a reject', async () => {
    // The key and surname are not mandatory in this contract, but the target does not allow them blank.
    const lenient = structuredClone(contract);
    for (const f of lenient.tables[0]!.fields) f.mandatory = false;
    const { report, rejects } = await migrateFiles(
      {
        'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,SMITH,M,A\n\n   \n,JONES,F,A\n3,,F,A\n4,LEE,F,A\n\n',
        'REFERRAL.csv': referrals,
      },
      'auto',
      { contract: lenient },
    );
    expect(report.tables[0]).toMatchObject({
      read: 7,
      loaded: 2,
      rejected: 2,
      outOfScope: 3,
      blankLines: 3,
      balanced: true,
      rejectsByReason: { MISSING_KEY: 1, MISSING_MANDATORY: 1 },
    });
    expect(report.totals.blankLines).toBe(3);
    expect(rejects).toContain(
      'PATIENT,,MISSING_KEY,PAT_ID,the source key is blank: the row cannot be traced,LOAD_PMI,5',
    );
    expect(rejects).toContain('PATIENT,,MISSING_KEY,RECORD_NUMBER,the target key is blank,LOAD_PMI,5');
    expect(rejects).toContain(
      'PATIENT,3,MISSING_MANDATORY,SURNAME,"blank, and the target column does not allow blanks",LOAD_PMI,6',
    );
  });

  it('PGlite: blank lines and a blank key end as counted rows and rejects, not "internal error (error 23502)"', {
    timeout: 60_000,
  }, async () => {
    const db = await PgliteDatabase.open();
    try {
      const { report, rejects } = await migrateFiles(
        {
          'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,SMITH,M,A\n,JONES,F,A\n  \n4,LEE,F,A\n\n',
          'REFERRAL.csv': referrals,
        },
        'auto',
        { target: new DatabaseLoadTarget(db) },
      );
      expect(report.tables[0]).toMatchObject({ read: 5, loaded: 2, rejected: 1, blankLines: 2, balanced: true });
      expect(rejects).toContain('PATIENT,,MISSING_MANDATORY,RECORD_NUMBER,mandatory field is blank,LOAD_PMI,3');
      const keys = await db.query<{ k: string }>('SELECT source_key AS k FROM ferry_rejects ORDER BY source_line');
      expect(keys.map((r) => r.k)).toEqual(['']);
    } finally {
      await db.close();
    }
  });
});
