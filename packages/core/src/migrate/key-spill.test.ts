import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { mappingContractSchema } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { CsvLoadTarget } from './csv-load-target.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { type MigrationSource, runMigration } from './run-migration.js';

const col = (name: string, extra: object = {}) => ({
  name,
  dataType: 'string' as const,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});

/** Two tables keyed by text (no integer keys: those are held as a bitmap and never looked up). */
const targetCatalog: Catalog = {
  version: 1,
  name: 'target',
  tables: [
    { name: 'LOAD_CASE', inScope: true, columns: [col('CASE_ID', { primaryKey: true, nullable: false }), col('NOTE')] },
    {
      name: 'LOAD_VISIT',
      inScope: true,
      columns: [col('VISIT_ID', { primaryKey: true, nullable: false }), col('CASE_ID', { nullable: false })],
    },
  ],
};

const contract = mappingContractSchema.parse({
  version: 1,
  name: 'text-keys',
  label: '1.0.0',
  sourceSystem: 'L',
  targetSystem: 'T',
  tables: [
    {
      target: 'LOAD_CASE',
      source: 'CASE',
      sourceKey: ['ID'],
      domain: 'PMI',
      fields: [
        { target: 'CASE_ID', source: ['ID'], transform: ['trim'], mandatory: true, status: 'approved' },
        { target: 'NOTE', source: ['NOTE'], status: 'approved' },
      ],
    },
    {
      target: 'LOAD_VISIT',
      source: 'VISIT',
      sourceKey: ['ID'],
      domain: 'PMI',
      parents: [{ field: 'CASE_ID', table: 'LOAD_CASE' }],
      fields: [
        { target: 'VISIT_ID', source: ['ID'], transform: ['trim'], mandatory: true, status: 'approved' },
        { target: 'CASE_ID', source: ['CASE'], transform: ['trim'], mandatory: true, status: 'approved' },
      ],
    },
  ],
});

const cases = Array.from({ length: 40 }, (_, i) => [`C-${i}`, `note ${i}`]);
const data: Record<string, string[][]> = {
  // Duplicates of keys loaded chunks earlier (sealed by then), of the chunk before (maybe still being written) and
  // within a chunk.
  CASE: [['ID', 'NOTE'], ...cases, ['C-3', 'again'], ['C-38', 'again'], ['C-40', 'x'], ['C-40', 'y'], ['C-0', 'z']],
  VISIT: [['ID', 'CASE'], ...Array.from({ length: 30 }, (_, i) => [`V-${i}`, `C-${(i * 7) % 45}`]), ['V-3', 'C-1']],
};
const source: MigrationSource = {
  tables: () => Object.keys(data),
  header: async (t) => data[t]![0]!,
  async *rows(t) {
    const rows = data[t]!;
    for (let i = 1; i < rows.length; i++) yield { line: i + 1, fields: rows[i]! };
  },
};

async function load(
  target: CsvLoadTarget | DatabaseLoadTarget,
  dir: string,
  keyBudget?: number,
  mode: 'fresh' | 'resume' = 'fresh',
  from: { source: MigrationSource; workers: number } = { source, workers: 1 },
) {
  const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
  const report = await runMigration({
    jobId: 'J1',
    contract,
    source: from.source,
    workers: from.workers,
    targetCatalog,
    crosswalks: new CrosswalkIndex({ version: 1, entries: [] }),
    releaseProfile: 'pre_production',
    target,
    rejects,
    batchSize: 4,
    mode,
    ...(keyBudget === undefined ? {} : { keyBudget }),
  });
  await rejects.close();
  return { tables: report.tables, rejects: await readFile(join(dir, 'rejects.csv'), 'utf8') };
}

