import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  evaluateGate,
  FerryError,
  type GateReport,
  gateThresholdsFor,
  type MigrationSummary,
  migrationSummarySchema,
  parseGateThresholdsFile,
  type QualityReport,
  qualityReportSchema,
  type ReleaseProfile,
  releaseProfiles,
  type TriageEntry,
  triageFileSchema,
  type UnapprovedMandatoryField,
  unapprovedMandatoryFields,
  writeGateReportJson,
} from '@ferry/core';
import { type Command, Option } from 'commander';
import { loadPack } from '../packs.js';
import { action, exitCodes } from '../run-command.js';
import { readContractAny } from './contract-inputs.js';

interface GateFlags {
  quality: string;
  profile: ReleaseProfile;
  /** false with --no-pack: Ferry's built-in thresholds only. */
  pack?: string | false;
  thresholds?: string;
  migration?: string;
  contract?: string;
  triage?: string;
  out: string;
  json?: boolean;
}

/** What the zod schemas of core offer for validation. */
interface Schema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: Array<{ message: string; path: PropertyKey[] }> } };
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `${what} cannot be read`, { file: path }, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_INPUT', `${what} is not valid JSON`, { file: path }, { cause: e });
  }
}

/** Reads a JSON file and validates it; errors name the file and the first failing field. */
async function readJsonFile<T>(path: string, schema: Schema<T>, what: string): Promise<T> {
  const parsed = schema.safeParse(await readJson(path, what));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FerryError('FERRY_ERR_INPUT', `${what}: ${first?.message ?? 'invalid'}`, {
      file: path,
      field: first?.path.map(String).join('.') || undefined,
    });
  }
  return parsed.data;
}

/** The verbs' default pack, when neither --pack nor the quality report names one. */
const defaultPack = 'nhs-pas';

/**
 * The pack whose thresholds apply: --pack, else the pack whose checks made the quality report (as the lifecycle
 * does), else the default. A --pack other than the report's is refused: its thresholds were not made for those checks.
 */
function gatePack(flags: GateFlags, report: QualityReport): string {
  const recorded = report.version === 2 ? report.pack : null;
  if (typeof flags.pack === 'string' && recorded !== null && flags.pack !== recorded) {
    throw new FerryError(
      'FERRY_ERR_REPORT_MISMATCH',
      `--pack ${flags.pack}, but the quality report's checks are pack ${recorded}'s: gate it with --pack ${recorded}`,
      { file: flags.quality, field: 'pack' },
    );
  }
  return typeof flags.pack === 'string' ? flags.pack : (recorded ?? defaultPack);
}

function printGate(gate: GateReport, out: string): void {
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const s = gate.summary;
  w(`Gate ${gate.profile} for job ${gate.jobId}: ${gate.outcome}`);
  if (gate.version === 2) {
    const { contractHash, sourceFingerprint } = gate.subject;
    w(
      `  contract ${contractHash?.slice(0, 12) ?? 'unverified'}  source ${sourceFingerprint?.slice(0, 12) ?? 'unverified'}  thresholds ${gate.thresholdSources.join(' + ')}`,
    );
  }
  w(`  checks: ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.notRun} not run`);
  for (const b of gate.blocking) w(`  BLOCK ${b.code}: ${b.message}`);
  for (const x of gate.warnings) w(`  warn  ${x.code}: ${x.message}`);
  w(`  gate_report.json in ${out}`);
}

export function registerGate(program: Command): void {
  program
    .command('gate')
    .description(
      'Apply a release profile to stored quality results (and the migration ledger): PASS or FAIL, with reasons',
    )
    .requiredOption('--quality <file>', 'quality_report.json written by ferry check')
    .addOption(new Option('--profile <profile>', 'release profile').choices(releaseProfiles).makeOptionMandatory())
    .option(
      '--pack <name>',
      'the pack whose gate profile (its quality/gate-profiles/<profile>.json) is laid over the built-ins, as the lifecycle does (default: the pack whose checks made the quality report, else nhs-pas)',
    )
    .option('--no-pack', "Ferry's built-in thresholds only (not what the lifecycle applies)")
    .option('--thresholds <file>', "thresholds JSON laid over the built-in (and the pack's) thresholds")
    .option('--migration <file>', 'migration_report.json of the job (rejects by reason and conservation)')
    .option('--contract <file>', 'contract (JSON or CSV): mandatory fields that are not approved block')
    .option('--triage <file>', 'triage decisions JSON { version: 1, entries: [...] }')
    .requiredOption('--out <dir>', 'folder for gate_report.json')
    .option('--json', 'print the gate report as JSON')
    .action(
      action(async (flags: GateFlags) => {
        const qualityReport = await readJsonFile(flags.quality, qualityReportSchema, 'Quality report');
        const { thresholds, sources } = await gateThresholdsFor(
          flags.profile,
          flags.pack === false ? undefined : loadPack(gatePack(flags, qualityReport)),
          ...(flags.thresholds
            ? [
                {
                  file: flags.thresholds,
                  thresholds: parseGateThresholdsFile(
                    await readJson(flags.thresholds, 'Thresholds file'),
                    flags.thresholds,
                  ),
                },
              ]
            : []),
        );
        const migrationReport: MigrationSummary | undefined = flags.migration
          ? await readJsonFile(flags.migration, migrationSummarySchema, 'Migration report')
          : undefined;
        const contractFindings: UnapprovedMandatoryField[] = flags.contract
          ? unapprovedMandatoryFields(await readContractAny(flags.contract))
          : [];
        const triage: TriageEntry[] = flags.triage
          ? (await readJsonFile(flags.triage, triageFileSchema, 'Triage file')).entries
          : [];
        const gate = evaluateGate({
          qualityReport,
          profile: flags.profile,
          thresholds,
          thresholdSources: sources,
          migrationReport,
          reportNames: {
            quality: `quality report ${flags.quality}`,
            ...(flags.migration ? { migration: `migration report ${flags.migration}` } : {}),
          },
          contractFindings,
          triage,
        });
        await writeGateReportJson(gate, join(flags.out, 'gate_report.json'));
        if (flags.json) process.stdout.write(`${JSON.stringify(gate)}\n`);
        else printGate(gate, flags.out);
        return gate.outcome === 'PASS' ? exitCodes.ok : exitCodes.gateBlocked;
      }),
    );
}
