import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  type CheckDefinition,
  type CodeSetEntry,
  checkDefinitionSchema,
  FerryError,
  type GateThresholdsFile,
  type GenerateOptions,
  type GenerateResult,
  type Pack,
  parseCodeSetsCsv,
  parseGateThresholdsFile,
  type ReleaseProfile,
  readCatalogCsv,
  readContractFile,
  readCrosswalkCsv,
} from '@ferry/core';
import { nhsPasPackFiles } from './pack-files.js';

export * from './fhir/index.js';
export { nhsPasPackFiles } from './pack-files.js';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'pack file cannot be read', { file: path }, { cause: e });
  }
}

async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FerryError('FERRY_ERR_CHECK_INVALID', 'file is not valid JSON', { file: path }, { cause: e });
  }
}

/** Reads the pack's quality checks (an array of check definitions, or `{ checks: [...] }`); none when absent. */
async function readQualityChecks(): Promise<CheckDefinition[]> {
  const file = nhsPasPackFiles.qualityChecks;
  if (!existsSync(file)) return [];
  const json = await readJson(file);
  const list = Array.isArray(json) ? json : (json as { checks?: unknown } | null)?.checks;
  const parsed = checkDefinitionSchema.array().safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FerryError('FERRY_ERR_CHECK_INVALID', `quality checks do not validate: ${issue?.message ?? 'invalid'}`, {
      file,
      field: issue?.path.join('.') ?? '',
    });
  }
  return parsed.data;
}

/** The pack's thresholds for a release profile (`quality/gate-profiles/<profile>.json`); none when absent. */
async function readGateThresholds(profile: ReleaseProfile): Promise<GateThresholdsFile | undefined> {
  const file = nhsPasPackFiles.gateProfile(profile);
  if (!existsSync(file)) return undefined;
  return parseGateThresholdsFile(await readJson(file), file);
}

/** The cohort generator module (`./generator/index.js`), loaded on first use. */
interface GeneratorModule {
  generateCohort(options: GenerateOptions): Promise<GenerateResult>;
}
const generatorModule = './generator/index.js';

async function generate(options: GenerateOptions): Promise<GenerateResult> {
  let mod: GeneratorModule;
  try {
    mod = (await import(generatorModule)) as GeneratorModule;
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      "the nhs-pas pack's cohort generator is not available",
      { file: generatorModule },
      { cause: e },
    );
  }
  return mod.generateCohort(options);
}

const pack = {
  name: 'nhs-pas',
  description: 'Legacy NHS hospital PAS to a PAS LOAD-table interface',
  sourceCatalog: () =>
    readCatalogCsv(
      existsSync(nhsPasPackFiles.sourceCatalog) ? nhsPasPackFiles.sourceCatalog : nhsPasPackFiles.sourceCatalogCore,
      { name: 'nhs-pas-source' },
    ),
  targetCatalog: () => readCatalogCsv(nhsPasPackFiles.targetCatalog, { name: 'nhs-pas-target' }),
  crosswalks: () => readCrosswalkCsv(nhsPasPackFiles.crosswalks),
  contract: () => readContractFile(nhsPasPackFiles.contract),
  qualityChecks: readQualityChecks,
  codeSets: async (): Promise<CodeSetEntry[]> =>
    parseCodeSetsCsv(await readText(nhsPasPackFiles.codeSets), nhsPasPackFiles.codeSets),
  gateThresholds: readGateThresholds,
  generate,
};
/**
 * The nhs-pas pack: a legacy hospital PAS -> Ferry's PAS LOAD-table interface.
 *
 * @example
 * const target = await nhsPasPack.targetCatalog(); // 38 LOAD tables in load order
 */
export const nhsPasPack: Pack = pack;