describe('keys past the budget are looked up in the target, with the same decisions', () => {
  it('rejects every duplicate and orphan as a load holding every key does, looking up only fingerprint hits', async () => {
    const held = await load(new CsvLoadTarget(join(await mkdtemp(join(tmpdir(), 'ferry-ks-')), 'load')), tmpdir());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-ks-'));
    const db = await PgliteDatabase.open();
    // Rejects and keys listed 3 at a time.
    const target = new DatabaseLoadTarget(db, { pageSize: 3 });
    const lookups = vi.spyOn(target, 'jobKeysAmong');
    const spilled = await load(target, dir, 0);
    expect(spilled).toEqual(held);
    expect(held.tables.map((t) => [t.loaded, t.rejectsByReason])).toEqual([
      [41, { DUPLICATE_KEY: 4 }],
      [28, { ORPHAN: 2, DUPLICATE_KEY: 1 }],
    ]);
    expect(held.rejects).toBe(
      [
        'source_table,source_key,reason_code,field,message,target_table,source_line',
        'CASE,C-3,DUPLICATE_KEY,CASE_ID,another row of this job has the same target key,LOAD_CASE,42',
        'CASE,C-38,DUPLICATE_KEY,CASE_ID,another row of this job has the same target key,LOAD_CASE,43',
        'CASE,C-40,DUPLICATE_KEY,CASE_ID,another row of this job has the same target key,LOAD_CASE,45',
        'CASE,C-0,DUPLICATE_KEY,CASE_ID,another row of this job has the same target key,LOAD_CASE,46',
        'VISIT,V-6,ORPHAN,CASE_ID,no loaded LOAD_CASE row with this key,LOAD_VISIT,8',
        'VISIT,V-19,ORPHAN,CASE_ID,no loaded LOAD_CASE row with this key,LOAD_VISIT,21',
        'VISIT,V-3,DUPLICATE_KEY,VISIT_ID,another row of this job has the same target key,LOAD_VISIT,32',
        '',
      ].join('\n'),
    );
    // The duplicates of sealed keys and the visits' parents were looked up.
    expect(lookups).toHaveBeenCalled();
    const asked = lookups.mock.calls.flatMap((c) => c[2]);
    expect(asked).toEqual(expect.arrayContaining(['C-3', 'C-0', 'C-7']));
    // An orphan's missing parent is answered by the fingerprints alone.
    expect(asked).not.toContain('C-42');
    const keys: string[] = [];
    for await (const page of target.loadedKeys('J1', targetCatalog.tables[0]!)) keys.push(...page);
    expect(keys).toEqual([...cases.map((c) => c[0]!), 'C-40'].sort());
    await db.close();
  });

  it('a job resumed after a crash reads its loaded keys in pages, seals them, and decides as before', async () => {
    const held = await load(new CsvLoadTarget(join(await mkdtemp(join(tmpdir(), 'ferry-ks-')), 'load')), tmpdir());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-ks-'));
    const db = await PgliteDatabase.open();
    const target = new DatabaseLoadTarget(db, { pageSize: 3 });
    const write = target.writeChunk.bind(target);
    // The first attempt dies writing the visits' third chunk, after the cases and two chunks of visits committed.
    const crash = vi.spyOn(target, 'writeChunk').mockImplementation(async (jobId, chunk) => {
      if (chunk.table.name === 'LOAD_VISIT' && chunk.chunkNo === 2) throw new Error('killed');
      return write(jobId, chunk);
    });
    await expect(load(target, dir, 0)).rejects.toThrow('killed');
    crash.mockRestore();
    const resumed = await load(target, dir, 0, 'resume');
    expect(resumed).toEqual(held);
    await db.close();
  });

  it('with worker threads (the built core), chunks admitted in order resolve their keys alike', async () => {
    const held = await load(new CsvLoadTarget(join(await mkdtemp(join(tmpdir(), 'ferry-ks-')), 'load')), tmpdir());
    const dir = await mkdtemp(join(tmpdir(), 'ferry-ks-'));
    await mkdir(join(dir, 'source'));
    for (const [name, rows] of Object.entries(data)) {
      await writeFile(join(dir, 'source', `${name}.csv`), `${rows.map((r) => r.join(',')).join('\n')}\n`);
    }
    const db = await PgliteDatabase.open();
    const csv = await CsvSourceConnector.open(join(dir, 'source'));
    const spilled = await load(new DatabaseLoadTarget(db), dir, 0, 'fresh', { source: csv, workers: 2 });
    expect(spilled).toEqual(held);
    await db.close();
  });
});
