import { join } from 'node:path';
import type { CatalogTable } from '../catalog/catalog-model.js';
import { readCsvRecords } from '../connectors/csv/csv-reader.js';
import { targetKeyColumn } from '../migrate/target-ddl.js';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';

/** A loaded target row as text, with the source key its lineage names. Blank and NULL are both ''. */
export interface TargetRow {
  sourceTable: string;
  sourceKey: string;
  values: string[];
}

/** Reads back what a job loaded, table by table, in the target catalog's column order. */
export interface TargetRowReader {
  rows(table: CatalogTable, jobId: string): AsyncIterable<TargetRow>;
}

/** Reads a database target in pages (keyset on the target key), casting every column to its text form. */
export class DatabaseTargetReader implements TargetRowReader {
  constructor(
    private readonly db: SqlDatabase,
    private readonly pageSize = 5000,
  ) {}

  async *rows(table: CatalogTable, jobId: string): AsyncIterable<TargetRow> {
    const key = quoteIdent(targetKeyColumn(table));
    const cols = table.columns.map((c, i) => `${quoteIdent(c.name)}::text AS c${i}`).join(', ');
    const select = `SELECT ${key}::text AS ferry_key, ferry_source_table, ferry_source_key, ${cols} FROM ${quoteIdent(table.name)}`;
    // Keyset paging on the (job, key) primary key: every page is an index range scan, never a re-scan of the table.
    let after: string | null = null;
    for (;;) {
      const page: Record<string, string | null>[] =
        after === null
          ? await this.db.query(`${select} WHERE ferry_job_id = $1 ORDER BY ${key} LIMIT ${this.pageSize}`, [jobId])
          : await this.db.query(
              `${select} WHERE ferry_job_id = $1 AND ${key} > $2 ORDER BY ${key} LIMIT ${this.pageSize}`,
              [jobId, after],
            );
      for (const r of page) {
        yield {
          sourceTable: r.ferry_source_table ?? '',
          sourceKey: r.ferry_source_key ?? '',
          values: table.columns.map((_, i) => r[`c${i}`] ?? ''),
        };
      }
      if (page.length < this.pageSize) return;
      after = page[page.length - 1]!.ferry_key!;
    }
  }
}

/** Reads a CSV target folder: `<TABLE>.csv` beside `lineage/<TABLE>.csv`, line by line in step. */
export class CsvTargetReader implements TargetRowReader {
  constructor(private readonly dir: string) {}

  /** The rows of `table` whose lineage names `jobId` (every row when no job is given). */
  async *rows(table: CatalogTable, jobId?: string): AsyncIterable<TargetRow> {
    const data = readCsvRecords(join(this.dir, `${table.name}.csv`))[Symbol.asyncIterator]();
    const lineage = readCsvRecords(join(this.dir, 'lineage', `${table.name}.csv`))[Symbol.asyncIterator]();
    await data.next();
    await lineage.next();
    for (;;) {
      const [d, l] = await Promise.all([data.next(), lineage.next()]);
      if (d.done || l.done) return;
      if (jobId !== undefined && l.value.fields[1] !== jobId) continue;
      yield { sourceTable: l.value.fields[2] ?? '', sourceKey: l.value.fields[3] ?? '', values: d.value.fields };
    }
  }
}
