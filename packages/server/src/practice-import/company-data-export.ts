import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { formatCsvRow } from '@ferry/core';
import type { TenantTx } from '../db/tenant-transaction.js';

/** What a company export holds: per record type, the CSV and JSON files and their record count. */
export interface CompanyExportManifest {
  companyId: string;
  exportedAt: string;
  recordTypes: Array<{ recordType: string; records: number; csv: string; json: string }>;
}

const pageSize = 2000;

/** Writes to a file stream, waiting when it is full (constant memory whatever the size). */
async function put(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: NodeJS.WritableStream & { close?: unknown }): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/**
 * Writes every record of a company (the GDPR right to data portability) into `dir`: per record type a CSV file (key,
 * source file and line, then the record's fields in name order; formula cells guarded) and a JSON file (an array of
 * `{ recordType, key, sourceFile, sourceLine, data }`), read page by page in the caller's tenant transaction, so row-
 * level security decides what is exported. Returns the manifest (also written as `manifest.json` by the caller).
 *
 * @example
 * const manifest = await writeCompanyExport(tx, orgId, dir, new Date());
 */
export async function writeCompanyExport(
  tx: TenantTx,
  companyId: string,
  dir: string,
  now: Date,
): Promise<CompanyExportManifest> {
  const types = await tx.run.query<{ record_type: string }>(
    'SELECT DISTINCT record_type FROM practice_records WHERE organisation_id = $1 ORDER BY record_type',
    [companyId],
  );
  const manifest: CompanyExportManifest = { companyId, exportedAt: now.toISOString(), recordTypes: [] };
  for (const { record_type: recordType } of types) {
    const keys = (
      await tx.run.query<{ k: string }>(
        `SELECT DISTINCT jsonb_object_keys(data) AS k FROM practice_records
         WHERE organisation_id = $1 AND record_type = $2 ORDER BY 1`,
        [companyId, recordType],
      )
    ).map((r) => r.k);
    const safe = recordType.replace(/[^A-Za-z0-9_-]/g, '_');
    const csv = createWriteStream(join(dir, `${safe}.csv`));
    const json = createWriteStream(join(dir, `${safe}.json`));
    await put(csv, formatCsvRow(['record_key', 'source_file', 'source_line', ...keys]));
    await put(json, '[');
    let after = '';
    let count = 0;
    for (;;) {
      const page = await tx.run.query<{
        record_key: string;
        source_file: string;
        source_line: number;
        data: Record<string, string> | string;
      }>(
        `SELECT record_key, source_file, source_line, data FROM practice_records
         WHERE organisation_id = $1 AND record_type = $2 AND record_key > $3 ORDER BY record_key LIMIT ${pageSize}`,
        [companyId, recordType, after],
      );
      for (const r of page) {
        const data = typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, string>) : r.data;
        await put(
          csv,
          formatCsvRow([r.record_key, r.source_file, String(r.source_line), ...keys.map((k) => data[k] ?? '')]),
        );
        const entry = { recordType, key: r.record_key, sourceFile: r.source_file, sourceLine: r.source_line, data };
        await put(json, `${count ? ',' : ''}\n${JSON.stringify(entry)}`);
        count++;
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.record_key;
    }
    await put(json, '\n]\n');
    await Promise.all([close(csv), close(json)]);
    manifest.recordTypes.push({ recordType, records: count, csv: `${safe}.csv`, json: `${safe}.json` });
  }
  return manifest;
}
