import type { ReviewStatus } from '../contract/contract-model.js';
import type { CodeSuggestion } from './national-code-suggestions.js';

/** A local code seen in the data with no approved crosswalk entry. */
export interface UnmappedCode {
  code: string;
  /** Exact number of rows where the code was looked up (after the field's transforms). */
  count: number;
  /** Where it was seen: source table and column, with the count there. */
  seenIn: Array<{ table: string; column: string; count: number }>;
  /** Status of the entry the code has, when it has one that is not approved (draft, reviewed or rejected). */
  entryStatus?: ReviewStatus;
  /** The code's label in a lookup table of the source, and where it came from. */
  label?: string;
  labelFrom?: string;
  /** National codes suggested by label similarity, best first. */
  suggestions: CodeSuggestion[];
}

/** Coverage of one code type (one crosswalk) over the source columns the contract sends through it. */
export interface CodeTypeCoverage {
  codeType: string;
  /** Source columns looked up in this crosswalk, with the target field they feed. */
  columns: Array<{ table: string; column: string; targetTable: string; targetColumn: string }>;
  /** Approved entries of the code type. */
  approvedEntries: number;
  /** Non-blank values looked up, and how many of them translate. */
  values: number;
  mappedValues: number;
  /** Distinct codes seen, and how many of them translate. */
  distinctCodes: number;
  mappedCodes: number;
  /** mappedValues / values (1 when nothing was looked up). */
  valueCoverage: number;
  /** mappedCodes / distinctCodes (1 when nothing was looked up). */
  codeCoverage: number;
  /** Most frequent first, then by code. */
  unmapped: UnmappedCode[];
}

/** Crosswalk coverage of a source against a contract's crosswalks, v1. */
export interface CrosswalkCoverageReport {
  version: 1;
  codeTypes: CodeTypeCoverage[];
  totals: {
    codeTypes: number;
    values: number;
    mappedValues: number;
    unmappedValues: number;
    unmappedCodes: number;
    /** Values a transform found invalid before the lookup (rejected as INVALID_VALUE, not as a crosswalk miss). */
    invalidValues: number;
    /** Values not looked up because their row is out of scope (a contract table's scope filter). */
    outOfScopeValues: number;
  };
  /** Contract tables or columns the source does not have (nothing was counted for them). */
  problems: string[];
}
