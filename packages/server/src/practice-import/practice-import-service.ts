import {
  FerryError,
  type ImportCounts,
  type ImportReject,
  importFiles,
  importTableRecords,
  type JsonSourceRecord,
  jsonSourceRecords,
  type Pack,
  presetTableByType,
  type SqlDatabase,
} from '@ferry/core';
import { z } from 'zod';
import { type TenantScope, type TenantTx, tenantTransaction } from '../db/tenant-transaction.js';
import { PlatformRecordSink } from './platform-record-sink.js';
import {
  findPracticeJob,
  insertPracticeJob,
  jobRejectGroups,
  type PracticeJobRow,
  type PracticeJobView,
  practiceJobView,
  recordTableOutcome,
} from './practice-import-jobs.js';
import { practicePreset, resolvePreset } from './practice-presets.js';

/** An audit event of a practice import (keys and counts only, never a record's values). */
export interface PracticeAuditEvent {
  organisationId: string;
  action: string;
  targetType: 'practice_import';
  targetId: string;
  details: Record<string, unknown>;
}

/** Who imports and how: the database, the caller's RLS scope, the packs, the caller's actor and audit writer. */
export interface PracticeImportContext {
  db: SqlDatabase;
  scope: TenantScope;
  packs: ReadonlyMap<string, Pack>;
  actor: { id: string | null; email: string };
  audit(tx: TenantTx, event: PracticeAuditEvent): Promise<void>;
}

/** A new import job, as the API and the CLI take it. */
export const newImportSchema = z.object({
  /** The company (organisation) whose records these are; the caller's own by default. */
  companyId: z.uuid().optional(),
  /** `optical:optix`, or a record-type preset such as `optix-patients`. */
  preset: z.string().min(1).max(200).optional(),
  /** `optix`, `occuco`, `acuity`: the outgoing system. */
  sourceSystem: z.string().min(1).max(100).optional(),
  recordType: z.string().min(1).max(100).optional(),
  skipDuplicates: z.boolean().default(false),
  continueOnError: z.boolean().default(false),
  batchSize: z.number().int().min(1).max(10_000).default(1000),
});
export type NewImport = z.input<typeof newImportSchema>;

const tx = <T>(ctx: PracticeImportContext, fn: (tx: TenantTx) => Promise<T>) =>
  tenantTransaction(ctx.db, ctx.scope, fn);

/**
 * Creates an import job for a company: the caller's own organisation, or any for a super admin (platform access).
 * Audited `practice_import.create`.
 */
export async function createImport(ctx: PracticeImportContext, input: NewImport): Promise<PracticeJobView> {
  const parsed = newImportSchema.parse(input);
  if (!parsed.preset && !parsed.sourceSystem) {
    throw new FerryError('FERRY_ERR_INPUT', 'Name the preset or the source system of the export');
  }
  const companyId = parsed.companyId ?? ctx.scope.orgId;
  if (!companyId) throw new FerryError('FERRY_ERR_INPUT', 'Name the company (organisation) to import into');
  if (companyId !== ctx.scope.orgId && !ctx.scope.platformAccess) {
    throw new FerryError('FERRY_ERR_FORBIDDEN', 'An import can only be created for your own organisation');
  }
  const { preset, recordType } = await resolvePreset(ctx.packs, parsed);
  return tx(ctx, async (t) => {
    const [org] = await t.run.query<{ id: string }>('SELECT id FROM organisations WHERE id = $1', [companyId]);
    if (!org) throw new FerryError('FERRY_ERR_NOT_FOUND', `No company (organisation) ${companyId}`);
    const row = await insertPracticeJob(t, {
      companyId,
      preset: preset.name,
      ...(recordType ? { recordType } : {}),
      skipDuplicates: parsed.skipDuplicates,
      continueOnError: parsed.continueOnError,
      batchSize: parsed.batchSize,
      createdBy: ctx.actor.id,
      createdByEmail: ctx.actor.email,
    });
    await ctx.audit(t, {
      organisationId: companyId,
      action: 'practice_import.create',
      targetType: 'practice_import',
      targetId: row.id,
      details: { preset: preset.name, recordType: recordType ?? null },
    });
    return practiceJobView(row);
  });
}

export async function getImport(ctx: PracticeImportContext, jobId: string): Promise<PracticeJobRow> {
  return tx(ctx, (t) => findPracticeJob(t, jobId));
}

function openJob(job: PracticeJobRow): void {
  if (job.status !== 'open') {
    throw new FerryError('FERRY_ERR_CONFLICT', `Import job ${job.id} is ${job.status}: it takes no more records`);
  }
}

const stopMessage = (r: ImportReject) =>
  `Stopped at ${r.sourceFile} line ${r.sourceLine}: ${r.reasonCode}${r.field ? ` (${r.field})` : ''}; ` +
  'nothing of that batch was imported (fix the row, or import with continue-on-error)';

async function finishTable(
  ctx: PracticeImportContext,
  job: PracticeJobRow,
  what: { counts: ImportCounts; stopped?: ImportReject; file: string; recordType: string },
): Promise<void> {
  await tx(ctx, async (t) => {
    await recordTableOutcome(t, job.id, what.counts, what.stopped ? stopMessage(what.stopped) : undefined);
    await ctx.audit(t, {
      organisationId: job.organisation_id,
      action: 'practice_import.records',
      targetType: 'practice_import',
      targetId: job.id,
      details: { file: what.file, recordType: what.recordType, ...what.counts, stopped: what.stopped !== undefined },
    });
  });
}

