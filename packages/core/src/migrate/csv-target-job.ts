import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../errors.js';
import type { JobMeta } from './load-target.js';

/** The file beside a CSV target's lineage that says which job wrote the target. */
export const csvTargetJobFile = '_job.json';

/** What a CSV target was written by: its job, the contract's hash and the source's fingerprint. */
export const csvTargetJobSchema = z.object({
  version: z.literal(1),
  jobId: z.string().min(1),
  contractHash: z.string().min(1),
  releaseProfile: z.string(),
  sourceFingerprint: z.string().nullable(),
});
export type CsvTargetJob = z.infer<typeof csvTargetJobSchema>;

export function csvTargetJob(jobId: string, meta: JobMeta): CsvTargetJob {
  return {
    version: 1,
    jobId,
    contractHash: meta.contractHash,
    releaseProfile: meta.releaseProfile,
    sourceFingerprint: meta.sourceFingerprint ?? null,
  };
}

/**
 * The job record of a CSV target (`DIR/lineage/_job.json`), or undefined for a target written before Ferry recorded
 * it. A record that is not valid is an input error naming the file.
 *
 * @example
 * const job = await readCsvTargetJob('out/load'); // { jobId: 'job-1a2b', contractHash: '…', ... }
 */
export async function readCsvTargetJob(dir: string): Promise<CsvTargetJob | undefined> {
  const file = join(dir, 'lineage', csvTargetJobFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'File cannot be read', { file }, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', 'CSV target job record is not valid JSON', { file }, { cause: e });
  }
  const parsed = csvTargetJobSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FerryError('FERRY_ERR_INPUT', `CSV target job record: ${first?.message ?? 'invalid'}`, {
      file,
      field: first?.path.map(String).join('.') || undefined,
    });
  }
  return parsed.data;
}
