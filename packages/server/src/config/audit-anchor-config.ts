import { join, resolve } from 'node:path';
import { FerryError } from '@ferry/core';
import { z } from 'zod';
import { configError, databaseEnvSchema, loadDatabaseConfig } from './database-config.js';

/** Signed checkpoints of the audit chains' heads, kept outside the database. */
export interface AuditAnchorSettings {
  /** The anchor file (FERRY_AUDIT_ANCHOR_FILE, default DATA/audit-anchors.jsonl). */
  file: string;
  /** Signs the checkpoints (FERRY_AUDIT_KEY); the database never holds it. */
  key: string;
  /** How often the server checkpoints the chains whose head moved (FERRY_AUDIT_CHECKPOINT_SECONDS; 0: never). */
  checkpointSeconds: number;
  /** Production: verify fails when there is no anchor. */
  production: boolean;
}

const developmentAuditKey = 'ferry-development-audit-key-do-not-use-in-production';

const auditEnvSchema = databaseEnvSchema.extend({
  FERRY_MODE: z.enum(['production', 'development', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  FERRY_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  FERRY_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  FERRY_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
});

/**
 * Reads the audit anchor settings once, at the edge (the server and `ferry audit`). Production mode refuses to go on
 * without FERRY_AUDIT_KEY; elsewhere a development key is used. Errors name the variable, never its value.
 *
 * @example
 * loadAuditAnchorSettings({}) // { file: '/cwd/.ferry/audit-anchors.jsonl', key: '<development key>', ... }
 */
export function loadAuditAnchorSettings(env: Record<string, string | undefined>): AuditAnchorSettings {
  const parsed = auditEnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const e = parsed.data;
  const production = (e.FERRY_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';
  if (production && !e.FERRY_AUDIT_KEY)
    throw new FerryError(
      'FERRY_ERR_CONFIG',
      'Refusing to start in production: FERRY_AUDIT_KEY: is required in production',
    );
  const { dataDir } = loadDatabaseConfig(env);
  return {
    file: e.FERRY_AUDIT_ANCHOR_FILE ? resolve(e.FERRY_AUDIT_ANCHOR_FILE) : join(dataDir, 'audit-anchors.jsonl'),
    key: e.FERRY_AUDIT_KEY ?? developmentAuditKey,
    checkpointSeconds: e.FERRY_AUDIT_CHECKPOINT_SECONDS,
    production,
  };
}
