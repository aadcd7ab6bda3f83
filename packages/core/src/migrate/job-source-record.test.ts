import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractHash } from '../contract/contract-hash.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { readCsvTargetJob } from './csv-target-job.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

const load = async (target: CsvLoadTarget | DatabaseLoadTarget, dir: string, sourceFingerprint?: string) => {
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  try {
    return await runMigration({
      jobId: 'J1',
      contract,
      source,
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production',
      target,
      rejects,
      sourceFingerprint,
    });
  } finally {
    await rejects.close();
  }
};

describe('a job records the fingerprint of its source', () => {
  it('in the database target: ferry_jobs, the report, and a resume on other source files is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-jobsrc-'));
    const db = await PgliteDatabase.open();
    const report = await load(new DatabaseLoadTarget(db), dir, 'S1');
    expect([report.version, report.sourceFingerprint]).toEqual([2, 'S1']);
    expect(await db.query('SELECT contract_hash, source_fingerprint FROM ferry_jobs')).toEqual([
      { contract_hash: contractHash(contract), source_fingerprint: 'S1' },
    ]);
    // As if the job had been killed mid-load: resuming it on other source files is refused before anything runs.
    await db.query(`UPDATE ferry_jobs SET status = 'running'`);
    const meta = { contractHash: contractHash(contract), releaseProfile: 'pre_production', batchSize: 5000 };
    await expect(
      new DatabaseLoadTarget(db).begin('J1', [], { ...meta, sourceFingerprint: 'S2' }, 'resume'),
    ).rejects.toMatchObject({
      code: 'FERRY_ERR_USAGE',
      message: 'Job J1 was started on other source files (their fingerprint differs); it cannot be resumed with these',
    });
    await new DatabaseLoadTarget(db).begin('J1', [], { ...meta, sourceFingerprint: 'S1' }, 'resume');
    await db.close();
  });

  it('in a CSV target: lineage/_job.json names the job, the contract hash and the fingerprint', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-jobsrc-'));
    expect(await readCsvTargetJob(join(dir, 'load'))).toBeUndefined();
    await load(new CsvLoadTarget(join(dir, 'load')), dir, 'S1');
    expect(await readCsvTargetJob(join(dir, 'load'))).toEqual({
      version: 1,
      jobId: 'J1',
      contractHash: contractHash(contract),
      releaseProfile: 'pre_production',
      sourceFingerprint: 'S1',
    });
    expect(JSON.parse(await readFile(join(dir, 'load', 'lineage', '_job.json'), 'utf8')).jobId).toBe('J1');
  });
});
