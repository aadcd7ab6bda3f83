import { z } from 'zod';
import { lifecycleStages } from './lifecycle-stages.js';

export const stageRecordSchema = z.object({
  stage: z.enum(lifecycleStages),
  /** Reused: taken from an earlier run by `--from`. Cancelled: the run was stopped by a signal in this stage. */
  status: z.enum(['Success', 'Error', 'NotExecuted', 'Reused', 'Cancelled']),
  startedAt: z.string().optional(),
  ms: z.number().optional(),
  rows: z.number().int().optional(),
  rowsPerSecond: z.number().optional(),
  peakRssMb: z.number().optional(),
  error: z.string().optional(),
});
export type StageRecord = z.infer<typeof stageRecordSchema>;

export const lifecycleSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), dir: z.string() }),
  /**
   * Any registered source connector, by its `--source` spec (`json:DIR`, `xlsx:FILE`, `dump:LAYOUT`,
   * `postgres://USER@HOST/DB?schema=S`, `mysql://...`). The record keeps the spec with any password redacted.
   */
  z.object({ kind: z.literal('connector'), spec: z.string() }),
  z.object({
    kind: z.literal('generated'),
    patients: z.number().int(),
    seed: z.number().int(),
    defects: z.enum(['none', 'typical', 'heavy']),
  }),
]);
export type LifecycleSource = z.infer<typeof lifecycleSourceSchema>;

/**
 * The record of one lifecycle run (`runs/<id>/run.json`, and `lifecycle_run.json` in the evidence): arguments,
 * versions, contract hash, stage timings and outcome. Timestamps live only in the named fields
 * (`startedAt`, `finishedAt`, stage `startedAt`, `ms`, `rowsPerSecond`, `peakRssMb`).
 *
 * The evidence package's copy is the run's final record: the evidence stage assembles the package, is recorded
 * `Success` with its time (`ms` covers the assembly), and then the record is written into the package with its
 * manifest and the package put in place; `run.json` is saved with the same content. A package whose sealing fails is
 * not put in place, and the run records the evidence stage as `Error`.
 */
export const runRecordSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  arguments: z.object({
    pack: z.string(),
    source: lifecycleSourceSchema,
    releaseProfile: z.string(),
    target: z.string(),
    from: z.string().optional(),
    /** The last stage asked for, when the run stopped before evidence on purpose. */
    to: z.string().optional(),
    reusedFrom: z.string().optional(),
    /** The date ages and "not in the future" were measured at. */
    asOfDate: z.string().optional(),
  }),
  versions: z.object({ ferry: z.string(), node: z.string(), pack: z.string() }),
  /** Where this run read its source rows (generated into the run, or the user's folder, or an earlier run's). */
  sourceDir: z.string(),
  contract: z.object({ name: z.string(), label: z.string(), hash: z.string() }).optional(),
  /** The source catalog the run read, when it was the project's own rather than the pack's (sha256 of its JSON). */
  sourceCatalog: z.object({ name: z.string(), hash: z.string() }).optional(),
  jobId: z.string().optional(),
  /**
   * The target's jobs after the load: those of earlier runs of this lifecycle (same `--out`, same target) rolled back
   * so this run's job replaces them, and the other jobs still live there.
   */
  targetJobs: z.object({ replaced: z.array(z.string()), others: z.array(z.string()) }).optional(),
  stages: z.array(stageRecordSchema),
  /**
   * PARTIAL: every stage asked for (`to`) succeeded, and the run stopped before evidence, so it has no verdict.
   * CANCELLED: stopped by SIGINT or SIGTERM (`cancelled` says when and in which stage).
   */
  outcome: z.enum(['PASS', 'FAIL', 'ERROR', 'RUNNING', 'PARTIAL', 'CANCELLED']),
  /** Why and where a CANCELLED run stopped. */
  cancelled: z.object({ signal: z.string(), stage: z.string().optional(), at: z.string() }).optional(),
  /** The release gate's verdict, written by the gate stage (carried over when the gate stage is reused). */
  gate: z
    .object({
      outcome: z.enum(['PASS', 'FAIL']),
      blocking: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
    })
    .optional(),
  summary: z
    .object({
      sourceRows: z.number().int(),
      loadedRows: z.number().int(),
      rejectedRows: z.number().int(),
      outOfScopeRows: z.number().int(),
      issues: z.number().int(),
      reconciliation: z.string(),
    })
    .optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
