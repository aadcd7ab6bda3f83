import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerCatalog } from './catalog.js';
import { registerCheck } from './check.js';
import { registerContract } from './contract.js';
import { registerCrosswalk } from './crosswalk.js';
import { registerDb } from './db.js';
import { registerErd } from './erd.js';
import { registerEvidence } from './evidence.js';
import { registerExport } from './export.js';
import { registerGate } from './gate.js';
import { registerGenerate } from './generate.js';
import { registerImport } from './import.js';
import { registerLifecycle } from './lifecycle.js';
import { registerMap } from './map.js';
import { registerMigrate } from './migrate.js';
import { registerPreview } from './preview.js';
import { registerProfile } from './profile.js';
import { registerPurge } from './purge.js';
import { registerReconcile } from './reconcile.js';
import { registerRollback } from './rollback.js';
import { registerRuns } from './runs.js';
import { registerServe } from './serve.js';
import { registerTableDiff } from './table-diff.js';
import { registerWorker } from './worker.js';

/** Each verb lives in its own file and registers itself here, in the order `ferry --help` lists them. */
const commands: Array<(program: Command) => void> = [
  registerCatalog,
  registerGenerate,
  registerProfile,
  registerMap,
  registerContract,
  registerCrosswalk,
  registerErd,
  registerPreview,
  registerMigrate,
  registerWorker,
  registerRollback,
  registerCheck,
  registerGate,
  registerReconcile,
  registerTableDiff,
  registerEvidence,
  registerExport,
  registerLifecycle,
  registerImport,
  registerRuns,
  registerDb,
  registerServe,
  registerAudit,
  registerBackup,
  registerPurge,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
