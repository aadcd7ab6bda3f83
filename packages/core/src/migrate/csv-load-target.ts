import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogTable } from '../catalog/catalog-model.js';
import { readCsvRecords } from '../connectors/csv/csv-reader.js';
import { CsvFileWriter } from '../connectors/csv/csv-writer.js';
import { FerryError } from '../errors.js';
import { csvTargetJob, csvTargetJobFile } from './csv-target-job.js';
import {
  type BeginMode,
  type ChunkLedger,
  type JobMeta,
  type LoadChunk,
  type LoadTarget,
  type NaturalKeyRow,
  type RejectLine,
  rejectLines,
} from './load-target.js';
import { RejectsFile } from './rejects-file.js';
import { targetKeyColumn } from './target-ddl.js';

/**
 * Writes CSV LOAD files for a vendor loader: `DIR/<TABLE>.csv` with a header row (exactly the target catalog's
 * columns), the lineage beside them in `DIR/lineage/<TABLE>.csv` (target key, job id, source table, source key), and
 * the job's rejects in `DIR/lineage/_rejects.csv`, and what the job is (id, contract hash, source fingerprint) in
 * `DIR/lineage/_job.json`. Files are not transactional, so a CSV job is rerun, not resumed.
 */
export class CsvLoadTarget implements LoadTarget {
  readonly description: string;
  readonly resumable = false;
  /** Rows written to a file cannot be updated in place, exactly and reversibly. */
  readonly updatable = false;
  private readonly writers = new Map<string, { data: CsvFileWriter; lineage: CsvFileWriter; keyIndex: number }>();
  private rejectsWriter?: RejectsFile;

  constructor(private readonly dir: string) {
    this.description = `csv:${dir}`;
  }

  private get rejectsPath(): string {
    return join(this.dir, 'lineage', '_rejects.csv');
  }

  async begin(jobId: string, tables: CatalogTable[], meta: JobMeta, mode: BeginMode = 'fresh'): Promise<void> {
    if (mode === 'resume') {
      throw new FerryError(
        'FERRY_ERR_USAGE',
        'A CSV target cannot resume a job (files are not transactional): rerun the job instead',
      );
    }
    await mkdir(this.dir, { recursive: true });
    await rm(join(this.dir, 'lineage'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'lineage'), { recursive: true });
    await writeFile(
      join(this.dir, 'lineage', csvTargetJobFile),
      `${JSON.stringify(csvTargetJob(jobId, meta), null, 2)}\n`,
    );
    for (const t of tables) {
      const key = targetKeyColumn(t);
      this.writers.set(t.name, {
        data: await CsvFileWriter.open(
          join(this.dir, `${t.name}.csv`),
          t.columns.map((c) => c.name),
          'exact',
        ),
        lineage: await CsvFileWriter.open(
          join(this.dir, 'lineage', `${t.name}.csv`),
          [key, 'ferry_job_id', 'ferry_source_table', 'ferry_source_key'],
          'exact',
        ),
        keyIndex: t.columns.findIndex((c) => c.name === key),
      });
    }
    this.rejectsWriter = await RejectsFile.open(this.rejectsPath);
  }

  async committedChunks(): Promise<Map<number, ChunkLedger>> {
    return new Map();
  }

  async *loadedKeys(): AsyncIterable<string[]> {}

  /** A CSV target is written afresh by each job: nothing is there before it. */
  async naturalKeyRows(): Promise<NaturalKeyRow[]> {
    return [];
  }

  async writeChunk(jobId: string, chunk: LoadChunk): Promise<void> {
    if (chunk.updates?.length)
      throw new FerryError('FERRY_ERR_USAGE', 'A CSV target cannot update rows it has written');
    const w = this.writers.get(chunk.table.name)!;
    for (let i = 0; i < chunk.rows.length; i++) {
      const row = chunk.rows[i]!;
      const lin = chunk.lineage[i]!;
      await w.data.write(row);
      await w.lineage.write([row[w.keyIndex] ?? '', jobId, lin.sourceTable, lin.sourceKey]);
    }
    for (const r of rejectLines(chunk)) await this.rejectsWriter!.write(r);
  }

  async *rejects(): AsyncIterable<RejectLine> {
    let header = true;
    for await (const { fields } of readCsvRecords(this.rejectsPath)) {
      if (header) {
        header = false;
        continue;
      }
      const [
        sourceTable = '',
        sourceKey = '',
        reasonCode = '',
        field = '',
        message = '',
        targetTable = '',
        line = '0',
      ] = fields;
      yield { sourceTable, sourceKey, reasonCode, field, message, targetTable, line: Number(line) };
    }
  }

  async finish(): Promise<void> {
    for (const w of this.writers.values()) {
      await w.data.close();
      await w.lineage.close();
    }
    this.writers.clear();
    await this.rejectsWriter?.close();
    this.rejectsWriter = undefined;
  }

  async close(): Promise<void> {
    await this.finish();
  }
}
