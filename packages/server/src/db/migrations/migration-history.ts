import type { SqlExecutor } from '@ferry/core';

/** The table that records applied platform migrations, with each one's checksum. */
export const historyTable = 'ferry_schema_migrations';

/** One applied migration as the history table holds it. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  appliedAt: string;
  executionMs: number;
}

/** Creates the history table when it is not there yet. */
export async function ensureHistoryTable(tx: SqlExecutor): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS ${historyTable} (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    execution_ms integer NOT NULL
  )`);
}

/** Applied migrations in name order; none when the history table does not exist. */
export async function readHistory(tx: SqlExecutor): Promise<AppliedMigration[]> {
  const [exists] = await tx.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    historyTable,
  ]);
  if (!exists?.present) return [];
  const rows = await tx.query<{ name: string; checksum: string; applied_at: Date; execution_ms: number }>(
    `SELECT name, checksum, applied_at, execution_ms FROM ${historyTable} ORDER BY name`,
  );
  return rows.map((r) => ({
    name: r.name,
    checksum: r.checksum,
    appliedAt: new Date(r.applied_at).toISOString(),
    executionMs: r.execution_ms,
  }));
}

export async function recordApplied(
  tx: SqlExecutor,
  name: string,
  checksum: string,
  executionMs: number,
): Promise<void> {
  await tx.query(`INSERT INTO ${historyTable} (name, checksum, execution_ms) VALUES ($1, $2, $3)`, [
    name,
    checksum,
    executionMs,
  ]);
}

export async function recordRolledBack(tx: SqlExecutor, name: string): Promise<void> {
  await tx.query(`DELETE FROM ${historyTable} WHERE name = $1`, [name]);
}
