import type { CatalogTable } from '../catalog/catalog-model.js';
import type { LoadTarget } from './load-target.js';

/** The row that holds a natural key in a target: its owner job and target key. */
export interface NaturalKeyHolder {
  jobId: string;
  targetKey: string;
}

/** Marks a natural key that more than one target row holds (loaded earlier without a policy). */
export const AMBIGUOUS = 'ambiguous' as const;

/**
 * Which target row holds each natural key of a table, as a load goes: the rows already in the target, then this job's
 * rows as it inserts or updates them. A key two rows hold is ambiguous: no policy can pick one of them.
 */
export class NaturalKeyIndex {
  private readonly holders = new Map<string, NaturalKeyHolder | typeof AMBIGUOUS>();

  /** Adds a row found in the target; a second row with the same natural key makes the key ambiguous. */
  addExisting(naturalKey: string, holder: NaturalKeyHolder): void {
    this.holders.set(naturalKey, this.holders.has(naturalKey) ? AMBIGUOUS : holder);
  }

  get(naturalKey: string): NaturalKeyHolder | typeof AMBIGUOUS | undefined {
    return this.holders.get(naturalKey);
  }

  /** Records that a row of the job now holds the key (it inserted or updated it). */
  hold(naturalKey: string, holder: NaturalKeyHolder): void {
    this.holders.set(naturalKey, holder);
  }
}

/** The natural keys already in a target table (none when the table has no natural-key policy). */
export async function loadNaturalKeyIndex(
  target: LoadTarget,
  table: CatalogTable,
  columns: readonly string[] | undefined,
): Promise<NaturalKeyIndex> {
  const index = new NaturalKeyIndex();
  if (columns?.length) {
    for (const r of await target.naturalKeyRows(table, columns)) {
      index.addExisting(r.naturalKey, { jobId: r.jobId, targetKey: r.targetKey });
    }
  }
  return index;
}
