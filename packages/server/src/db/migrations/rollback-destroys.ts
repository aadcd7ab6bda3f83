import { FerryError, type SqlExecutor } from '@ferry/core';
import type { MigrationFile } from './migration-files.js';

/**
 * What a down script destroys that a person must name before it runs, declared in the script itself by a line
 * `-- ferry:destroys <what> <table>`, e.g. `-- ferry:destroys audit-trail audit_events`. `what` becomes the flag that
 * allows it (`--drop-audit-trail`); `table` is counted, so the refusal says how much would go.
 */
export interface DeclaredDestruction {
  migration: string;
  what: string;
  table: string;
}

/** A declared destruction of a planned rollback, with the rows its table holds now (0 when the table is gone). */
export interface PlannedDestruction extends DeclaredDestruction {
  rows: number;
}

const declaration = /^--\s*ferry:destroys\s+([a-z][a-z0-9-]*)\s+([a-z_][a-z0-9_]*)\s*$/gm;

/**
 * The destructions a down script declares, in order.
 *
 * @example
 * declaredDestructions({ name: '0004_audit', down: '-- ferry:destroys audit-trail audit_events\nDROP TABLE ...' })
 * // => [{ migration: '0004_audit', what: 'audit-trail', table: 'audit_events' }]
 */
export function declaredDestructions(m: Pick<MigrationFile, 'name' | 'down'>): DeclaredDestruction[] {
  return [...m.down.matchAll(declaration)].map((x) => ({ migration: m.name, what: x[1]!, table: x[2]! }));
}

/** The rows of each declared table now (a table that does not exist holds 0). */
export async function countDestructions(
  db: SqlExecutor,
  declared: readonly DeclaredDestruction[],
): Promise<PlannedDestruction[]> {
  const out: PlannedDestruction[] = [];
  for (const d of declared) {
    const [exists] = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM information_schema.tables
        WHERE table_schema = ANY (current_schemas(false)) AND table_name = $1`,
      [d.table],
    );
    const rows =
      Number(exists?.n ?? 0) > 0
        ? Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${d.table}"`))[0]?.n ?? 0)
        : 0;
    out.push({ ...d, rows });
  }
  return out;
}

/**
 * Refuses a rollback that would destroy something not explicitly allowed (FERRY_ERR_DESTRUCTIVE_REFUSED), naming
 * each migration, what it destroys, its rows now and the flags that allow it.
 *
 * @example
 * assertDestructionAllowed(planned, ['audit-trail']); // throws when 'users' is planned too
 */
export function assertDestructionAllowed(planned: readonly PlannedDestruction[], allowed: readonly string[]): void {
  const refused = planned.filter((d) => !allowed.includes(d.what));
  if (!refused.length) return;
  const what = refused.map(
    (d) => `${d.migration} drops the ${d.what.replaceAll('-', ' ')} (${d.table}: ${d.rows} rows)`,
  );
  const flags = [...new Set(refused.map((d) => `--drop-${d.what}`))].join(' ');
  throw new FerryError(
    'FERRY_ERR_DESTRUCTIVE_REFUSED',
    `Refused: ${what.join('; ')}. Nothing was rolled back; to do it anyway, give ${flags}`,
  );
}
