import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractHash } from '../contract/contract-hash.js';
import { DatabaseLoadTarget } from '../migrate/database-load-target.js';
import { RejectsFile } from '../migrate/rejects-file.js';
import { runMigration } from '../migrate/run-migration.js';
import { runChecks } from '../quality/run-checks.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, source, targetCatalog } from '../testing/mini-migration-fixture.js';
import { reconcileJob } from './reconcile-job.js';
import { DatabaseTargetReader } from './target-row-reader.js';

describe('reconcileJob', () => {
  it('matches a clean load, then finds a changed value and a missing row by key and by patient', async () => {
    // First, a job loads the mini cohort into PGlite.
    const dir = await mkdtemp(join(tmpdir(), 'ferry-rec-'));
    const db = await PgliteDatabase.open();
    const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
    const common = {
      jobId: 'J1',
      contract,
      source,
      targetCatalog,
      crosswalks,
      releaseProfile: 'pre_production' as const,
    };
    await runMigration({ ...common, target: new DatabaseLoadTarget(db), rejects });
    await rejects.close();
    // The load rejected referral 11 as an orphan: the reconciliation must not count it as missing.
    const rejectedKeys = new Map([
      ['PATIENT', new Set(['2', '5'])],
      ['REFERRAL', new Set(['11', '12'])],
    ]);
    const reconcile = () => reconcileJob({ ...common, target: new DatabaseTargetReader(db), rejectedKeys });

    const clean = await reconcile();
    expect(clean.outcome).toBe('MATCH');
    expect(clean.tables.map((t) => [t.targetTable, t.expected, t.inTarget, t.matched, t.explainedByRejects])).toEqual([
      ['LOAD_PMI', 2, 2, 2, 0],
      ['LOAD_REFERRALS', 2, 2, 2, 1],
    ]);
    expect(clean.patients).toMatchObject({ compared: 2, matched: 2, mismatched: 0 });

    // Then someone edits a surname in the target and deletes a referral.
    await db.exec(`UPDATE "LOAD_PMI" SET "SURNAME" = 'Smyth' WHERE "RECORD_NUMBER" = 1`);
    await db.exec(`DELETE FROM "LOAD_REFERRALS" WHERE "RECORD_NUMBER" = 13`);
    const dirty = await reconcile();
    expect(dirty.outcome).toBe('MISMATCH');
    expect(dirty.tables[0]!.mismatches).toEqual([{ sourceKey: '1', kind: 'changed' }]);
    expect(dirty.tables[1]!.mismatches).toEqual([{ sourceKey: '13', kind: 'missing_in_target' }]);
    expect(dirty.patients.mismatchedKeys).toEqual(['1', '4']);
    await db.close();
  });

  it('names the same subject as the load and the checks; a job with nothing loaded or expected is refused', async () => {
    // A job loads with the fingerprint of its source; its reports all name job, contract hash and that fingerprint.
    const dir = await mkdtemp(join(tmpdir(), 'ferry-rec-'));
    const db = await PgliteDatabase.open();
    const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
    const common = { contract, source, targetCatalog, crosswalks, releaseProfile: 'pre_production' as const };
    const load = await runMigration({
      ...common,
      jobId: 'J1',
      target: new DatabaseLoadTarget(db),
      rejects,
      sourceFingerprint: 'S1',
    });
    await rejects.close();
    const expected = { jobId: 'J1', contractHash: contractHash(contract), sourceFingerprint: 'S1' };
    expect([load.version, load.jobId, load.contract.hash, load.sourceFingerprint]).toEqual([
      2,
      'J1',
      expected.contractHash,
      'S1',
    ]);
    const target = new DatabaseTargetReader(db);
    const rec = await reconcileJob({
      ...common,
      jobId: 'J1',
      target,
      rejectedKeys: new Map(),
      sourceFingerprint: 'S1',
    });
    expect([rec.version, rec.subject]).toEqual([2, expected]);
    const quality = await runChecks(db, [], { jobId: 'J1', asOfDate: '2025-03-31', codeSets: {} });
    expect(quality.subject).toEqual(expected);

    // An empty source for another job: nothing expected and nothing in the target is not a MATCH.
    const empty: typeof source = { ...source, tables: () => [], header: source.header, rows: async function* () {} };
    await expect(
      reconcileJob({ ...common, source: empty, jobId: 'J-none', target, rejectedKeys: new Map() }),
    ).rejects.toMatchObject({
      code: 'FERRY_ERR_NOTHING_TO_JUDGE',
      message:
        'Job J-none has no rows in the target and none are expected from the source: a reconciliation over nothing cannot match',
    });
    await db.close();
  });
});
