import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RejectLine } from '../migrate/load-target.js';
import { buildMigrationReport, type TableLoad } from '../migrate/migration-report.js';
import { RejectsFile } from '../migrate/rejects-file.js';
import { contract } from '../testing/mini-migration-fixture.js';
import { countRejects } from './reject-counts.js';

const table = (sourceTable: string, targetTable: string, read: number, rejected: number): TableLoad => ({
  sourceTable,
  targetTable,
  domain: 'PMI',
  read,
  loaded: read - rejected,
  inserted: read - rejected,
  updated: 0,
  updatedWithinJob: 0,
  rejected,
  outOfScope: 0,
  duplicatesSkipped: 0,
  blankLines: 0,
  rejectsByReason: {},
  balanced: true,
});

const line = (
  sourceTable: string,
  targetTable: string,
  key: string,
  lineNo: number,
  reasonCode: string,
): RejectLine => ({
  sourceTable,
  targetTable,
  sourceKey: key,
  line: lineNo,
  reasonCode,
  field: 'F',
  message: 'm',
});

async function rejectsFile(lines: RejectLine[]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ferry-rejects-')), 'rejects.csv');
  const file = await RejectsFile.open(path);
  for (const l of lines) await file.write(l);
  await file.close();
  return path;
}

describe('countRejects', () => {
  // Two patients rejected once each; one referral rejected for three problems (three lines), one for one.
  const lines = [
    line('PATIENT', 'LOAD_PMI', '1', 2, 'INVALID_VALUE'),
    line('PATIENT', 'LOAD_PMI', '4', 5, 'CROSSWALK_MISS'),
    line('REFERRAL', 'LOAD_REFERRALS', '10', 2, 'ORPHAN'),
    line('REFERRAL', 'LOAD_REFERRALS', '10', 2, 'ORPHAN'),
    line('REFERRAL', 'LOAD_REFERRALS', '10', 2, 'INVALID_VALUE'),
    line('REFERRAL', 'LOAD_REFERRALS', '11', 3, 'ORPHAN'),
  ];
  const report = (patients: number, referrals: number, rejectRows: number) =>
    buildMigrationReport({
      jobId: 'J',
      contract,
      sourceFingerprint: null,
      releaseProfile: 'development',
      tables: [table('PATIENT', 'LOAD_PMI', 5, patients), table('REFERRAL', 'LOAD_REFERRALS', 4, referrals)],
      unmappedSourceTables: [],
      rejectRows,
    });

  it('reconciles rows and lines: one line per problem, rows counted once, and says why they differ', async () => {
    const counts = await countRejects(report(2, 2, 6), await rejectsFile(lines));
    expect(counts).toMatchObject({
      rejectedRows: 4,
      rowsInFile: 4,
      lines: 6,
      agree: true,
      linesByReason: { CROSSWALK_MISS: 1, INVALID_VALUE: 2, ORPHAN: 3 },
      tables: [
        { sourceTable: 'PATIENT', targetTable: 'LOAD_PMI', rejectedRows: 2, rowsInFile: 2, lines: 2 },
        { sourceTable: 'REFERRAL', targetTable: 'LOAD_REFERRALS', rejectedRows: 2, rowsInFile: 2, lines: 4 },
      ],
    });
    expect(counts.explanation).toBe(
      'rejects.csv has 6 lines for 4 rejected rows because it has one line per problem, and some rows were rejected ' +
        'for several problems (REFERRAL: 2 rows, 4 lines). Counting distinct rows (source table, line and key) in ' +
        'rejects.csv gives 4, as migration_report.json counts.',
    );
  });

  it('says one line per row when no row has two problems', async () => {
    const counts = await countRejects(report(2, 0, 2), await rejectsFile(lines.slice(0, 2)));
    expect(counts.agree).toBe(true);
    expect(counts.explanation).toMatch(/one line per rejected row \(2\)/);
  });

  it('flags a report and a rejects file that do not agree, naming the table', async () => {
    const counts = await countRejects(report(2, 3, 6), await rejectsFile(lines));
    expect(counts.agree).toBe(false);
    expect(counts.explanation).toBe(
      'rejects.csv and migration_report.json do not agree: REFERRAL -> LOAD_REFERRALS: 3 rejected, 2 in rejects.csv',
    );
    // Lines for a table the report does not have are listed too, and break agreement.
    const extra = await countRejects(
      report(2, 2, 7),
      await rejectsFile([...lines, line('GHOST', 'LOAD_X', '1', 2, 'ORPHAN')]),
    );
    expect(extra.agree).toBe(false);
    expect(extra.tables.at(-1)).toEqual({
      sourceTable: 'GHOST',
      targetTable: 'LOAD_X',
      rejectedRows: 0,
      rowsInFile: 1,
      lines: 1,
    });
  });

  it('refuses a file that is not a rejects.csv', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ferry-rejects-')), 'rejects.csv');
    await writeFile(path, 'a,b\n1,2\n');
    await expect(countRejects(report(0, 0, 0), path)).rejects.toMatchObject({ code: 'FERRY_ERR_INPUT' });
  });
});
