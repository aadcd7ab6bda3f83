import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  type CrosswalkCoverageReport,
  type CrosswalkEntryFilter,
  type CrosswalkSet,
  CsvSourceConnector,
  crosswalkHash,
  FerryError,
  formatCrosswalkCsv,
  measureCrosswalkCoverage,
  readCatalogCsv,
  readContractFile,
  readCrosswalkCsv,
  reviewCrosswalkEntries,
  withDraftEntries,
} from '@ferry/core';
import type { Command } from 'commander';
import { csvSourcePath } from '../pack-inputs.js';
import { loadPack } from '../packs.js';
import { action } from '../run-command.js';
import { reviewStatusOption, timeOption } from './contract-inputs.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, 'utf8');
}

function statusCounts(set: CrosswalkSet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of set.entries) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}

function printCoverage(report: CrosswalkCoverageReport): void {
  const t = report.totals;
  out(
    `${t.codeTypes} code types; ${t.mappedValues} of ${t.values} coded values translate (${pct(t.values ? t.mappedValues / t.values : 1)}); ${t.unmappedCodes} local codes have no approved mapping (${t.unmappedValues} values)`,
  );
  for (const c of report.codeTypes) {
    out(
      `  ${c.codeType.padEnd(26)} values ${pct(c.valueCoverage).padStart(6)}  codes ${c.mappedCodes}/${c.distinctCodes}`,
    );
    for (const u of c.unmapped) {
      const best = u.suggestions[0];
      const label = u.label ? ` '${u.label}'` : '';
      const suggestion = best ? ` -> suggest ${best.targetCode} '${best.targetLabel}' (${best.score})` : '';
      out(`    ${u.code}${label} x${u.count}${u.entryStatus ? ` [${u.entryStatus}]` : ''}${suggestion}`);
    }
  }
  for (const p of report.problems) out(`  problem: ${p}`);
}

interface CoverageFlags {
  pack: string;
  source: string;
  contract?: string;
  crosswalks?: string;
  sourceCatalog?: string;
  out?: string;
  drafts?: string;
  json?: boolean;
}

function registerCoverage(crosswalk: Command): void {
  crosswalk
    .command('coverage')
    .description(
      'Count every local code the source sends through a crosswalk; list those with no approved mapping, with suggestions',
    )
    .requiredOption('--pack <name>', 'pack giving the contract, crosswalks, code sets and source catalog')
    .requiredOption('--source <spec>', 'csv:DIR of source data')
    .option('--contract <file>', "contract JSON instead of the pack's")
    .option('--crosswalks <file>', "crosswalk CSV instead of the pack's")
    .option('--source-catalog <file>', "source catalog CSV instead of the pack's (finds the lookup tables)")
    .option('--out <file>', 'write the coverage report JSON here')
    .option('--drafts <file>', 'write the crosswalk with draft entries for unmapped codes here (CSV, for review)')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (flags: CoverageFlags) => {
        const pack = loadPack(flags.pack);
        const [contract, crosswalks, sourceCatalog, codeSets, source] = await Promise.all([
          flags.contract ? readContractFile(flags.contract) : pack.contract(),
          flags.crosswalks ? readCrosswalkCsv(flags.crosswalks) : pack.crosswalks(),
          flags.sourceCatalog ? readCatalogCsv(flags.sourceCatalog) : pack.sourceCatalog(),
          pack.codeSets(),
          CsvSourceConnector.open(csvSourcePath(flags.source)),
        ]);
        const report = await measureCrosswalkCoverage({ contract, crosswalks, source, sourceCatalog, codeSets });
        if (flags.out) await writeText(flags.out, `${JSON.stringify(report, null, 2)}\n`);
        if (flags.drafts) await writeText(flags.drafts, formatCrosswalkCsv(withDraftEntries(crosswalks, report)));
        if (flags.json) out(JSON.stringify(report));
        else {
          printCoverage(report);
          if (flags.out) out(`Report written to ${flags.out}`);
          if (flags.drafts) out(`Crosswalk with draft entries written to ${flags.drafts}`);
        }
        return 0;
      }),
    );
}

function registerExport(crosswalk: Command): void {
  crosswalk
    .command('export')
    .description("Write a pack's crosswalks (or a crosswalk file, normalised) as crosswalk CSV with every column")
    .option('--pack <name>', "the pack's crosswalks")
    .option('--crosswalks <file>', 'a crosswalk CSV file')
    .requiredOption('--out <file>', 'where to write the CSV')
    .action(
      action(async (flags: { pack?: string; crosswalks?: string; out: string }) => {
        if ((flags.pack === undefined) === (flags.crosswalks === undefined))
          throw new FerryError('FERRY_ERR_USAGE', 'give one of --pack NAME or --crosswalks FILE');
        const set = flags.pack ? await loadPack(flags.pack).crosswalks() : await readCrosswalkCsv(flags.crosswalks!);
        await writeText(flags.out, formatCrosswalkCsv(set));
        out(`Exported ${set.entries.length} crosswalk entries (${crosswalkHash(set).slice(0, 12)}) to ${flags.out}`);
        return 0;
      }),
    );
}

