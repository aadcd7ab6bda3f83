import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evidenceFiles,
  evidenceManifestSchema,
  inputHashesSchema,
  migrationReportSchema,
  openDatabase,
  parseCsvText,
  RunStore,
  runLifecycle,
  runRecordSchema,
  sha256File,
  verifyEvidencePackage,
} from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { nhsPasPack } from './index.js';

/**
 * The README's quick start, small: the lifecycle twice into one embedded target and one --out, first at development,
 * then at cutover_ready. The evidence is what a board reads and signs; the target holds one copy of each patient.
 */
const versions = { ferry: 'test' };
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('nhs-pas evidence package and reruns into one target', () => {
  it('seals a true, hashed, reconciled package and replaces the earlier job on a rerun', {
    timeout: 600_000,
  }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-ev-'));
    const target = `pglite:${join(out, 'target')}`;
    const lifecycle = (releaseProfile: 'development' | 'cutover_ready') =>
      runLifecycle({
        pack: nhsPasPack,
        source: { kind: 'generated', patients: 20, seed: 42, defects: 'typical' },
        releaseProfile,
        target,
        outDir: out,
        versions,
      });

    const first = await lifecycle('development');
    const evidence = join(out, 'evidence');
    const manifest = evidenceManifestSchema.parse(await json(join(evidence, 'manifest.json')));
    // Every file of the package, the board summary in HTML and PDF first, is in the manifest and matches it.
    expect(Object.keys(manifest.files)).toEqual([...evidenceFiles]);
    expect((await readdir(evidence)).sort()).toEqual([...evidenceFiles, 'manifest.json'].sort());
    expect(await verifyEvidencePackage(evidence, manifest)).toEqual([]);
    expect((await readFile(join(evidence, 'summary.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');

    // The package's run record is the run's final record: the evidence stage Success, as in run.json.
    const packaged = runRecordSchema.parse(await json(join(evidence, 'lifecycle_run.json')));
    expect(packaged.stages.find((s) => s.stage === 'evidence')?.status).toBe('Success');
    expect(packaged.finishedAt).toBeDefined();
    expect(packaged).toEqual(await json(join(first.runDir, 'run.json')));

    // The source files and crosswalks used are hashed.
    const inputs = inputHashesSchema.parse(await json(join(evidence, 'inputs.json')));
    const sourceDir = join(first.runDir, 'generate', 'source');
    expect(inputs.source.files.map((f) => f.file).sort()).toEqual(
      (await readdir(sourceDir)).filter((f) => f.endsWith('.csv')).sort(),
    );
    for (const f of inputs.source.files) expect((await sha256File(join(sourceDir, f.file))).sha256).toBe(f.sha256);
    expect(inputs.crosswalks.codeTypes.some((c) => c.usedByContract)).toBe(true);
    expect(inputs.contract.hash).toBe(packaged.contract?.hash);

    // Rejected rows and rejects.csv lines reconcile: distinct rows = the report's count; lines = one per problem.
    const migration = migrationReportSchema.parse(await json(join(evidence, 'migration_report.json')));
    const rejects = parseCsvText(await readFile(join(evidence, 'rejects.csv'), 'utf8')).slice(1);
    const rows = new Set(rejects.map((r) => `${r[0]}|${r[5]}|${r[6]}|${r[1]}`));
    expect(rows.size).toBe(migration.totals.rejected);
    expect(rejects.length).toBe(migration.totals.rejectRows);
    expect(rejects.length).toBeGreaterThan(rows.size);
    expect(manifest.counts?.rejects).toMatchObject({
      rejectedRows: rows.size,
      rejectLines: rejects.length,
      agree: true,
    });
    const html = await readFile(join(evidence, 'summary.html'), 'utf8');
    expect(html).toContain(`rejects.csv has ${rejects.length} lines for ${rows.size} rejected rows`);
    expect(html).toContain(`Data: job ${first.record.jobId} in ${target}.`);

    // Then the lifecycle is rerun at cutover_ready: a new job, which replaces the first in the target.
    const second = await lifecycle('cutover_ready');
    expect(second.record.jobId).not.toBe(first.record.jobId);
    expect(second.record.targetJobs).toEqual({ replaced: [first.record.jobId], others: [] });
    const loadedPatients = migrationReportSchema
      .parse(await json(join(evidence, 'migration_report.json')))
      .tables.find((t) => t.targetTable === 'LOAD_PMI')!.loaded;
    const db = await openDatabase(target);
    try {
      const pmi = await db.query<{ job: string; n: number }>(
        'SELECT ferry_job_id AS job, count(*)::int AS n FROM "LOAD_PMI" GROUP BY 1',
      );
      expect(pmi).toEqual([{ job: second.record.jobId, n: loadedPatients }]);
    } finally {
      await db.close();
    }
    expect(runRecordSchema.parse(await json(join(evidence, 'lifecycle_run.json'))).runId).toBe(second.record.runId);

    // The first run's load is gone from the target: restoring that run and rerunning from check is refused.
    await new RunStore(out).restore(first.record.runId);
    await expect(
      runLifecycle({ pack: nhsPasPack, releaseProfile: 'development', target, outDir: out, from: 'check', versions }),
    ).rejects.toMatchObject({ code: 'FERRY_ERR_USAGE', message: expect.stringMatching(/rerun from migrate/) });
  });
});