/** A batch of JSON records (source columns as the export names them) of one record type. Audited with its counts. */
export async function importJsonBatch(
  ctx: PracticeImportContext,
  jobId: string,
  batch: { recordType?: string; file?: string; records: readonly JsonSourceRecord[] },
): Promise<PracticeJobRow> {
  const job = await getImport(ctx, jobId);
  openJob(job);
  const recordType = batch.recordType ?? job.record_type;
  if (!recordType) throw new FerryError('FERRY_ERR_INPUT', 'Name the record type of the batch (recordType)');
  if (job.record_type && recordType !== job.record_type) {
    throw new FerryError('FERRY_ERR_INPUT', `Import job ${job.id} is for ${job.record_type}, not ${recordType}`);
  }
  const preset = await practicePreset(ctx.packs, job.preset);
  const table = presetTableByType(preset, recordType);
  const header = table.sourceColumns;
  const records = jsonSourceRecords(batch.records, header, job.records_read + 1);
  const file = batch.file ?? 'api';
  const result = await importTableRecords(records, {
    preset,
    table,
    header,
    sourceFile: file,
    sink: new PlatformRecordSink(ctx.db, ctx.scope, { id: job.id, organisationId: job.organisation_id }),
    batchSize: job.batch_size,
    duplicates: job.skip_duplicates ? 'skip' : 'reject',
    continueOnError: job.continue_on_error,
  });
  await finishTable(ctx, job, { ...result, file, recordType: table.recordType });
  return getImport(ctx, jobId);
}

/** A CSV or Excel file, or a folder of them (CLI): each file's record type from the job, its name or its header. */
export async function importPath(
  ctx: PracticeImportContext,
  jobId: string,
  path: string,
  onProgress?: (file: string, counts: ImportCounts) => void,
): Promise<PracticeJobRow> {
  const job = await getImport(ctx, jobId);
  openJob(job);
  const preset = await practicePreset(ctx.packs, job.preset);
  const { files } = await importFiles(path, {
    preset,
    ...(job.record_type ? { recordType: job.record_type } : {}),
    sink: new PlatformRecordSink(ctx.db, ctx.scope, { id: job.id, organisationId: job.organisation_id }),
    batchSize: job.batch_size,
    duplicates: job.skip_duplicates ? 'skip' : 'reject',
    continueOnError: job.continue_on_error,
    ...(onProgress ? { onProgress } : {}),
  });
  for (const f of files) await finishTable(ctx, job, { ...f, file: f.sourceFile });
  return getImport(ctx, jobId);
}

/** Closes an open job: it takes no more records. Audited `practice_import.complete`. */
export async function completeImport(ctx: PracticeImportContext, jobId: string): Promise<PracticeJobRow> {
  return tx(ctx, async (t) => {
    const job = await findPracticeJob(t, jobId, true);
    openJob(job);
    const [row] = await t.run.query<PracticeJobRow>(
      `UPDATE practice_import_jobs SET status = 'completed', completed_at = now() WHERE id = $1 RETURNING *`,
      [jobId],
    );
    await ctx.audit(t, {
      organisationId: job.organisation_id,
      action: 'practice_import.complete',
      targetType: 'practice_import',
      targetId: jobId,
      details: { imported: job.records_imported, rejected: job.records_rejected, skipped: job.records_skipped },
    });
    return row!;
  });
}

/**
 * Rolls a job back: removes exactly the records it imported (its company's, under row-level security: no other
 * company's row is visible to the statement), keeps its rejects and counts as the record of what happened. Refused
 * when already rolled back, or while records of another job link to the job's records (roll that one back first).
 * Audited `practice_import.rollback`.
 */
export async function rollbackImport(ctx: PracticeImportContext, jobId: string): Promise<PracticeJobRow> {
  return tx(ctx, async (t) => {
    const job = await findPracticeJob(t, jobId, true);
    if (job.status === 'rolled_back') {
      throw new FerryError('FERRY_ERR_CONFLICT', `Import job ${jobId} is already rolled back`);
    }
    const preset = await practicePreset(ctx.packs, job.preset);
    for (const child of preset.tables) {
      for (const parent of child.contractTable.parents) {
        const [linked] = await t.run.query<{ job_id: string }>(
          `SELECT c.job_id FROM practice_records c JOIN practice_records p
             ON p.organisation_id = c.organisation_id AND p.record_type = $2 AND p.record_key = c.data ->> $3
           WHERE p.job_id = $1 AND c.job_id <> $1 AND c.record_type = $4 LIMIT 1`,
          [jobId, parent.table, parent.field, child.targetTable],
        );
        if (linked) {
          throw new FerryError(
            'FERRY_ERR_CONFLICT',
            `Records of import job ${linked.job_id} (${child.recordType}) link to this job's ${parent.table} records: roll that job back first`,
          );
        }
      }
    }
    const removed = await t.run.query<{ n: string | number }>(
      'WITH gone AS (DELETE FROM practice_records WHERE job_id = $1 RETURNING 1) SELECT count(*) AS n FROM gone',
      [jobId],
    );
    const [row] = await t.run.query<PracticeJobRow>(
      `UPDATE practice_import_jobs SET status = 'rolled_back', rolled_back_at = now(), records_removed = $2
       WHERE id = $1 RETURNING *`,
      [jobId, Number(removed[0]!.n)],
    );
    await ctx.audit(t, {
      organisationId: job.organisation_id,
      action: 'practice_import.rollback',
      targetType: 'practice_import',
      targetId: jobId,
      details: { removed: Number(removed[0]!.n), previousStatus: job.status },
    });
    return row!;
  });
}

/** A job's rejects grouped by reason, with the first `rowsPerGroup` rows of each (the caller's scope). */
export async function importRejectGroups(ctx: PracticeImportContext, jobId: string, rowsPerGroup = 20) {
  return tx(ctx, async (t) => jobRejectGroups(t, (await findPracticeJob(t, jobId)).id, rowsPerGroup));
}
