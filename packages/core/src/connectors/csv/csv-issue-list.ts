import { FerryError, type FerryErrorCode } from '../../errors.js';

/** One problem found in a CSV file: where it is and what is wrong (never a patient value). */
export interface CsvIssue {
  line?: number;
  field?: string;
  message: string;
}

/**
 * Collects the problems of a CSV file (a catalog, a crosswalk) so they can be reported all at once,
 * one per line, instead of stopping at the first. Keeps the first `limit` and counts the rest.
 *
 * @example
 * const issues = new CsvIssueList('catalog.csv');
 * issues.add(4, 'data_type', "unknown data type 'strng'");
 * issues.throwIfAny('FERRY_ERR_CATALOG_INVALID', 'catalog');
 * // FerryError: "1 error in the catalog:\n  catalog.csv:4 field data_type: unknown data type 'strng'"
 */
export class CsvIssueList {
  readonly issues: CsvIssue[] = [];
  /** All problems found, kept or not. */
  count = 0;

  constructor(
    readonly file: string,
    readonly limit = 50,
  ) {}

  add(line: number | undefined, field: string | undefined, message: string): void {
    this.count++;
    if (this.issues.length < this.limit) {
      const issue: CsvIssue = { message };
      if (line !== undefined) issue.line = line;
      if (field !== undefined) issue.field = field;
      this.issues.push(issue);
    }
  }

  /** `file:line field f: message` for one issue. */
  describe(issue: CsvIssue): string {
    const where = issue.line === undefined ? this.file : `${this.file}:${issue.line}`;
    return `${where}${issue.field ? ` field ${issue.field}` : ''}: ${issue.message}`;
  }

  /** One FerryError listing every kept issue on its own line. */
  toError(code: FerryErrorCode, what: string): FerryError {
    const lines = this.issues.map((i) => `  ${this.describe(i)}`);
    if (this.count > this.issues.length) lines.push(`  ... and ${this.count - this.issues.length} more`);
    const head = `${this.count} error${this.count === 1 ? '' : 's'} in the ${what}:`;
    return new FerryError(
      code,
      [head, ...lines].join('\n'),
      { file: this.file, errors: this.count },
      { issues: this.issues },
    );
  }

  throwIfAny(code: FerryErrorCode, what: string): void {
    if (this.count > 0) throw this.toError(code, what);
  }
}
