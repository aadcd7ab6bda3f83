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
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-bad-w-'));
  await mkdir(join(dir, 'source'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, 'source', name), body);
  const schema = await createTestSchema('bad_workers');
  const db = await PostgresDatabase.open(schema.url);
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    const report = await runMigration({
      jobId: 'J',
      contract,
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
};

describe.runIf(pgUp)('bad source files through worker threads', () => {
  for (const [name, files] of Object.entries(cases)) {
    it(`${name}: the same outcome with and without workers`, { timeout: 60_000 }, async () => {
      const encoding = name.includes('Windows-1252') ? 'auto' : 'utf-8';
      const single = await outcome(files, 1, encoding);
      expect(await outcome(files, 2, encoding)).toBe(single);
      if (encoding === 'auto') expect(single).toContain('O\u2019brien,1,J,PATIENT,1');
      if (name === 'invalid UTF-8') expect(single).toMatch(/^FERRY_ERR_CSV_ENCODING .*PATIENT\.csv:4/);
      if (name === 'an unterminated quote')
        expect(single).toMatch(/^FERRY_ERR_CSV_UNTERMINATED_QUOTE .*PATIENT\.csv:3/);
      if (name === 'a 10 MB field') expect(single).toContain('longer than the maximum length');
      if (name.startsWith('ragged')) expect(single).toContain('RAGGED_ROW');
    });
  }
});
