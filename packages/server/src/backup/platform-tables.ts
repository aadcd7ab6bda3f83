import { quoteIdent, type SqlExecutor } from '@ferry/core';
import { historyTable } from '../db/migrations/migration-history.js';

/**
 * The platform's tables in the current schema, parents before children (foreign keys), the migration history left
 * out (a restore applies the migrations itself).
 */
export async function platformTablesInLoadOrder(db: SqlExecutor): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND NOT c.relispartition ORDER BY c.relname`,
    )
  )
    .map((r) => r.name)
    .filter((t) => t !== historyTable);
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
     JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = cc.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND cc.relname <> pc.relname`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) if (parents.has(p)) visit(p, path);
    path.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/** `ORDER BY` of a table's primary key columns (or of the whole row as text when it has none): a stable row order. */
export async function stableOrder(db: SqlExecutor, table: string): Promise<string> {
  const cols = await db.query<{ col: string }>(
    `SELECT a.attname AS col FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [quoteIdent(table)],
  );
  return cols.length ? cols.map((c) => `t.${quoteIdent(c.col)}`).join(', ') : 't::text';
}
