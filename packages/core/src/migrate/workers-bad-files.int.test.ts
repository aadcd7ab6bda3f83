import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { isFerryError } from '../errors.js';
import { PostgresDatabase } from '../store/postgres-database.js';
import { contract, crosswalks, targetCatalog } from '../testing/mini-migration-fixture.js';
import { createTestSchema, postgresReachable } from '../testing/postgres-test-env.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

/**
 * Bad files through worker threads (`workers: 2`, which run the built core: `npm run build`) end as they do in one
 * thread: the same rejects with the same lines, or the same error naming the same file and line.
 */
const pgUp = await postgresReachable();

async function outcome(
  files: Record<string, string | Buffer>,
  workers: number,
  encoding: 'auto' | 'utf-8' = 'utf-8',
  /** A contract whose patient fields are not mandatory: blanks reach the target's NOT NULL columns. */
  lenient = false,
): Promise<string> {
  const used = structuredClone(contract);
  if (lenient) for (const f of used.tables[0]!.fields) f.mandatory = false;
  const dir = await mkdtemp(join(tmpdir(), 'ferry-bad-w-'));
  await mkdir(join(dir, 'source'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, 'source', name), body);
  const schema = await createTestSchema('bad_workers');
  const db = await PostgresDatabase.open(schema.url);
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    const report = await runMigration({
      jobId: 'J',
      contract: used,
      source: await CsvSourceConnector.open(join(dir, 'source'), { encoding }),
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production',
      target: new DatabaseLoadTarget(db),
      rejects,
      batchSize: 2,
      workers,
    });
    await rejects.close();
    const rows = await db.query<{ r: string }>('SELECT x::text AS r FROM "LOAD_PMI" x ORDER BY 1');
    return JSON.stringify({
      tables: report.tables,
      rows: rows.map((r) => r.r),
      rejects: await readFile(join(dir, 'rejects.csv'), 'utf8'),
    });
  } catch (e) {
    return isFerryError(e) ? `${e.code} ${e.describe()}`.replaceAll(dir, 'DIR') : `not a FerryError: ${String(e)}`;
  } finally {
    await rejects.close().catch(() => {});
    await db.close();
    await schema.drop();
  }
}

const header = 'PAT_ID,SURNAME,SEX,REC_STATUS\r\n';
const referrals = 'REF_ID,PAT_ID,RCVD_DT\r\n10,1,01/02/2024\r\n';
const cases: Record<string, Record<string, string | Buffer>> = {
  'ragged rows, quoted line breaks and a truncated last line': {
    'PATIENT.csv': `${header}1,SMITH,M,A\r\n2,"JONES\r\nSMYTHE",F,A,EXTRA\r\n4,"O""BRIEN, P",M,A\r\n5,BROWN`,
    'REFERRAL.csv': referrals,
  },
  'a 10 MB field': {
    'PATIENT.csv': `${header}1,"${'X'.repeat(10 * 1024 * 1024)}",M,A\r\n2,SMITH,F,A\r\n3,LEE,F,A\r\n`,
    'REFERRAL.csv': referrals,
  },
  'invalid UTF-8': {
    'PATIENT.csv': Buffer.concat([
      Buffer.from(`${header}1,SMITH,M,A\r\n2,A,F,A\r\n3,`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(',F,A\r\n'),
    ]),
    'REFERRAL.csv': referrals,
  },
  'a Windows-1252 export (read with encoding auto)': {
    'PATIENT.csv': Buffer.concat([
      Buffer.from(`${header}1,O`),
      Buffer.from([0x92]),
      Buffer.from(`BRIEN,M,A\r\n2,"CAF`),
      Buffer.from([0xc9]),
      Buffer.from(`, LE",F,A\r\n3,LEE,F,A\r\n`),
    ]),
    'REFERRAL.csv': referrals,
  },
  'an unterminated quote': { 'PATIENT.csv': `${header}1,SMITH,M,A\r\n2,"SMITH,M,A\r\n`, 'REFERRAL.csv': referrals },
  'a quote that swallows lines across chunk boundaries': {
    'PATIENT.csv': `${header}1,A,M,A\r\n2,"B,M,A\r\n3,C,F,A\r\n4,D,F,A\r\n5,"E",M,A\r\n6,F,F,A\r\n7,G,M,A\r\n`,
    'REFERRAL.csv': referrals,
  },
  'a semicolon-delimited file with bare CR line ends': {
    'PATIENT.csv': 'PAT_ID;SURNAME;SEX;REC_STATUS\r1;SMITH, J;M;A\r2;"JONES\rSMYTHE";F;A\r3;LEE;F;A\r',
    'REFERRAL.csv': referrals,
  },
  'blank lines, a blank key and a blank NOT NULL value (error 23502 before)': {
    'PATIENT.csv': `${header}1,SMITH,M,A\r\n\r\n  \r\n,JONES,F,A\r\n3,,F,A\r\n4,LEE,F,A\r\n\r\n`,
    'REFERRAL.csv': referrals,
  },
  'a file mixing UTF-8 and Windows-1252 (read with encoding auto)': {
    'PATIENT.csv': Buffer.concat([
      Buffer.from(`${header}1,N\u00ed Bhriain,F,A\r\n2,CAF`),
      Buffer.from([0xc9]),
      Buffer.from(',M,A\r\n'),
    ]),
    'REFERRAL.csv': referrals,
  },
};

describe.runIf(pgUp)('bad source files through worker threads', () => {
  for (const [name, files] of Object.entries(cases)) {
    it(`${name}: the same outcome with and without workers`, { timeout: 60_000 }, async () => {
      const encoding = name.includes('Windows-1252') ? 'auto' : 'utf-8';
      const lenient = name.startsWith('blank lines');
      const single = await outcome(files, 1, encoding, lenient);
      expect(await outcome(files, 2, encoding, lenient)).toBe(single);
      if (name.startsWith('a Windows-1252')) expect(single).toContain('O\u2019brien,1,J,PATIENT,1');
      if (name.startsWith('a file mixing'))
        expect(single).toMatch(/^FERRY_ERR_CSV_ENCODING .*PATIENT\.csv:3: the file mixes encodings/);
      if (name.startsWith('a quote that swallows')) {
        expect(single).toContain('"read":7,"loaded":3');
        expect(single.match(/MALFORMED_RECORD,,an unbalanced quote made lines 3-6/g)).toHaveLength(4);
      }
      if (name.startsWith('a semicolon')) expect(single).toContain('"read":3,"loaded":3');
      if (lenient) {
        expect(single).toContain('"read":7,"loaded":2,"inserted":2');
        expect(single).toContain('"blankLines":3');
        expect(single).toContain('PATIENT,,MISSING_KEY,PAT_ID');
      }
      if (name === 'invalid UTF-8') expect(single).toMatch(/^FERRY_ERR_CSV_ENCODING .*PATIENT\.csv:4/);
      if (name === 'an unterminated quote') expect(single).toMatch(/PATIENT,2,MALFORMED_RECORD,.*LOAD_PMI,3/);
      if (name === 'a 10 MB field') expect(single).toContain('longer than the maximum length');
      if (name.startsWith('ragged')) expect(single).toContain('RAGGED_ROW');
    });
  }
});
