import type { ContractField } from '../contract/contract-model.js';

/**
 * A field's value before its transform steps: its constant, its one source column, or its source columns combined
 * (first non-blank, or the non-blank ones trimmed and joined with the separator).
 *
 * @param sources positions of `field.source` in the source header
 * @example
 * fieldInput({ ...field, source: ['FORENAME', 'SURNAME'], combine: 'join', separator: ' ' }, [2, 3])(row)
 */
export function fieldInput(
  field: Pick<ContractField, 'constant' | 'combine' | 'separator'>,
  sources: readonly number[],
): (row: readonly string[]) => string {
  const { constant, combine, separator } = field;
  if (constant !== undefined) return () => constant;
  if (sources.length === 1) {
    const only = sources[0]!;
    return (row) => row[only] ?? '';
  }
  if (combine === 'join') {
    return (row) =>
      sources
        .map((i) => (row[i] ?? '').trim())
        .filter((v) => v !== '')
        .join(separator);
  }
  return (row) => {
    for (const i of sources) {
      const v = row[i] ?? '';
      if (v.trim() !== '') return v;
    }
    return '';
  };
}
