import type { DataType } from '../catalog/catalog-model.js';

/** How readily a target column of one declared type takes a source column of another (0..1). */
const table: Readonly<Record<DataType, Readonly<Partial<Record<DataType, number>>>>> = {
  string: { string: 1, code: 0.8, integer: 0.6, decimal: 0.5, date: 0.4, datetime: 0.4, boolean: 0.6 },
  code: { code: 1, string: 0.8, integer: 0.7, boolean: 0.5, decimal: 0.2 },
  integer: { integer: 1, string: 0.5, code: 0.5, decimal: 0.3 },
  decimal: { decimal: 1, integer: 0.9, string: 0.5 },
  date: { date: 1, datetime: 0.8, string: 0.5 },
  datetime: { datetime: 1, date: 0.8, string: 0.5 },
  boolean: { boolean: 1, string: 0.7, code: 0.6, integer: 0.4 },
};

/**
 * Compatibility of declared types for a mapping suggestion: 1 for the same type, less for a conversion that
 * needs a transform, near 0 when no transform can make the one into the other.
 *
 * @example
 * typeCompatibility('date', 'datetime') // => 0.8
 * typeCompatibility('date', 'integer')  // => 0.05
 */
export function typeCompatibility(target: DataType, source: DataType): number {
  return table[target][source] ?? 0.05;
}
