import type { IdentifierKind } from '../privacy/identifier-kind.js';
import { ColumnStats, type ColumnStatsOptions } from './column-stats.js';
import type { TableProfile } from './profile-model.js';

/**
 * Profiles one table's rows as they stream past: constant memory per column.
 * Ragged rows are counted; their missing fields count as nulls and their extra fields are ignored.
 *
 * @example
 * const t = new TableProfiler('PATIENT', ['PAT_ID', 'SEX'], options);
 * t.addRow(['1', 'M']);
 * t.finish(); // { name: 'PATIENT', rows: 1, raggedRows: 0, columns: [...] }
 */
export class TableProfiler {
  private rows = 0;
  private raggedRows = 0;
  private malformedRows = 0;
  private readonly columns: ColumnStats[];

  /**
   * @param isIdentifier marks columns whose values must never be shown: `true` for keys, or the kind of personal
   *   identifier the catalog declares.
   */
  constructor(
    private readonly name: string,
    header: readonly string[],
    options: ColumnStatsOptions,
    isIdentifier: (column: string) => boolean | IdentifierKind = () => false,
  ) {
    this.columns = header.map((column) => new ColumnStats(column, options, isIdentifier(column)));
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.rows;
  }

  addRow(fields: readonly string[]): void {
    this.rows++;
    const columns = this.columns;
    if (fields.length !== columns.length) this.raggedRows++;
    for (let i = 0; i < columns.length; i++) columns[i]!.add(fields[i]);
  }

  /** A physical line of a malformed record (an unbalanced quote): counted, its values not profiled. */
  addMalformed(): void {
    this.rows++;
    this.malformedRows++;
  }

  finish(): TableProfile {
    return {
      name: this.name,
      rows: this.rows,
      raggedRows: this.raggedRows,
      malformedRows: this.malformedRows,
      columns: this.columns.map((c) => c.finish()),
    };
  }
}
