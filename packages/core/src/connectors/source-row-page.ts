/** One page of a source table's rows as text, for previews (null only where the source has a SQL NULL). */
export interface SourceRowPage {
  columns: string[];
  rows: (string | null)[][];
  /** The first row's position among the table's data rows (0-based). */
  offset: number;
  /** True when rows follow this page. */
  hasMore: boolean;
  /** For files: the line each row starts on. */
  lines?: number[];
}
