/** Severity of a contract finding: errors block a load, warnings are for the reviewer. */
export type FindingSeverity = 'error' | 'warning';

/** The codes `validateContractForLoad` reports. */
export const contractLoadFindingCodes = [
  'TARGET_TABLE_UNKNOWN',
  'TARGET_TABLE_DUPLICATE',
  'SOURCE_TABLE_UNKNOWN',
  'SOURCE_KEY_UNKNOWN',
  'SCOPE_COLUMN_UNKNOWN',
  'TARGET_FIELD_UNKNOWN',
  'TARGET_FIELD_DUPLICATE',
  'TARGET_FIELD_MISSING',
  'TARGET_KEY_UNMAPPED',
  'PARENT_UNKNOWN',
  'MANDATORY_UNMAPPED',
  'MANDATORY_FLAG_MISMATCH',
  'NOT_APPROVED',
  'SOURCE_COLUMN_UNKNOWN',
  'TRANSFORM_UNKNOWN',
  'TYPE_INCOMPATIBLE',
  'TRANSFORM_MISSING',
  'CODE_WITHOUT_CROSSWALK',
  'CROSSWALK_UNKNOWN',
  'LENGTH_MAY_TRUNCATE',
] as const;
export type ContractLoadFindingCode = (typeof contractLoadFindingCodes)[number];

/** One problem found in a contract. Messages name tables and fields, never data values. */
export interface ContractLoadFinding {
  severity: FindingSeverity;
  /** Target table (or the contract table's target). */
  table: string;
  field?: string;
  code: ContractLoadFindingCode;
  message: string;
}
