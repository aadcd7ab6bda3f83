import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogTable } from '../catalog/catalog-model.js';
import { CsvFileWriter } from '../connectors/csv/csv-writer.js';
import type { LoadChunk, LoadTarget } from './load-target.js';

/**
 * Writes CSV LOAD files for a vendor loader: `DIR/<TABLE>.csv` with a header row (exactly the target catalog's
 * columns), and the lineage beside them in `DIR/lineage/<TABLE>.csv` (target key, job id, source table, source key).
 */
export class CsvLoadTarget implements LoadTarget {
  readonly description: string;
  private readonly writers = new Map<string, { data: CsvFileWriter; lineage: CsvFileWriter }>();

  constructor(private readonly dir: string) {
    this.description = `csv:${dir}`;
  }

  async begin(_jobId: string, tables: CatalogTable[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await rm(join(this.dir, 'lineage'), { recursive: true, force: true });
    for (const t of tables) {
      const key = t.columns.find((c) => c.primaryKey)?.name ?? t.columns[0]!.name;
      this.writers.set(t.name, {
        data: await CsvFileWriter.open(join(this.dir, `${t.name}.csv`), t.columns.map((c) => c.name)),
        lineage: await CsvFileWriter.open(join(this.dir, 'lineage', `${t.name}.csv`), [
          key,
          'ferry_job_id',
          'ferry_source_table',
          'ferry_source_key',
        ]),
      });
    }
  }

  async writeChunk(jobId: string, chunk: LoadChunk): Promise<void> {
    const w = this.writers.get(chunk.table.name)!;
    const keyIndex = Math.max(
      0,
      chunk.table.columns.findIndex((c) => c.primaryKey),
    );
    for (let i = 0; i < chunk.rows.length; i++) {
      const row = chunk.rows[i]!;
      const lin = chunk.lineage[i]!;
      await w.data.write(row);
      await w.lineage.write([row[keyIndex] ?? '', jobId, lin.sourceTable, lin.sourceKey]);
    }
  }

  async finish(): Promise<void> {
    for (const w of this.writers.values()) {
      await w.data.close();
      await w.lineage.close();
    }
    this.writers.clear();
  }

  async close(): Promise<void> {
    await this.finish();
  }
}
