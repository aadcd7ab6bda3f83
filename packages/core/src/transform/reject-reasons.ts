/** Why a source row did not load. Stable codes: they appear in rejects.csv and gate rules. */
export const rejectReasons = {
  CROSSWALK_MISS: 'A local code has no approved crosswalk entry',
  INVALID_VALUE: 'A value is not valid for its field (format, type or length)',
  DATE_FORMAT_MISMATCH: "A date is not written in its column's decided or declared date format",
  MISSING_MANDATORY: 'A mandatory field is blank and no default applies',
  ORPHAN: 'The parent row this row links to was not loaded',
  RAGGED_ROW: 'The source row has a different number of fields than its header',
  MALFORMED_RECORD: 'An unbalanced quote merged several physical lines into one record; each of its lines is rejected',
  MISSING_KEY: 'The source key or the target key of the row is blank, so it cannot be loaded or traced',
  DUPLICATE_KEY: 'Another row of this job already loaded the same target key',
  DUPLICATE_NATURAL_KEY: 'A row with the same natural key (e.g. NHS number) is already in the target or this job',
} as const;

export type RejectReason = keyof typeof rejectReasons;

/** One problem with a source row. `message` names the rule, never the value. */
export interface RowProblem {
  reasonCode: RejectReason;
  field: string;
  message: string;
}
