import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingContract } from '../contract/contract-model.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { contract, crosswalks, targetCatalog } from '../testing/mini-migration-fixture.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { type MigrationSource, runMigration } from './run-migration.js';

/** The mini contract with SURNAME as LOAD_PMI's natural key (think NHS number). */
const keyed: MappingContract = {
  ...contract,
  tables: [{ ...contract.tables[0]!, naturalKey: ['SURNAME'] }, contract.tables[1]!],
};

const sourceOf = (patients: string[][]): MigrationSource => {
  const data: Record<string, string[][]> = {
    PATIENT: [['PAT_ID', 'SURNAME', 'SEX', 'REC_STATUS'], ...patients],
    REFERRAL: [['REF_ID', 'PAT_ID', 'RCVD_DT']],
  };
  return {
    tables: () => Object.keys(data),
    header: async (t) => data[t]![0]!,
    async *rows(t) {
      for (const [i, fields] of data[t]!.slice(1).entries()) yield { line: i + 2, fields };
    },
  };
};

async function load(db: PgliteDatabase, jobId: string, patients: string[][], onDuplicate?: 'skip' | 'reject') {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-nk-'));
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  const report = await runMigration({
    jobId,
    contract: keyed,
    source: sourceOf(patients),
    targetCatalog,
    crosswalks,
    releaseProfile: 'pre_production',
    target: new DatabaseLoadTarget(db),
    rejects,
    onDuplicate,
  });
  await rejects.close();
  return { pmi: report.tables[0]!, rejects: await readFile(join(dir, 'rejects.csv'), 'utf8') };
}

describe('natural-key policy (--on-duplicate)', () => {
  it('skips or rejects rows whose natural key is already in the target or earlier in the job, and reports them', async () => {
    const db = await PgliteDatabase.open();
    try {
      // First, job A loads two patients; nothing enforces natural keys without a policy.
      const a = await load(db, 'A', [
        ['1', 'SMITH', 'M', 'A'],
        ['2', 'JONES', 'F', 'A'],
      ]);
      expect(a.pmi).toMatchObject({ read: 2, loaded: 2, duplicatesSkipped: 0 });

      // Then a delta extract: SMITH again (in the target), BROWN twice (a duplicate within the job), and a new patient.
      const delta = [
        ['1', 'SMITH', 'M', 'A'],
        ['3', 'BROWN', 'F', 'A'],
        ['4', 'BROWN', 'F', 'A'],
        ['5', 'PATEL', 'M', 'A'],
      ];
      const skipped = await load(db, 'B', delta, 'skip');
      expect(skipped.pmi).toMatchObject({
        read: 4,
        loaded: 2,
        rejected: 0,
        outOfScope: 2,
        duplicatesSkipped: 2,
        balanced: true,
      });

      const rejected = await load(db, 'C', delta, 'reject');
      // Job C sees A's and B's rows: SMITH, BROWN and PATEL are all present already.
      expect(rejected.pmi).toMatchObject({
        read: 4,
        loaded: 0,
        rejected: 4,
        rejectsByReason: { DUPLICATE_NATURAL_KEY: 4 },
        balanced: true,
      });
      expect(rejected.rejects).toContain(
        'PATIENT,1,DUPLICATE_NATURAL_KEY,SURNAME,a row with the same natural key is already loaded,LOAD_PMI,2',
      );

      const rows = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "LOAD_PMI"`);
      expect(rows[0]!.n).toBe('4');
    } finally {
      await db.close();
    }
  });
});
