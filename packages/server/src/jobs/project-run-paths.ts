import { join } from 'node:path';
import { RunStore } from '@ferry/core';
import { z } from 'zod';

/**
 * A project's settings (projects.settings): where its runs load. Only server-chosen targets or registered target
 * databases: no URLs from users.
 */
export const projectSettingsSchema = z
  .object({
    /**
     * `pglite`: an embedded database in the project folder; `csv`: LOAD files for a vendor loader; `database`: the
     * organisation's registered target database `targetId`.
     */
    target: z.enum(['pglite', 'csv', 'database']).default('pglite'),
    targetId: z.uuid().optional(),
    defaultReleaseProfile: z.enum(['development', 'pre_production', 'cutover_ready']).default('development'),
    description: z.string().max(2000).optional(),
  })
  .refine((s) => (s.target === 'database') === (s.targetId !== undefined), {
    message: 'targetId names the target database, and is given exactly when target is database',
    path: ['targetId'],
  });
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/** Where a project's runs live: `DATA_DIR/projects/<id>/` holds the run store (`runs/`, `evidence/`) and the target. */
export function projectRunDir(dataDir: string, projectId: string): string {
  return join(dataDir, 'projects', projectId);
}

export function projectRunStore(dataDir: string, projectId: string): RunStore {
  return new RunStore(projectRunDir(dataDir, projectId));
}

/** The target URL of a project's runs inside its folder (a registered target database is resolved by the runner). */
export function projectTarget(dataDir: string, projectId: string, settings: Pick<ProjectSettings, 'target'>): string {
  const dir = projectRunDir(dataDir, projectId);
  return settings.target === 'csv' ? `csv:${join(dir, 'load')}` : `pglite:${join(dir, 'target')}`;
}
