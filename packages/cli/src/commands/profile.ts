import { join } from 'node:path';
import {
  type CsvDelimiter,
  catalogIdentifierColumns,
  csvEncodings,
  FerryError,
  type ProfileReport,
  profileSource,
  readCatalogCsv,
  type SourceConnector,
  writeProfileCsv,
  writeProfileJson,
} from '@ferry/core';
import type { Command } from 'commander';
import { delimiterOption } from '../csv-delimiter-option.js';
import { csvSourcePath, openCliSource } from '../pack-inputs.js';
import { StageProgress } from '../progress.js';
import { action } from '../run-command.js';

interface ProfileFlags {
  source: string;
  tables?: string;
  out: string;
  top: string;
  smallCell: string;
  encoding: string;
  delimiter: 'auto' | CsvDelimiter;
  catalog?: string;
  json?: boolean;
}

/** `csv:DIR` or a bare folder; any other scheme is not something `profile` can read. */
export function profileSourcePath(spec: string): string {
  if (/^[a-z][a-z0-9+]*:/i.test(spec) && !spec.startsWith('csv:') && !/^[a-z]:[\\/]/i.test(spec)) {
    throw new FerryError('FERRY_ERR_USAGE', `--source must be csv:DIR (got a '${spec.split(':')[0]}:' source)`);
  }
  return csvSourcePath(spec);
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FerryError('FERRY_ERR_USAGE', `${name} must be a positive integer`);
  return n;
}

/** One line per table for a person, and the same figures as one object for --json. */
function tableSummaries(report: ProfileReport) {
  return report.tables.map((t) => {
    const types: Record<string, number> = {};
    for (const c of t.columns) types[c.detectedType] = (types[c.detectedType] ?? 0) + 1;
    return {
      table: t.name,
      rows: t.rows,
      raggedRows: t.raggedRows,
      malformedRows: t.malformedRows,
      columns: t.columns.length,
      types,
      ...(t.sourceFile ? { encoding: t.sourceFile.encoding, delimiter: t.sourceFile.delimiter } : {}),
    };
  });
}

export function registerProfile(program: Command): void {
  program
    .command('profile')
    .description(
      'Profile every table of a source: counts, nulls, distinct, ranges, formats, top values (small cells suppressed)',
    )
    .requiredOption(
      '--source <spec>',
      'csv:DIR (a folder of CSV files, one table per file), json:DIR, xlsx:FILE, dump:LAYOUT, postgres://..., mysql://...',
    )
    .option('--tables <list>', 'comma-separated tables to profile (default: all)')
    .requiredOption('--out <dir>', 'folder for profile.json and profile.csv')
    .option('--top <n>', 'top values shown per column', '10')
    .option('--small-cell <n>', 'values seen fewer times than this are never shown', '5')
    .option(
      '--encoding <name>',
      `source encoding: auto (decided per file from the whole file), ${csvEncodings.join(', ')}`,
      'auto',
    )
    .addOption(delimiterOption())
    .option('--catalog <file>', "source catalog CSV: its keys' and references' values are never shown")
    .option('--json', 'print one JSON summary object instead of text')
    .action(
      action(async (flags: ProfileFlags) => {
        const encoding = flags.encoding as 'auto' | (typeof csvEncodings)[number];
        if (encoding !== 'auto' && !csvEncodings.includes(encoding)) {
          throw new FerryError('FERRY_ERR_USAGE', `--encoding must be auto or one of ${csvEncodings.join(', ')}`);
        }
        const connector = await openCliSource(flags.source, { encoding, delimiter: flags.delimiter });
        try {
          return await profileAndReport(connector, flags);
        } finally {
          await connector.close();
        }
      }),
    );
}

async function profileAndReport(connector: SourceConnector, flags: ProfileFlags): Promise<number> {
  const tables = flags.tables
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const identifierColumns = flags.catalog ? catalogIdentifierColumns(await readCatalogCsv(flags.catalog)) : undefined;
  const progress = new StageProgress(!flags.json);
  progress.start('profile', tables?.length ?? connector.tables().length);
  const report = await profileSource(connector, {
    ...(tables ? { tables } : {}),
    ...(identifierColumns ? { identifierColumns } : {}),
    topN: positiveInt('--top', flags.top),
    smallCellThreshold: positiveInt('--small-cell', flags.smallCell),
    onProgress: (p) => progress.update(p.tableIndex + (p.done ? 1 : 0), p.tableCount, `${p.table} ${p.rows} rows`),
  });
  progress.stop();
  const files = { json: join(flags.out, 'profile.json'), csv: join(flags.out, 'profile.csv') };
  await writeProfileJson(report, files.json);
  await writeProfileCsv(report, files.csv);
  const summaries = tableSummaries(report);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ out: flags.out, files, tables: summaries })}\n`);
    return 0;
  }
  for (const s of summaries) {
    const types = Object.entries(s.types)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    const odd = [
      s.raggedRows > 0 ? `${s.raggedRows} ragged` : '',
      s.malformedRows > 0 ? `${s.malformedRows} malformed (unbalanced quote)` : '',
    ].filter(Boolean);
    const ragged = odd.length ? ` (${odd.join(', ')})` : '';
    const read = s.encoding ? `  [${s.encoding}, ${s.delimiter}]` : '';
    process.stdout.write(
      `  ${s.table.padEnd(24)} ${String(s.rows).padStart(9)} rows${ragged}  ${s.columns} columns: ${types}${read}\n`,
    );
  }
  process.stdout.write(`Profiled ${summaries.length} tables; profile.json and profile.csv in ${flags.out}\n`);
  return 0;
}
