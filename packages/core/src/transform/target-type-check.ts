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
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || parseUkOrIsoDate(value) !== value) return 'expected an ISO date yyyy-mm-dd';
      break;
    case 'datetime':
      if (parseUkOrIsoDateTime(value) !== value) return 'expected a date-time yyyy-mm-dd hh:mm:ss';
      break;
    case 'boolean':
      if (!/^(true|false|Y|N)$/.test(value)) return 'expected a boolean';
      break;
  }
  if (column.maxLength !== undefined && [...value].length > column.maxLength) {
    return `longer than the maximum length ${column.maxLength}`;
  }
  return undefined;
}
