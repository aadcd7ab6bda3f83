import type { TableFeatures } from './catalog-features.js';

/**
 * Target tables with every referenced (parent) table before the tables that refer to it, so foreign keys can
 * be matched against parents already matched. Catalog order is kept where references allow; cycles and
 * self-references fall back to catalog order.
 *
 * @example
 * parentsFirst([episodes, admissions]) // => [admissions, episodes] when episodes refer to admissions
 */
export function parentsFirst(tables: readonly TableFeatures[]): TableFeatures[] {
  const byName = new Map(tables.map((t) => [t.table.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableFeatures[] = [];
  const visit = (t: TableFeatures) => {
    const name = t.table.name;
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const c of t.columns) {
      const parent = c.referencesTable && c.referencesTable !== name ? byName.get(c.referencesTable) : undefined;
      if (parent) visit(parent);
    }
    visiting.delete(name);
    done.add(name);
    out.push(t);
  };
  for (const t of tables) visit(t);
  return out;
}
