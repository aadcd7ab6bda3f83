import { shadowTableWords } from './abbreviations.js';
import type { TableFeatures } from './catalog-features.js';
import { stemWord } from './word-stem.js';

const shadowStems: ReadonlySet<string> = new Set([...shadowTableWords].map(stemWord));
const namedAsCopy = (t: TableFeatures) => t.concepts.some((c) => shadowStems.has(c));

/** Why a source table is taken for a copy of another, for the reason a reviewer reads. */
export interface TableCopy {
  /** The live table it copies, when it copies one. */
  of?: string;
  reason: string;
}

/** Weighted share of the other table's columns a copy must hold. */
const heldShare = 0.8;

const upper = (t: TableFeatures) => new Set(t.table.columns.map((c) => c.name.toUpperCase()));

/**
 * Source tables that are copies of other source tables, recognised by shape, not name: a table holding all of
 * another table's columns and more (an audit trail, a revision table), two tables holding nearly all of each
 * other's columns where one is named as a copy or has no rows (a row history, an emptied archive), or a table with
 * no rows at all. Columns are weighted by how few tables have them, so an audit block or patient link that every
 * table shares never makes two tables look alike. `rows` gives the profiled row count of a table when there is a
 * profile.
 *
 * @example
 * findTableCopies(features.source, rows).get('PATIENT_AUD') // => { of: 'PATIENT', reason: 'holds every column of PATIENT and 3 more' }
 */
export function findTableCopies(
  tables: readonly TableFeatures[],
  rows?: ReadonlyMap<string, number>,
): Map<string, TableCopy> {
  const names = new Map(tables.map((t) => [t, upper(t)] as const));
  const uses = new Map<string, number>();
  for (const set of names.values()) for (const n of set) uses.set(n, (uses.get(n) ?? 0) + 1);
  const weight = (n: string) => Math.log(1 + tables.length / (uses.get(n) ?? 1));
  const total = (set: ReadonlySet<string>) => [...set].reduce((s, n) => s + weight(n), 0);
  /** Weighted share of `b`'s columns that `a` holds. */
  const holds = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
    let held = 0;
    for (const n of b) if (a.has(n)) held += weight(n);
    const all = total(b);
    return all === 0 ? 0 : held / all;
  };
  const byColumn = new Map<string, TableFeatures[]>();
  for (const t of tables) {
    for (const n of names.get(t)!) {
      const list = byColumn.get(n) ?? [];
      list.push(t);
      byColumn.set(n, list);
    }
  }
  const out = new Map<string, TableCopy>();
  for (const a of tables) {
    const mine = names.get(a)!;
    const candidates = new Set<TableFeatures>();
    // Candidates share a column that few tables have (not the audit block or patient link every table has).
    const few = Math.max(3, tables.length / 4);
    for (const n of mine) {
      if ((uses.get(n) ?? 0) <= few) for (const b of byColumn.get(n)!) candidates.add(b);
    }
    candidates.delete(a);
    for (const b of candidates) {
      const theirs = names.get(b)!;
      if (theirs.size < 3 || holds(mine, theirs) < heldShare) continue;
      const all = [...theirs].every((n) => mine.has(n));
      const aRows = rows?.get(a.table.name);
      const bRows = rows?.get(b.table.name);
      if (all && mine.size > theirs.size) {
        out.set(a.table.name, {
          of: b.table.name,
          reason: `holds every column of ${b.table.name} and ${mine.size - theirs.size} more`,
        });
        break;
      }
      // Nearly the same columns both ways: the one named as a copy, or the one without rows, is the copy.
      if (holds(theirs, mine) < heldShare) continue;
      if (namedAsCopy(a) && !namedAsCopy(b)) {
        out.set(a.table.name, {
          of: b.table.name,
          reason: `nearly the same columns as ${b.table.name}, named as a copy`,
        });
        break;
      }
      if (aRows === 0 && (bRows ?? 0) > 0) {
        out.set(a.table.name, { of: b.table.name, reason: `nearly the same columns as ${b.table.name} and no rows` });
        break;
      }
    }
    if (!out.has(a.table.name) && rows?.get(a.table.name) === 0) out.set(a.table.name, { reason: 'no rows' });
  }
  return out;
}
