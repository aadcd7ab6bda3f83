import type { CatalogColumn } from '../catalog/catalog-model.js';
import { parseUkOrIsoDate, parseUkOrIsoDateTime } from '../validation/dates.js';

/**
 * Whether a (non-blank) value fits the target column's type and length, so that COPY never fails mid-chunk.
 * Returns a message naming the rule, or undefined when it fits.
 */
export function targetTypeProblem(column: CatalogColumn, value: string): string | undefined {
  switch (column.dataType) {
    case 'integer':
      if (!/^-?\d{1,18}$/.test(value)) return `expected an integer for a ${column.dataType} column`;
      break;
    case 'decimal':
      if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) return 'expected a decimal number';
      break;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseUkOrIsoDate(value) !== value)
        return 'expected an ISO date yyyy-mm-dd';
      break;
    case 'datetime':
      if (parseUkOrIsoDateTime(value) !== value) return 'expected a date-time yyyy-mm-dd hh:mm:ss';
      break;
    case 'boolean':
      if (!/^(true|false|Y|N)$/.test(value)) return 'expected a boolean';
      break;
  }
  return lengthProblem(column, value);
}

/** Whether a value is longer (in characters) than its column allows. */
export function lengthProblem(column: CatalogColumn, value: string): string | undefined {
  const max = column.maxLength;
  // UTF-16 length is at least the number of characters: count code points only when it may be too long.
  if (max === undefined || value.length <= max || [...value].length <= max) return undefined;
  return `longer than the maximum length ${max}`;
}
