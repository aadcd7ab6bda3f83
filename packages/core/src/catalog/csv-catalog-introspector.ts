import { basename } from 'node:path';
import { z } from 'zod';
import { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import type { CsvEncoding } from '../connectors/csv/csv-record.js';
import { CsvSourceConnector, csvTableName } from '../connectors/csv/csv-source-connector.js';
import type { SourceConnector } from '../connectors/source-connector.js';
import { FerryError } from '../errors.js';
import { inferCatalogKeys, type SampledTable } from './catalog-key-inference.js';
import { type Catalog, type CatalogColumn, type CatalogTable, catalogSchema } from './catalog-model.js';
import { ColumnTypeInference } from './column-type-inference.js';
import { TableKeySample } from './key-sample.js';
import { guessInScope } from './table-scope-guess.js';

/** Options of {@link introspectCsvFolder}. */
export interface CsvIntrospectOptions {
  /** Data rows read per table to infer types (default 1000). */
  sampleRows?: number;
  encoding?: 'auto' | CsvEncoding;
  /** The catalog's name (default: the folder name, or the file name without `.csv`). */
  name?: string;
  /** Infer primary keys, references and scope from the sample (default true); false leaves keys blank, all in scope. */
  inferKeys?: boolean;
}

const optionsSchema = z.object({
  sampleRows: z.number().int().positive().default(1000),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'latin1']).default('auto'),
  name: z.string().min(1).optional(),
  inferKeys: z.boolean().default(true),
});

/**
 * Drafts a catalog from a folder of CSV files (or one file): a table per file, named after it; a column
 * per header field, in order; types, `max_length` (string and code columns) and nullability inferred
 * from the first `sampleRows` data rows (see {@link ColumnTypeInference}); ragged rows are not sampled.
 * From the same sample (unless `inferKeys: false`): a primary key per table, references between tables
 * ({@link inferCatalogKeys}) and whether each table is in scope ({@link guessInScope}). No descriptions or code
 * types: an analyst completes those and corrects the guesses in the CSV.
 * A blank or repeated header name is a FERRY_ERR_INPUT error naming the file and the position.
 *
 * @example
 * const draft = await introspectCsvFolder('extract/', { sampleRows: 5000 });
 * await writeCatalogCsv(draft, 'catalog/source.csv');
 */
export async function introspectCsvFolder(dir: string, options: CsvIntrospectOptions = {}): Promise<Catalog> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new FerryError('FERRY_ERR_USAGE', `Invalid introspection option: ${parsed.error.issues[0]?.message}`);
  }
  const { sampleRows, encoding, name, inferKeys } = parsed.data;
  const source = await CsvSourceConnector.open(dir, { encoding });
  return introspectSourceCatalog(source, { sampleRows, inferKeys, name: name ?? csvTableName(basename(dir)) });
}

/**
 * Drafts a catalog from any source connector as `introspectCsvFolder` does from a CSV folder: column types inferred
 * from the first `sampleRows` rows of each table, keys inferred when asked (a database's declared primary key is kept).
 */
export async function introspectSourceCatalog(
  source: SourceConnector,
  options: { sampleRows: number; inferKeys?: boolean; name: string },
): Promise<Catalog> {
  const { sampleRows, inferKeys, name } = options;
  const sampled: SampledTable[] = [];
  for (const table of source.tables()) {
    const file = source instanceof CsvSourceConnector ? source.filePath(table) : source.location;
    const declaredKey = new Set((await source.describe(table)).primaryKey);
    const header = (await source.header(table)).map((h) => h.trim());
    const issues = new CsvIssueList(file);
    const seen = new Map<string, number>();
    header.forEach((h, i) => {
      if (!h) issues.add(1, `#${i + 1}`, 'header name is blank');
      else if (seen.has(h)) issues.add(1, h, `header name repeats field ${seen.get(h)! + 1}`);
      else seen.set(h, i);
    });
    issues.throwIfAny('FERRY_ERR_INPUT', 'CSV header');

    const inference = header.map(() => new ColumnTypeInference());
    const keys = new TableKeySample(header);
    for await (const record of source.rows(table)) {
      if (keys.rows >= sampleRows) {
        keys.complete = false;
        break;
      }
      if (record.fields.length !== header.length || record.malformed) continue;
      keys.add(record.fields);
      for (let i = 0; i < header.length; i++) inference[i]!.add(record.fields[i]!);
    }
    const columns = header.map((h, i): CatalogColumn => {
      const inferred = inference[i]!.result();
      const column: CatalogColumn = {
        name: h,
        dataType: inferred.dataType,
        nullable: inferred.nullable,
        primaryKey: declaredKey.has(h),
        description: '',
      };
      if (inferred.maxLength !== undefined) column.maxLength = inferred.maxLength;
      return column;
    });
    const inScope = inferKeys ? guessInScope(table, keys.rows) : true;
    sampled.push({ table: { name: table, inScope, columns }, sample: keys });
  }
  const tables: CatalogTable[] = inferKeys ? inferCatalogKeys(sampled) : sampled.map((s) => s.table);
  return catalogSchema.parse({ version: 1, name, tables });
}
