import type { CatalogTable } from '../catalog/catalog-model.js';
import { KeySet } from './key-set.js';
import type { LoadTarget, OnDuplicate } from './load-target.js';

/** The row that holds a natural key in a target: its owner job and target key. */
export interface NaturalKeyHolder {
  jobId: string;
  targetKey: string;
}

/** Marks a natural key that more than one target row holds (loaded earlier without a policy). */
export const AMBIGUOUS = 'ambiguous' as const;

/**
 * Which natural keys of a table are held, as a load goes: the rows already in the target, then this job's rows as it
 * inserts or updates them. `skip` and `reject` need only to know a key is there, held compactly (`KeySet`); `update`
 * needs the row that holds each key (its owner job and target key), and knows a key two rows hold is ambiguous: no
 * policy can pick one of them.
 */
export class NaturalKeyIndex {
  private readonly present = new KeySet();
  private readonly holders: Map<string, NaturalKeyHolder | typeof AMBIGUOUS> | undefined;
  /** One string per owner job, shared by its holders. */
  private readonly jobIds = new Map<string, string>();

  constructor(options: { holders: boolean } = { holders: true }) {
    this.holders = options.holders ? new Map() : undefined;
  }

  private job(jobId: string): string {
    let id = this.jobIds.get(jobId);
    if (id === undefined) {
      id = jobId;
      this.jobIds.set(id, id);
    }
    return id;
  }

  /** Adds a row found in the target; a second row with the same natural key makes the key ambiguous. */
  addExisting(naturalKey: string, holder: NaturalKeyHolder): void {
    if (!this.holders) {
      this.present.add(naturalKey);
      return;
    }
    this.holders.set(
      naturalKey,
      this.holders.has(naturalKey) ? AMBIGUOUS : { jobId: this.job(holder.jobId), targetKey: holder.targetKey },
    );
  }

  has(naturalKey: string): boolean {
    return this.holders ? this.holders.has(naturalKey) : this.present.has(naturalKey);
  }

  /** The row that holds a key (an index made with holders only). */
  get(naturalKey: string): NaturalKeyHolder | typeof AMBIGUOUS | undefined {
    if (!this.holders) throw new Error('NaturalKeyIndex: made without holders');
    return this.holders.get(naturalKey);
  }

  /** Records that a row of the job now holds the key (it inserted or updated it). */
  hold(naturalKey: string, holder: NaturalKeyHolder): void {
    if (this.holders) this.holders.set(naturalKey, { jobId: this.job(holder.jobId), targetKey: holder.targetKey });
    else this.present.add(naturalKey);
  }
}

/**
 * The natural keys already in a target table under a policy (none when the table has no natural key), with the rows
 * holding them when the policy updates.
 */
export async function loadNaturalKeyIndex(
  target: LoadTarget,
  table: CatalogTable,
  columns: readonly string[] | undefined,
  onDuplicate: OnDuplicate | undefined,
): Promise<NaturalKeyIndex> {
  const index = new NaturalKeyIndex({ holders: onDuplicate === 'update' });
  if (columns?.length) {
    for (const r of await target.naturalKeyRows(table, columns)) {
      index.addExisting(r.naturalKey, { jobId: r.jobId, targetKey: r.targetKey });
    }
  }
  return index;
}
