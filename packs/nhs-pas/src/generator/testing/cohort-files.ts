import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type DefectLevel, type GenerateResult, parseCsvText } from '@ferry/core';
import { generateCohort } from '../index.js';

/** A generated cohort on disk, for tests. */
export interface TestCohort {
  dir: string;
  result: GenerateResult;
}

/** Generates a cohort into a fresh temporary folder. */
export async function generateTestCohort(patients: number, seed: number, defects: DefectLevel): Promise<TestCohort> {
  const dir = await mkdtemp(join(tmpdir(), `ferry-cohort-${patients}-${seed}-${defects}-`));
  return { dir, result: await generateCohort({ patients, seed, defects, outDir: dir }) };
}

/** A CSV file read into a header and rows of records keyed by column. */
export interface CsvTable {
  header: string[];
  rows: Array<Record<string, string>>;
}

export function readCsvTable(path: string): CsvTable {
  const [header = [], ...records] = parseCsvText(readFileSync(path, 'utf8'));
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** sha256 of every file under a folder, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
