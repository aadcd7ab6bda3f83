import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import {
  blocksLoad,
  type Catalog,
  type ContractLoadFinding,
  catalogIdentifierColumns,
  compareToContract,
  evaluateMapping,
  FerryError,
  formatContractFinding,
  type GoldMapping,
  goldFromContract,
  type MappingEvaluation,
  type MappingSuggestion,
  openSourceSpec,
  type Pack,
  type ProfileReport,
  profileReportSchema,
  profileSource,
  readCatalogCsv,
  readGoldCsv,
  readLocatedContractCsv,
  suggestContract,
  toDraftContract,
  validateContractForLoad,
  writeContractCsv,
} from '@ferry/core';
import type { Command } from 'commander';
import { loadPack } from '../packs.js';
import { action } from '../run-command.js';

interface MapFlags {
  sourceCatalog: string;
  sourceData?: string;
  profile?: string;
  targetPack: string;
  gold?: string;
  evaluate?: boolean;
  minConfidence: string;
  out: string;
  contractOut?: string;
  json?: boolean;
}

function confidenceOption(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new FerryError('FERRY_ERR_USAGE', '--min-confidence must be a number in [0, 1]');
  return n;
}

async function readProfile(path: string): Promise<ProfileReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'profile file cannot be read', { file: path }, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', 'profile file is not valid JSON', { file: path }, { cause: e });
  }
  const parsed = profileReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FerryError('FERRY_ERR_INPUT', `not a profile report: ${issue?.message ?? 'invalid'}`, {
      file: path,
      field: issue?.path.join('.') ?? '',
    });
  }
  return parsed.data;
}

/** The value profile to score with: a profile.json, or a fresh profile of the source data folder. */
async function loadProfile(flags: MapFlags, sourceCatalog: Catalog): Promise<ProfileReport | undefined> {
  if (flags.profile) return readProfile(flags.profile);
  if (!flags.sourceData) return undefined;
  // Any --source kind of ferry lifecycle (a bare folder is CSV).
  const connector = await openSourceSpec(flags.sourceData);
  try {
    return await profileSource(connector, { identifierColumns: catalogIdentifierColumns(sourceCatalog) });
  } finally {
    await connector.close();
  }
}

/** Gold mappings: the --gold file, else the pack's reviewed contract. */
async function loadGold(flags: MapFlags, pack: Pack): Promise<GoldMapping[]> {
  return flags.gold ? readGoldCsv(flags.gold) : goldFromContract(await pack.contract());
}

function printText(s: MappingSuggestion, out: string, evaluation?: MappingEvaluation, agree?: string): void {
  const w = (line: string) => process.stdout.write(`${line}\n`);
  const c = s.counts;
  w(
    `Matched ${c.matchedTables} of ${c.targetTables} target tables to source tables${s.usedProfile ? ' (with value profiles)' : ''}`,
  );
  w(
    `Suggested a source for ${c.suggestedFields} of ${c.targetFields} target fields (min confidence ${s.minConfidence})`,
  );
  if (evaluation) {
    const e = evaluation;
    w(`precision ${e.precision.toFixed(4)}  recall ${e.recall.toFixed(4)}  F1 ${e.f1.toFixed(4)}`);
    w(`  ${e.truePositives} correct of ${e.mapped} suggested; ${e.gold} gold mappings`);
    if (agree) w(`  ${agree}`);
  }
  w(`Suggestion written to ${out}`);
}

/** What `--contract-out` wrote: the draft's size, and the reasons (with their lines) it cannot load yet. */
interface DraftSummary {
  file: string;
  tables: number;
  rows: number;
  toFix: string[];
  findings: ContractLoadFinding[];
}

/**
 * Writes the suggestion as a draft contract CSV (every row `draft`, with its confidence and reason in `notes`), reads
 * it back as `ferry lifecycle` and `ferry migrate` will, and lists what stops it loading, line by line.
 */
async function writeDraftContract(
  suggestion: MappingSuggestion,
  file: string,
  inputs: { sourceCatalog: Catalog; targetCatalog: Catalog; crosswalkCodeTypes: ReadonlySet<string> },
): Promise<DraftSummary> {
  await writeContractCsv(toDraftContract(suggestion), file);
  const { contract, rows } = await readLocatedContractCsv(file);
  const findings = validateContractForLoad(contract, inputs);
  return {
    file,
    tables: contract.tables.length,
    rows: contract.tables.reduce((n, t) => n + t.fields.length, 0),
    toFix: findings.filter(blocksLoad).map((f) => formatContractFinding(f, rows)),
    findings,
  };
}

