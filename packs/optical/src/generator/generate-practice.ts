import { join } from 'node:path';
import { CsvFileWriter, type GenerateOptions, type GenerateResult } from '@ferry/core';
import { sourceColumns } from '../model/build-catalogs.js';
import { type TargetTable, targetTables } from '../model/target-model.js';
import type { VendorSpec } from '../vendors/vendor-spec.js';
import { buildPatient, Ids, type Row } from './build-patient.js';
import { allOpticalDefects, defectsCsvHeader, type OpticalDefect, opticalDefectKinds } from './defects.js';
import { dayOf, Random } from './random.js';
import { renderSourceRow } from './render-source.js';

/** The date the synthetic export is taken. */
export const opticalExtractDate = '2026-10-31';

const rejectDefects = new Set(allOpticalDefects.filter((d) => opticalDefectKinds[d].expected === 'reject'));

/** The vendor's invalid date for a malformed_date defect: 31 February in its own layout. */
function impossibleDate(vendor: VendorSpec): string {
  return vendor.writeDate('2023-02-31');
}

/** Changes the last digit so the Modulus 11 check fails. */
function breakCheckDigit(nhsSource: string): string {
  const last = Number(nhsSource.slice(-1));
  return `${nhsSource.slice(0, -1)}${(last + 1) % 10}`;
}

/** The row of a table a defect lands on (the last one the patient has). */
function defectRowIndex(rows: Row[]): number {
  return rows.length - 1;
}

/**
 * Generates a practice's export as a vendor writes it (`source/<file>.csv`), the platform rows a correct migration
 * loads (`expected/<table>.csv`, in file order) and the labelled defects (`defects.csv`). A row goes to `expected/`
 * only when it carries no rejecting defect and every parent it links to went there too.
 */
export async function generatePractice(vendor: VendorSpec, options: GenerateOptions): Promise<GenerateResult> {
  const rnd = new Random(options.seed * 7919 + 17);
  const ids = new Ids();
  const settings = { extractDay: dayOf(opticalExtractDate), usLocale: vendor.usLocale };
  const writers = new Map<
    string,
    { table: TargetTable; source: CsvFileWriter; expected: CsvFileWriter; columns: string[] }
  >();
  for (const t of targetTables) {
    const columns = sourceColumns(vendor, t);
    writers.set(t.name, {
      table: t,
      columns,
      source: await CsvFileWriter.open(
        join(options.outDir, 'source', `${vendor.tables[t.name]}.csv`),
        columns,
        'exact',
      ),
      expected: await CsvFileWriter.open(
        join(options.outDir, 'expected', `${t.name}.csv`),
        t.columns.map((c) => c.name),
        'exact',
      ),
    });
  }
  const defectsFile = await CsvFileWriter.open(join(options.outDir, 'defects.csv'), defectsCsvHeader, 'exact');
  const every = options.defects === 'heavy' ? 3 : options.defects === 'typical' ? 7 : 0;
  let defects = 0;
  for (let i = 0; i < options.patients; i++) {
    const defect: OpticalDefect | undefined =
      every && i % every === every - 1
        ? allOpticalDefects[Math.floor(i / every) % allOpticalDefects.length]
        : undefined;
    const records = buildPatient(rnd, ids, settings, defect);
    const rejected = new Map<string, Set<string>>();
    for (const t of targetTables) {
      const w = writers.get(t.name)!;
      const rows = records.rows[t.name] ?? [];
      const defectAt = defect && opticalDefectKinds[defect].table === t.name ? defectRowIndex(rows) : -1;
      for (const [index, row] of rows.entries()) {
        const source = renderSourceRow(vendor, t, row);
        let reject = t.columns.some((c) => c.parent && rejected.get(c.parent)?.has(row[c.name] ?? ''));
        if (index === defectAt && defect) {
          const col = (target: string) => vendor.column(t.name, target);
          if (defect === 'invalid_nhs_check_digit')
            source[col('nhs_number')] = breakCheckDigit(source[col('nhs_number')]!);
          if (defect === 'missing_mandatory_field') source[col('last_name')] = '';
          if (defect === 'malformed_date') source[col('exam_date')] = impossibleDate(vendor);
          if (defect === 'orphan_child_row') source[col('patient_id')] = '99999999';
          if (defect === 'unmapped_local_code') source[col('lens_type')] = 'LEGACY-LT9';
          if (rejectDefects.has(defect)) reject = true;
          await defectsFile.write([vendor.tables[t.name]!, row.id!, defect, opticalDefectKinds[defect].expected]);
          defects++;
        }
        if (reject) {
          if (!rejected.has(t.name)) rejected.set(t.name, new Set());
          rejected.get(t.name)!.add(row.id!);
        }
        await w.source.write(w.columns.map((c) => source[c] ?? ''));
        if (!reject) await w.expected.write(t.columns.map((c) => row[c.name] ?? ''));
      }
    }
    if (options.onProgress && (i % 500 === 499 || i === options.patients - 1))
      options.onProgress(i + 1, options.patients);
  }
  const files: Record<string, number> = {};
  for (const w of writers.values()) {
    await w.source.close();
    await w.expected.close();
    files[`source/${vendor.tables[w.table.name]}.csv`] = w.source.rows;
    files[`expected/${w.table.name}.csv`] = w.expected.rows;
  }
  await defectsFile.close();
  files['defects.csv'] = defects;
  return { files, defects, extractDate: opticalExtractDate };
}
