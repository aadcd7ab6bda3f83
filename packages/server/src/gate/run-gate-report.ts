import { readFile } from 'node:fs/promises';
import { FerryError, type GateReport, gateReportSchema } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { RunsTable } from '../db/platform-schema.js';
import { artefactPath } from '../jobs/run-artefacts.js';

/** The release gate report a run's gate stage wrote; FERRY_ERR_NOT_FOUND before the gate ran. */
export async function readRunGateReport(dataDir: string, run: Selectable<RunsTable>): Promise<GateReport> {
  const path = await artefactPath(dataDir, run, 'gate', 'release_gate_report.json').catch((e) => {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no gate report yet`, {}, { cause: e });
  });
  return gateReportSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