function printDraft(d: DraftSummary): void {
  const w = (line: string) => process.stdout.write(`${line}\n`);
  w(`Draft contract written to ${d.file}: ${d.tables} tables, ${d.rows} rows, every row draft`);
  if (d.toFix.length === 0) {
    w('  it loads as it is; review each row (notes give the confidence and reason) and approve before cutover');
    return;
  }
  w(`  ${d.toFix.length} row(s) to fix before it loads:`);
  for (const line of d.toFix) w(`    ${line}`);
}

export function registerMap(program: Command): void {
  program
    .command('map')
    .description("Suggest a draft mapping from a source catalog (and its data's profile) to a pack's target catalog")
    .requiredOption('--source-catalog <file>', 'source catalog CSV')
    .option(
      '--source-data <spec>',
      'source data to profile for value evidence: csv:DIR or any --source kind of ferry lifecycle (json:DIR, xlsx:FILE, dump:LAYOUT, postgres://, mysql://)',
    )
    .option('--profile <file>', 'profile.json from `ferry profile` (instead of --source-data)')
    .requiredOption('--target-pack <name>', 'pack giving the target catalog, crosswalks and reviewed contract')
    .option('--gold <file>', 'gold mappings CSV source_table,source_column,target_table,target_column')
    .option('--evaluate', "score the suggestion against --gold (default: the pack's reviewed contract)")
    .option('--min-confidence <x>', 'fields scoring below this get no suggestion', '0.35')
    .option('--out <file>', 'where to write the suggestion JSON', 'mapping_suggestion.json')
    .option(
      '--contract-out <file>',
      'also write the suggestion as a draft contract CSV that `ferry lifecycle --contract` and `ferry migrate` load',
    )
    .option('--json', 'print one JSON summary object instead of text')
    .action(
      action(async (flags: MapFlags) => {
        const minConfidence = confidenceOption(flags.minConfidence);
        const pack = loadPack(flags.targetPack);
        const evaluate = flags.evaluate || flags.gold !== undefined;
        // Every input is read and checked before anything is written.
        if (flags.profile && flags.sourceData) {
          throw new FerryError('FERRY_ERR_USAGE', 'give --profile or --source-data, not both');
        }
        if (flags.contractOut && extname(flags.contractOut).toLowerCase() !== '.csv') {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            '--contract-out writes the contract CSV: give a file name ending in .csv',
          );
        }
        const sourceCatalog = await readCatalogCsv(flags.sourceCatalog);
        const [targetCatalog, crosswalks, profile, gold] = await Promise.all([
          pack.targetCatalog(),
          pack.crosswalks(),
          loadProfile(flags, sourceCatalog),
          evaluate ? loadGold(flags, pack) : undefined,
        ]);
        const suggestion = suggestContract({
          sourceCatalog,
          targetCatalog,
          ...(profile ? { profile } : {}),
          crosswalkCodeTypes: new Set(crosswalks.entries.map((e) => e.codeType)),
          minConfidence,
        });
        await mkdir(dirname(flags.out), { recursive: true });
        await writeFile(flags.out, `${JSON.stringify(suggestion, null, 2)}\n`, 'utf8');
        const draft = flags.contractOut
          ? await writeDraftContract(suggestion, flags.contractOut, {
              sourceCatalog,
              targetCatalog,
              crosswalkCodeTypes: new Set(crosswalks.entries.map((e) => e.codeType)),
            })
          : undefined;
        const evaluation = gold ? evaluateMapping(suggestion, gold) : undefined;
        const comparison = evaluate && !flags.gold ? compareToContract(suggestion, await pack.contract()) : undefined;
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({
              out: flags.out,
              usedProfile: suggestion.usedProfile,
              ...suggestion.counts,
              ...(evaluation ?? {}),
              ...(comparison ? { comparison: comparison.counts } : {}),
              ...(draft
                ? { contract: { file: draft.file, tables: draft.tables, rows: draft.rows, toFix: draft.toFix } }
                : {}),
            })}\n`,
          );
          return 0;
        }
        const agree = comparison
          ? `against the reviewed contract: ${Object.entries(comparison.counts)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`
          : undefined;
        printText(suggestion, flags.out, evaluation, agree);
        if (draft) printDraft(draft);
        return 0;
      }),
    );
}