function registerImport(crosswalk: Command): void {
  crosswalk
    .command('import <file>')
    .description('Read and validate a crosswalk CSV (errors name line and field); print its hash and status counts')
    .option('--out <file>', 'write the normalised crosswalk CSV here')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, flags: { out?: string; json?: boolean }) => {
        const set = await readCrosswalkCsv(file);
        if (flags.out) await writeText(flags.out, formatCrosswalkCsv(set));
        const summary = {
          hash: crosswalkHash(set),
          entries: set.entries.length,
          codeTypes: new Set(set.entries.map((e) => e.codeType)).size,
          statuses: statusCounts(set),
        };
        if (flags.json) out(JSON.stringify(summary));
        else {
          out(`Read ${summary.entries} entries of ${summary.codeTypes} code types, hash ${summary.hash}`);
          out(
            `  ${Object.entries(summary.statuses)
              .map(([s, n]) => `${s} ${n}`)
              .join(', ')}`,
          );
          if (flags.out) out(`Wrote ${flags.out}`);
        }
        return 0;
      }),
    );
}

interface ReviewFlags {
  status: string;
  reviewer?: string;
  at?: string;
  codeType?: string;
  sourceCode?: string;
  currentStatus?: string;
  text?: string;
  all?: boolean;
  out?: string;
  json?: boolean;
}

function registerReview(crosswalk: Command): void {
  crosswalk
    .command('review <file>')
    .description('Set the review status of selected entries of a crosswalk CSV (in place, or to --out)')
    .requiredOption('--status <status>', 'new status: reviewed, approved, rejected or draft')
    .option('--reviewer <name>', 'who reviews (required except for draft)')
    .option('--at <iso>', 'when (default: now)')
    .option('--code-type <type>', 'entries of this code type')
    .option('--source-code <code>', 'the entry of this local code')
    .option('--current-status <list>', 'entries now in these statuses (comma-separated)')
    .option('--text <text>', 'entries mentioning this text')
    .option('--all', 'every entry (when no other filter is given)')
    .option('--out <file>', 'write here instead of over the file')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, flags: ReviewFlags) => {
        const status = reviewStatusOption('--status', flags.status);
        const filter: CrosswalkEntryFilter = {};
        if (flags.codeType !== undefined) filter.codeType = flags.codeType;
        if (flags.sourceCode !== undefined) filter.sourceCode = flags.sourceCode;
        if (flags.currentStatus !== undefined)
          filter.status = flags.currentStatus.split(',').map((s) => reviewStatusOption('--current-status', s));
        if (flags.text !== undefined) filter.text = flags.text;
        if (Object.keys(filter).length === 0 && !flags.all) {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            'select entries with --code-type, --source-code, --current-status or --text (or --all)',
          );
        }
        const set = await readCrosswalkCsv(file);
        const r = reviewCrosswalkEntries(set, filter, {
          status,
          ...(flags.reviewer ? { reviewer: flags.reviewer } : {}),
          at: timeOption(flags.at),
        });
        if (r.changed.length + r.unchanged.length === 0)
          throw new FerryError('FERRY_ERR_USAGE', 'the filter selects no entries');
        const target = flags.out ?? file;
        if (r.changed.length > 0) await writeText(target, formatCrosswalkCsv(r.set));
        if (flags.json)
          out(
            JSON.stringify({
              changed: r.changed.length,
              unchanged: r.unchanged.length,
              hash: crosswalkHash(r.set),
              file: target,
            }),
          );
        else
          out(
            `${r.changed.length} entries marked ${status}, ${r.unchanged.length} already were; ${r.changed.length > 0 ? `wrote ${target}` : 'nothing written'}`,
          );
        return 0;
      }),
    );
}

/** `ferry crosswalk`: coverage of a source's local codes, and crosswalk CSV export, import and review. */
export function registerCrosswalk(program: Command): void {
  const crosswalk = program
    .command('crosswalk')
    .description('Crosswalk coverage on source data, and crosswalk CSV export, import and review');
  registerCoverage(crosswalk);
  registerExport(crosswalk);
  registerImport(crosswalk);
  registerReview(crosswalk);
}
