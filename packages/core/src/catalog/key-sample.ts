/**
 * What the rows of one table say about its columns as keys: per column, the distinct non-blank values seen (trimmed),
 * whether a value repeated and whether one was blank. Fed one record at a time, from the same sample the types are
 * inferred from.
 *
 * @example
 * const s = new TableKeySample(['ID', 'PAT']);
 * s.add(['1', '7']); s.add(['2', '7']);
 * s.isUnique(0) // => true
 * s.isUnique(1) // => false
 */
export class TableKeySample {
  private readonly values: Set<string>[];
  private readonly repeated: boolean[];
  private readonly blank: boolean[];
  private count = 0;
  /** False when the sample stopped before the end of the table. */
  complete = true;

  constructor(readonly columns: readonly string[]) {
    this.values = columns.map(() => new Set<string>());
    this.repeated = columns.map(() => false);
    this.blank = columns.map(() => false);
  }

  add(fields: readonly string[]): void {
    this.count++;
    for (let i = 0; i < this.columns.length; i++) {
      const v = (fields[i] ?? '').trim();
      if (v === '') this.blank[i] = true;
      else if (this.values[i]!.has(v)) this.repeated[i] = true;
      else this.values[i]!.add(v);
    }
  }

  /** Rows sampled. */
  get rows(): number {
    return this.count;
  }

  /** Every sampled row has a value in the column, and no value repeats. */
  isUnique(column: number): boolean {
    return this.count > 0 && !this.blank[column] && !this.repeated[column];
  }

  /** The distinct non-blank values of a column. */
  distinct(column: number): ReadonlySet<string> {
    return this.values[column]!;
  }
}
