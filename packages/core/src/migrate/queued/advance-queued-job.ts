import { addQueueJobs } from '../../queue/add-queue-jobs.js';
import { quoteIdent, type SqlExecutor } from '../../store/sql-database.js';
import { addLedger, type ChunkLedger, emptyLedger } from '../load-target.js';
import { buildMigrationReport, type TableLoad } from '../migration-report.js';
import { chunkJobSpec } from './chunk-job.js';
import type { QueuedJobPlan } from './queued-job-plan.js';

/** Chunk numbers of a table that have committed in this job. */
export async function committedChunkNumbers(db: SqlExecutor, jobId: string, table: string): Promise<Set<number>> {
  const rows = await db.query<{ chunk_no: number }>(
    'SELECT chunk_no FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2',
    [jobId, table],
  );
  return new Set(rows.map((r) => Number(r.chunk_no)));
}

/**
 * Moves a queued job on, from table `from` in load order: queues the uncommitted chunks of the first table that is not
 * complete (tables load one after another, so a child's chunks find all of its parents' rows), or, when every table
 * is complete, records the job as completed with its report. Runs inside the transaction that committed the last
 * chunk of a table, so the next step is queued if and only if that chunk committed.
 */
export async function advanceQueuedJob(
  tx: SqlExecutor,
  plan: QueuedJobPlan,
  from = 0,
): Promise<{ status: 'queued'; table: string; chunks: number } | { status: 'completed' }> {
  for (let i = from; i < plan.tables.length; i++) {
    const t = plan.tables[i]!;
    const committed = await committedChunkNumbers(tx, plan.jobId, t.target);
    if (committed.size >= t.chunks) {
      // Complete: planner statistics for the checks and the reconciliation that read it next (see LoadTarget).
      await tx.exec(`ANALYZE ${quoteIdent(t.target)}`);
      continue;
    }
    const specs = [];
    for (let k = 0; k < t.chunks; k++) if (!committed.has(k)) specs.push(chunkJobSpec(plan, i, k));
    await addQueueJobs(tx, plan.queueSchema, specs);
    return { status: 'queued', table: t.target, chunks: specs.length };
  }
  await completeQueuedJob(tx, plan);
  return { status: 'completed' };
}

/** Records a job whose every chunk committed: its report (from the chunks' ledgers), status and an event. */
async function completeQueuedJob(tx: SqlExecutor, plan: QueuedJobPlan): Promise<void> {
  const tables: TableLoad[] = [];
  for (const [i, ct] of plan.contract.tables.entries()) {
    const rows = await tx.query<{ ledger: string }>(
      'SELECT ledger::text AS ledger FROM ferry_job_chunks WHERE job_id = $1 AND target_table = $2 ORDER BY chunk_no',
      [plan.jobId, plan.tables[i]!.target],
    );
    const ledger: TableLoad = {
      sourceTable: ct.source,
      targetTable: ct.target,
      domain: ct.domain,
      ...emptyLedger(),
      balanced: false,
    };
    for (const r of rows) addLedger(ledger, JSON.parse(r.ledger) as ChunkLedger);
    ledger.balanced = ledger.read === ledger.loaded + ledger.rejected + ledger.outOfScope;
    tables.push(ledger);
  }
  const [rejects] = await tx.query<{ n: string }>('SELECT count(*)::text AS n FROM ferry_rejects WHERE job_id = $1', [
    plan.jobId,
  ]);
  const [job] = await tx.query<{ source_fingerprint: string | null }>(
    'SELECT source_fingerprint FROM ferry_jobs WHERE job_id = $1',
    [plan.jobId],
  );
  const report = buildMigrationReport({
    jobId: plan.jobId,
    contract: plan.contract,
    releaseProfile: plan.releaseProfile,
    sourceFingerprint: job?.source_fingerprint ?? null,
    tables,
    unmappedSourceTables: plan.unmappedSourceTables,
    rejectRows: Number(rejects?.n ?? 0),
    dateFormats: plan.dateFormatLedger,
    ...(plan.sourceFiles ? { sourceFiles: plan.sourceFiles } : {}),
  });
  await tx.query('UPDATE ferry_job_plans SET report = $2 WHERE job_id = $1', [plan.jobId, JSON.stringify(report)]);
  await tx.query(`UPDATE ferry_jobs SET status = 'completed', finished_at = now() WHERE job_id = $1`, [plan.jobId]);
  await tx.query(`INSERT INTO ferry_job_events (job_id, event, detail) VALUES ($1, 'queued_job_completed', $2)`, [
    plan.jobId,
    JSON.stringify({ planId: plan.planId, balanced: report.balanced, loaded: report.totals.loaded }),
  ]);
}
