import { join, resolve } from 'node:path';
import { FerryError } from '@ferry/core';
import { z } from 'zod';

/** Where the platform keeps its database and files. */
export interface DatabaseConfig {
  /** `postgres://...` (DATABASE_URL) or `pglite:DIR` (the embedded default, `FERRY_DATA_DIR/platform`). */
  databaseUrl: string;
  /** Folder for the embedded database, project run folders and uploaded documents. */
  dataDir: string;
}

export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql|pglite):/, 'must start with postgres://, postgresql:// or pglite:')
    .optional(),
  FERRY_DATA_DIR: z.string().min(1).default('.ferry'),
});

/** Turns zod issues into one FerryError that names each variable (never its value). */
export function configError(issues: readonly z.core.$ZodIssue[]): FerryError {
  const lines = issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  return new FerryError('FERRY_ERR_CONFIG', `Invalid configuration: ${lines.join('; ')}`);
}

/**
 * Reads DATABASE_URL and FERRY_DATA_DIR once, at the edge. Without DATABASE_URL the platform uses the embedded
 * PGlite under `FERRY_DATA_DIR/platform` (default `.ferry/platform`).
 *
 * @example
 * loadDatabaseConfig({}) // { databaseUrl: 'pglite:/cwd/.ferry/platform', dataDir: '/cwd/.ferry' }
 */
export function loadDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const parsed = databaseEnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const dataDir = resolve(parsed.data.FERRY_DATA_DIR);
  return { databaseUrl: parsed.data.DATABASE_URL ?? `pglite:${join(dataDir, 'platform')}`, dataDir };
}
