import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  evaluateGate,
  FerryError,
  type GateReport,
  type MigrationSummary,
  migrationSummarySchema,
  parseGateThresholdsFile,
  qualityReportSchema,
  type ReleaseProfile,
  releaseProfiles,
  resolveGateThresholds,
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
  pack?: string;
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

function printGate(gate: GateReport, out: string): void {
  const w = (s: string) => process.stdout.write(`${s}\n`);
  const s = gate.summary;
  w(`Gate ${gate.profile} for job ${gate.jobId}: ${gate.outcome}`);
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
      "lay the pack's gate profile (its quality/gate-profiles/<profile>.json) over the built-ins",
    )
    .option('--thresholds <file>', "thresholds JSON laid over the built-in (and the pack's) thresholds")
    .option('--migration <file>', 'migration_report.json of the job (rejects by reason and conservation)')
    .option('--contract <file>', 'contract (JSON or CSV): mandatory fields that are not approved block')
    .option('--triage <file>', 'triage decisions JSON { version: 1, entries: [...] }')
    .requiredOption('--out <dir>', 'folder for gate_report.json')
    .option('--json', 'print the gate report as JSON')
    .action(
      action(async (flags: GateFlags) => {
        const qualityReport = await readJsonFile(flags.quality, qualityReportSchema, 'Quality report');
        const thresholds = resolveGateThresholds(
          flags.profile,
          flags.pack ? await loadPack(flags.pack).gateThresholds(flags.profile) : undefined,
          flags.thresholds
            ? parseGateThresholdsFile(await readJson(flags.thresholds, 'Thresholds file'), flags.thresholds)
            : undefined,
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
          migrationReport,
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
