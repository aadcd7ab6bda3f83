import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildErd, CsvSourceConnector, FerryError, readCatalogCsv } from '@ferry/core';
import type { Command } from 'commander';
import { csvSourcePath } from '../pack-inputs.js';
import { loadPack } from '../packs.js';
import { action } from '../run-command.js';

interface ErdFlags {
  sourceCatalog: string;
  sourceData?: string;
  pack?: string;
  minConfidence: string;
  out: string;
  json?: boolean;
}

/** `ferry erd`: tables and relationships (declared and inferred) of a source, as JSON nodes and edges. */
export function registerErd(program: Command): void {
  program
    .command('erd')
    .description(
      'Build the entity-relationship diagram of a source: declared and inferred relationships, with table domains',
    )
    .requiredOption('--source-catalog <file>', 'source catalog CSV')
    .option('--source-data <dir>', 'csv:DIR of source data, to measure value containment')
    .option('--pack <name>', "take table domains from this pack's contract where it loads the table")
    .option('--min-confidence <x>', 'leave out inferred edges below this confidence', '0.5')
    .requiredOption('--out <file>', 'where to write the ERD JSON')
    .option('--json', 'print a JSON summary')
    .action(
      action(async (flags: ErdFlags) => {
        const minConfidence = Number(flags.minConfidence);
        if (!(minConfidence >= 0 && minConfidence <= 1))
          throw new FerryError('FERRY_ERR_USAGE', '--min-confidence must be a number in [0, 1]');
        const [catalog, source, contract] = await Promise.all([
          readCatalogCsv(flags.sourceCatalog),
          flags.sourceData ? CsvSourceConnector.open(csvSourcePath(flags.sourceData)) : undefined,
          flags.pack ? loadPack(flags.pack).contract() : undefined,
        ]);
        const erd = await buildErd({
          catalog,
          minConfidence,
          ...(source ? { source } : {}),
          ...(contract ? { contract } : {}),
        });
        await mkdir(dirname(flags.out), { recursive: true });
        await writeFile(flags.out, `${JSON.stringify(erd, null, 2)}\n`, 'utf8');
        const domains: Record<string, number> = {};
        for (const n of erd.nodes) domains[n.domain] = (domains[n.domain] ?? 0) + 1;
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ out: flags.out, ...erd.stats, domains })}\n`);
          return 0;
        }
        const s = erd.stats;
        process.stdout.write(
          `${s.tables} tables, ${s.declaredEdges} declared and ${s.inferredEdges} inferred relationships` +
            `${s.tablesWithData ? ` (value containment measured on ${s.tablesWithData} tables)` : ''}\n` +
            `Domains: ${Object.entries(domains)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([d, n]) => `${d} ${n}`)
              .join(', ')}\n` +
            `ERD written to ${flags.out}\n`,
        );
        return 0;
      }),
    );
}
