import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

async function migrateInto(target: CsvLoadTarget | DatabaseLoadTarget, dir: string) {
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  const report = await runMigration({
    jobId: 'J1',
    contract,
    source,
    targetCatalog,
    crosswalks,
    releaseProfile: 'pre_production',
    target,
    rejects,
    batchSize: 2,
  });
  await rejects.close();
  return report;
}

describe('runMigration', () => {
  it('loads, rejects and counts every row, per table (conservation), into CSV LOAD files with lineage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-mig-'));
    const report = await migrateInto(new CsvLoadTarget(join(dir, 'load')), dir);
    expect(report.tables).toEqual([
      {
        sourceTable: 'PATIENT',
        targetTable: 'LOAD_PMI',
        domain: 'PMI',
        read: 5,
        loaded: 2,
        inserted: 2,
        updated: 0,
        updatedWithinJob: 0,
        rejected: 2,
        outOfScope: 1,
        duplicatesSkipped: 0,
        blankLines: 0,
        rejectsByReason: { CROSSWALK_MISS: 1, RAGGED_ROW: 1 },
        balanced: true,
      },
      {
        sourceTable: 'REFERRAL',
        targetTable: 'LOAD_REFERRALS',
        domain: 'RTT',
        read: 4,
        loaded: 2,
        inserted: 2,
        updated: 0,
        updatedWithinJob: 0,
        rejected: 2,
        outOfScope: 0,
        duplicatesSkipped: 0,
        blankLines: 0,
        rejectsByReason: { ORPHAN: 1, INVALID_VALUE: 1 },
        balanced: true,
      },
    ]);
    expect(report.unmappedSourceTables).toEqual([
      { sourceTable: 'LKP_SEX', read: 2, outOfScope: 2, reason: 'table not loaded by the contract' },
    ]);
    expect(report.totals).toEqual({
      read: 11,
      loaded: 4,
      inserted: 4,
      updated: 0,
      rejected: 4,
      outOfScope: 3,
      duplicatesSkipped: 0,
      blankLines: 0,
      rejectRows: 4,
    });
    expect(report.balanced).toBe(true);
    expect(await readFile(join(dir, 'load', 'LOAD_PMI.csv'), 'utf8')).toBe(
      'RECORD_NUMBER,SURNAME,GENDER\n1,Smith,1\n4,"O\'Neil, Jr",2\n',
    );
    expect(await readFile(join(dir, 'load', 'lineage', 'LOAD_REFERRALS.csv'), 'utf8')).toBe(
      'RECORD_NUMBER,ferry_job_id,ferry_source_table,ferry_source_key\n10,J1,REFERRAL,10\n13,J1,REFERRAL,13\n',
    );
    expect(await readFile(join(dir, 'rejects.csv'), 'utf8')).toBe(
      [
        'source_table,source_key,reason_code,field,message,target_table,source_line',
        'PATIENT,2,CROSSWALK_MISS,GENDER,no approved gender crosswalk entry,LOAD_PMI,3',
        'PATIENT,5,RAGGED_ROW,,"row has 2 fields, header has 4",LOAD_PMI,6',
        'REFERRAL,11,ORPHAN,LOADPMI_RECORD_NUMBER,no loaded LOAD_PMI row with this key,LOAD_REFERRALS,3',
        'REFERRAL,12,INVALID_VALUE,RECEIVED_DATE,RCVD_DT is not a real date or time (format dd/mm/yyyy or yyyy-mm-dd),LOAD_REFERRALS,4',
        '',
      ].join('\n'),
    );
  });

  it('loads into PGlite with lineage and checkpoints, and a rerun of the same job replaces its rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-mig-'));
    const db = await PgliteDatabase.open();
    const target = new DatabaseLoadTarget(db);
    await migrateInto(target, dir);
    await migrateInto(target, dir);
    const rows = await db.query(
      'SELECT "RECORD_NUMBER"::text AS k, "RECEIVED_DATE"::text AS d, ferry_job_id, ferry_source_key FROM "LOAD_REFERRALS" ORDER BY 1',
    );
    expect(rows).toEqual([
      { k: '10', d: '2024-02-01', ferry_job_id: 'J1', ferry_source_key: '10' },
      { k: '13', d: '2024-03-05', ferry_job_id: 'J1', ferry_source_key: '13' },
    ]);
    const chunks = await db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM ferry_job_chunks WHERE job_id = 'J1'",
    );
    // Chunks are fixed source-row ranges: 5 patients and 4 referrals in chunks of 2.
    expect(chunks[0]!.n).toBe('5');
    const job = await db.query<{ status: string }>("SELECT status FROM ferry_jobs WHERE job_id = 'J1'");
    expect(job).toEqual([{ status: 'completed' }]);
    await db.close();
  });
});
