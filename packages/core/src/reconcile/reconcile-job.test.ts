import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseLoadTarget } from '../migrate/database-load-target.js';
import { RejectsFile } from '../migrate/rejects-file.js';
import { runMigration } from '../migrate/run-migration.js';
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
});
