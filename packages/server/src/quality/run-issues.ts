import { readFile } from 'node:fs/promises';
import { FerryError, type issuesCsvHeader, parseCsvText } from '@ferry/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { RunsTable } from '../db/platform-schema.js';
import { artefactPath } from '../jobs/run-artefacts.js';

export const issueSchema = z.object({
  checkId: z.string(),
  severity: z.string(),
  targetTable: z.string(),
  targetKey: z.string(),
  sourceTable: z.string(),
  sourceKey: z.string(),
  field: z.string(),
  message: z.string(),
});
export type QualityIssue = z.infer<typeof issueSchema>;

/** The quality issues of a run (its check stage's `issues.csv`: keys and lineage, never values). */
export async function readRunIssues(dataDir: string, run: Selectable<RunsTable>): Promise<QualityIssue[]> {
  const path = await artefactPath(dataDir, run, 'check', 'issues.csv').catch((e) => {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no quality issues file yet`, {}, { cause: e });
  });
  const [header, ...rows] = parseCsvText(await readFile(path, 'utf8'));
  const at = (name: (typeof issuesCsvHeader)[number]) => header!.indexOf(name);
  return rows.map((r) => ({
    checkId: r[at('check_id')] ?? '',
    severity: r[at('severity')] ?? '',
    targetTable: r[at('target_table')] ?? '',
    targetKey: r[at('target_key')] ?? '',
    sourceTable: r[at('source_table')] ?? '',
    sourceKey: r[at('source_key')] ?? '',
    field: r[at('field')] ?? '',
    message: r[at('message')] ?? '',
  }));
}
