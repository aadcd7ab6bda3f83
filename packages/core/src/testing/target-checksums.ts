import type { SqlDatabase } from '../store/sql-database.js';

/** A checksum of each target table's whole content, lineage included: `rows:md5` (order-independent). */
export async function targetChecksums(db: SqlDatabase, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [r] = await db.query<{ n: string; h: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table.replaceAll('"', '""')}" t`,
    );
    out[table] = `${r!.n}:${r!.h}`;
  }
  return out;
}
