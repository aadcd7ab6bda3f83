import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GateReport } from './gate-report.js';

/**
 * Writes the gate report as pretty JSON (2 spaces, trailing newline).
 *
 * @example
 * await writeGateReportJson(gate, 'out/run/gate_report.json');
 */
export async function writeGateReportJson(report: GateReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}
