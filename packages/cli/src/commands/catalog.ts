import {
  type Catalog,
  type CsvEncoding,
  catalogSize,
  csvEncodings,
  FerryError,
  introspectCsvFolder,
  introspectPostgresCatalog,
  introspectSourceCatalog,
  openSourceSpec,
  readCatalogCsv,
  sourceConnectorTypes,
  writeCatalogCsv,
} from '@ferry/core';
import { type Command, Option } from 'commander';
import { action, intOption } from '../run-command.js';

interface ValidateFlags {
  json?: boolean;
}

interface IntrospectFlags {
  source: string;
  schema?: string;
  out: string;
  sampleRows: number;
  encoding: 'auto' | CsvEncoding;
  name?: string;
}

/** A catalog source: a folder (or file) of CSV files, or a PostgreSQL URL. */
export type CatalogSource =
  | { kind: 'csv'; path: string }
  | { kind: 'postgres'; url: string }
  /** Any other registered connector (`json:DIR`, `xlsx:FILE`, `dump:LAYOUT`, `mysql://...`), by its spec. */
  | { kind: 'connector'; spec: string };

/** Spec prefixes of the other registered kinds (and their aliases), read through the connector registry. */
const connectorKinds = new Set([
  ...sourceConnectorTypes.map((t) => t.kind).filter((k) => k !== 'csv' && k !== 'postgres'),
  'ndjson',
  'jsonl',
  'excel',
  'mariadb',
]);

/**
 * Parses `csv:DIR`, `postgres://URL` (also `postgresql://`) or the spec of another registered connector kind
 * (`json:DIR`, `ndjson:FILE`, `xlsx:FILE`, `dump:LAYOUT.json`, `mysql://...`); anything else is a usage error.
 *
 * @example
 * parseCatalogSource('csv:extract') // => { kind: 'csv', path: 'extract' }
 */
export function parseCatalogSource(spec: string): CatalogSource {
  if (/^postgres(ql)?:\/\//i.test(spec)) return { kind: 'postgres', url: spec };
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(spec);
  if (m && m[1]!.toLowerCase() === 'csv') {
    if (!m[2]) throw new FerryError('FERRY_ERR_USAGE', '--source csv: needs a folder or file name');
    return { kind: 'csv', path: m[2] };
  }
  if (m && connectorKinds.has(m[1]!.toLowerCase())) return { kind: 'connector', spec };
  const got = m ? `unknown source scheme '${m[1]}:'` : `'${spec}' has no scheme`;
  throw new FerryError(
    'FERRY_ERR_USAGE',
    `${got}; --source is csv:DIR, postgres://URL or a --source kind of ferry lifecycle`,
  );
}

/** A catalog's default name from where its source is: the last part of a path or a database URL, no extension. */
function catalogNameOf(location: string): string {
  const last =
    location
      .replace(/[?#].*$/, '')
      .split(/[/\\]/)
      .filter(Boolean)
      .pop() ?? 'source';
  return last.replace(/\.[A-Za-z0-9]+$/, '') || 'source';
}

function sizeLine(catalog: Catalog): string {
  const s = catalogSize(catalog);
  return `${s.tables} table${s.tables === 1 ? '' : 's'}, ${s.fields} field${s.fields === 1 ? '' : 's'} (${s.inScopeTables} in scope)`;
}

function keysLine(catalog: Catalog): string {
  let primary = 0;
  let references = 0;
  for (const t of catalog.tables) {
    if (t.columns.some((c) => c.primaryKey)) primary++;
    for (const c of t.columns) if (c.references) references++;
  }
  return `${primary} primary key${primary === 1 ? '' : 's'}, ${references} reference${references === 1 ? '' : 's'}`;
}

export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('Validate catalog CSV files, or draft one from a source');
  catalog
    .command('validate <file>')
    .description('Check a catalog CSV file and print its size; every problem is listed with its line and field')
    .option('--json', 'print the counts as JSON')
    .action(
      action(async (file: string, flags: ValidateFlags) => {
        const parsed = await readCatalogCsv(file);
        if (flags.json) process.stdout.write(`${JSON.stringify({ file, ...catalogSize(parsed) })}\n`);
        else process.stdout.write(`${file}: valid, ${sizeLine(parsed)}\n`);
        return 0;
      }),
    );
  catalog
    .command('draft')
    .alias('introspect')
    .description(
      'Draft the source catalog CSV from a folder of CSV files (types, lengths, nullability, primary keys, references ' +
        'and scope inferred from a sample of the data) or from a PostgreSQL schema (its declared keys); edit the CSV ' +
        'where a guess is wrong',
    )
    .requiredOption(
      '--source <spec>',
      'csv:DIR (or csv:FILE), postgres://URL, or json:DIR, xlsx:FILE, dump:LAYOUT.json, mysql://URL',
    )
    .option('--schema <name>', 'PostgreSQL schema to read (default public)')
    .requiredOption('--out <file>', 'catalog CSV file to write')
    .option('--sample-rows <n>', 'CSV rows per table used to infer types and keys', intOption('--sample-rows'), 1000)
    .addOption(
      new Option('--encoding <encoding>', 'CSV file encoding').choices(['auto', ...csvEncodings]).default('auto'),
    )
    .option('--name <name>', 'catalog name (default: the folder or schema name)')
    .action(
      action(async (flags: IntrospectFlags) => {
        const source = parseCatalogSource(flags.source);
        let result: Catalog;
        if (source.kind === 'csv') {
          if (flags.schema !== undefined)
            throw new FerryError('FERRY_ERR_USAGE', '--schema applies to postgres:// sources only');
          if (flags.sampleRows < 1) throw new FerryError('FERRY_ERR_USAGE', '--sample-rows must be at least 1');
          result = await introspectCsvFolder(source.path, {
            sampleRows: flags.sampleRows,
            encoding: flags.encoding,
            ...(flags.name ? { name: flags.name } : {}),
          });
        } else if (source.kind === 'connector') {
          if (flags.schema !== undefined)
            throw new FerryError('FERRY_ERR_USAGE', '--schema applies to postgres:// sources only');
          if (flags.sampleRows < 1) throw new FerryError('FERRY_ERR_USAGE', '--sample-rows must be at least 1');
          const connector = await openSourceSpec(source.spec);
          try {
            result = await introspectSourceCatalog(connector, {
              sampleRows: flags.sampleRows,
              inferKeys: true,
              name: flags.name ?? catalogNameOf(connector.location),
            });
          } finally {
            await connector.close();
          }
        } else {
          result = await introspectPostgresCatalog({
            connectionString: source.url,
            schema: flags.schema ?? 'public',
            ...(flags.name ? { name: flags.name } : {}),
          });
        }
        await writeCatalogCsv(result, flags.out);
        process.stdout.write(`wrote ${flags.out}: ${sizeLine(result)}; ${keysLine(result)}\n`);
        return 0;
      }),
    );
}
