import {
  defectLevels,
  FerryError,
  type GenerateOptions,
  type GenerateResult,
  isoFromDay,
  SeededRandom,
  syntheticNhsNumberCapacity,
} from '@ferry/core';
import type { BuildContext } from './build-context.js';
import { buildPatient, type CohortMemory } from './build-patient.js';
import { cohortSettings } from './cohort-settings.js';
import { CohortWriter } from './cohort-writer.js';
import { DefectPlanner } from './defect-planner.js';
import { IdAllocator } from './id-allocator.js';
import { LocalCodes } from './local-codes.js';
import { loadPackModel } from './pack-model.js';
import { PatientNumbers } from './patient-numbers.js';
import { Quirks } from './quirks.js';
import { buildReferenceData } from './reference-data.js';
import type { RenderEnv } from './render/render-env.js';
import { SessionCalendar } from './session-calendar.js';

export { cohortSettings } from './cohort-settings.js';
export { allDefectKinds, type DefectKind, type DefectRecord, defectKinds } from './defect-kinds.js';

/** Largest cohort one run generates (bounded by the distinct synthetic NHS numbers). */
export const maxPatients = Math.floor(syntheticNhsNumberCapacity * 0.9);

function validate(options: GenerateOptions): void {
  const { patients, seed, defects, outDir } = options;
  if (!Number.isInteger(patients) || patients < 1 || patients > maxPatients) {
    throw new FerryError('FERRY_ERR_USAGE', `patients must be an integer from 1 to ${maxPatients}`, {
      field: 'patients',
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new FerryError('FERRY_ERR_USAGE', 'seed must be an integer from 0 to 4294967295', { field: 'seed' });
  }
  if (!defectLevels.includes(defects)) {
    throw new FerryError('FERRY_ERR_USAGE', `defects must be one of ${defectLevels.join(', ')}`, { field: 'defects' });
  }
  if (!outDir) throw new FerryError('FERRY_ERR_USAGE', 'an output folder is required', { field: 'outDir' });
}

/**
 * Generates a synthetic nhs-pas cohort: the legacy extract (`source/`), what a correct migration loads
 * (`expected/`) and the injected defects (`defects.csv`). Byte-identical output for the same options; streams
 * patient by patient in constant memory.
 *
 * @example
 * const result = await generateCohort({ patients: 200, seed: 42, defects: 'typical', outDir: 'out/cohort' });
 * result.files['source/PATIENT.csv'] // rows written
 */
export async function generateCohort(options: GenerateOptions): Promise<GenerateResult> {
  validate(options);
  const { patients, seed, defects, outDir, onProgress } = options;
  const model = await loadPackModel();
  const root = new SeededRandom(seed);
  const quirks = new Quirks(seed);
  const codes = new LocalCodes(model.localCodes, quirks);
  const ref = buildReferenceData(
    root.derive('reference'),
    codes,
    model.crosswalkEntries.get('treatment_function') ?? [],
    patients,
  );
  const calendar = new SessionCalendar(ref.clinics, root.derive('calendar'));
  const ctx: BuildContext = {
    root,
    ref,
    ids: new IdAllocator(root.derive('ids')),
    calendar,
    codes,
    extract: cohortSettings.extractDay,
    horizon: cohortSettings.extractDay + cohortSettings.futureDays,
    activityStart: cohortSettings.activityStartDay,
  };
  const users = [...ref.clerks, ...ref.coders].map((s) => s.login).concat(['pasadmin', 'interface']);
  const env: RenderEnv = { ref, codes, quirks, calendar, extract: ctx.extract, users, patient: undefined as never };
  const writer = await CohortWriter.open(outDir, model);
  let failed = true;
  try {
    await writer.writeReference(ref, env);
    const numbers = new PatientNumbers(seed);
    const planner = new DefectPlanner(defects, patients, seed);
    const memory: CohortMemory = {};
    const codesInUse = (codeType: string) => codes.allLocal(codeType);
    for (let i = 0; i < patients; i++) {
      const kind = planner.kindFor(i);
      const built = buildPatient(ctx, numbers, i, kind, memory, codesInUse);
      if (kind && !built.carried) planner.carry(kind);
      await writer.writePatient(built.facts, env);
      await writer.writeDefects(built.defects);
      if (onProgress && ((i + 1) % 100 === 0 || i + 1 === patients)) onProgress(i + 1, patients);
    }
    await writer.writeSlots(env);
    failed = false;
  } finally {
    // Close the files either way; an error while closing after a failure must not hide the first error.
    if (failed) await writer.close().catch(() => undefined);
  }
  const written = await writer.close();
  return { ...written, extractDate: isoFromDay(cohortSettings.extractDay) };
}
