import type { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import { conflictsWithin, dateFormatNames, isDateFormatName } from '../transform/date-formats.js';
import { isKnownStep } from '../transform/transform-steps.js';
import { parseYesNo, splitCsvList } from './contract-csv-cells.js';
import { type ContractField, contractFieldSchema, reviewStatuses } from './contract-model.js';
import { isIsoDateTime } from './review-transitions.js';

const combines = contractFieldSchema.shape.combine.unwrap().options;
const onInvalids = contractFieldSchema.shape.onInvalid.unwrap().options;
const equivalences = contractFieldSchema.shape.equivalence.unwrap().options;

function oneOf<T extends string>(
  cell: string,
  allowed: readonly T[],
  blank: T | undefined,
  column: string,
  line: number,
  issues: CsvIssueList,
): T | undefined {
  const value = cell.trim().toLowerCase();
  if (!value) return blank;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  issues.add(line, column, `unknown value '${cell}' (expected one of ${allowed.join(', ')})`);
  return undefined;
}

/**
 * Reads the row-level cells of one contract CSV record into a contract field; problems go to `issues` with the
 * line and column. Names are trimmed; values (constant, separator, defaults, notes) are kept exactly as written, and
 * a blank optional cell means the attribute is absent. Blank combine, on_invalid and status mean their defaults
 * (coalesce, reject, draft); mandatory is Y/N (blank is N).
 */
export function parseContractCsvRow(
  cell: (column: string) => string,
  line: number,
  issues: CsvIssueList,
): ContractField {
  const target = cell('target_column').trim();
  if (!target) issues.add(line, 'target_column', 'is blank');
  const source = splitCsvList(cell('source_columns')).map((s) => s.trim());
  if (source.some((s) => !s)) issues.add(line, 'source_columns', 'has a blank column name');
  const transform = splitCsvList(cell('transform')).map((s) => s.trim());
  const unknown = transform.filter((s) => !isKnownStep(s));
  if (unknown.length > 0) issues.add(line, 'transform', `unknown transform step '${unknown.join("', '")}'`);
  const sourceFormat = splitCsvList(cell('source_format')).map((s) => s.trim());
  const unknownFormats = sourceFormat.filter((f) => !isDateFormatName(f));
  if (unknownFormats.length > 0) {
    issues.add(
      line,
      'source_format',
      `unknown date format '${unknownFormats.join("', '")}' (expected ${dateFormatNames.join(', ')})`,
    );
  }
  const clash = conflictsWithin(sourceFormat.filter(isDateFormatName))[0];
  if (clash) issues.add(line, 'source_format', `${clash[0]} and ${clash[1]} read some dates differently: choose one`);
  const mandatory = parseYesNo(cell('mandatory'));
  if (mandatory === undefined) issues.add(line, 'mandatory', `'${cell('mandatory')}' is not Y or N`);
  const status = oneOf(cell('status'), reviewStatuses, 'draft', 'status', line, issues);
  const equivalence = oneOf(cell('equivalence'), equivalences, undefined, 'equivalence', line, issues);

  const field: ContractField = {
    target,
    source,
    combine: oneOf(cell('combine'), combines, 'coalesce', 'combine', line, issues) ?? 'coalesce',
    separator: cell('separator'),
    transform,
    mandatory: mandatory ?? false,
    onInvalid: oneOf(cell('on_invalid'), onInvalids, 'reject', 'on_invalid', line, issues) ?? 'reject',
    defaults: {},
    status: status ?? 'draft',
  };
  if (sourceFormat.length > 0) field.sourceFormat = sourceFormat.filter(isDateFormatName);
  const constant = cell('constant');
  if (constant !== '') field.constant = constant;
  const crosswalk = cell('crosswalk').trim();
  if (crosswalk) field.crosswalk = crosswalk;
  if (cell('default_development') !== '') field.defaults.development = cell('default_development');
  if (cell('default_pre_production') !== '') field.defaults.pre_production = cell('default_pre_production');
  const owner = cell('owner').trim();
  if (owner) field.owner = owner;
  const reviewer = cell('reviewer').trim();
  if (reviewer) field.reviewer = reviewer;
  const reviewedAt = cell('reviewed_at').trim();
  if (reviewedAt) {
    if (isIsoDateTime(reviewedAt)) field.reviewedAt = reviewedAt;
    else issues.add(line, 'reviewed_at', `'${reviewedAt}' is not an ISO date or date-time (yyyy-mm-dd[Thh:mm[:ss]])`);
  }
  if (status && status !== 'draft') {
    if (!reviewer) issues.add(line, 'reviewer', `is blank, but status ${status} needs who reviewed the row`);
    if (!reviewedAt) issues.add(line, 'reviewed_at', `is blank, but status ${status} needs when the row was reviewed`);
  }
  if (equivalence) field.equivalence = equivalence;
  const notes = cell('notes');
  if (notes !== '') field.notes = notes;
  return field;
}
