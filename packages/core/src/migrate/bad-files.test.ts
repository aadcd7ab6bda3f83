import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { isFerryError } from '../errors.js';
import { contract, crosswalks, targetCatalog } from '../testing/mini-migration-fixture.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

/** Bad files give rejects or a clear error naming file and line, never a crash or a silent drop. */
async function migrateFiles(files: Record<string, string | Buffer>, encoding: 'auto' | 'utf-8' = 'auto') {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-bad-'));
  await mkdir(join(dir, 'source'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, 'source', name), body);
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    const report = await runMigration({
      jobId: 'J',
      contract,
      source: await CsvSourceConnector.open(join(dir, 'source'), { encoding }),
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production',
      target: new CsvLoadTarget(join(dir, 'load')),
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

  it('an unterminated quote at the end of a file is an error naming where the field started', async () => {
    const error = await migrateFiles({
      'PATIENT.csv': 'PAT_ID,SURNAME,SEX,REC_STATUS\n1,"SMITH,M,A\n',
      'REFERRAL.csv': referrals,
    }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('FERRY_ERR_CSV_UNTERMINATED_QUOTE');
    expect((error as { describe(): string }).describe()).toMatch(/PATIENT\.csv:2/);
  });
});
