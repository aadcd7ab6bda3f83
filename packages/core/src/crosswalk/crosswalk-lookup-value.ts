import type { ContractField } from '../contract/contract-model.js';
import { isKnownStep, type TransformStep, transformSteps } from '../transform/transform-steps.js';

/** The value a field looks up in its crosswalk: a code, `''` for blank (no lookup), or `undefined` when invalid. */
export type LookupValue = string | undefined;

/**
 * Compiles the part of a contract field that runs before its crosswalk lookup, exactly as the load does
 * (`CompiledTable`): the raw value (constant, one column, or several combined), then the transform steps, with
 * `onInvalid` deciding what an invalid value becomes. `undefined` means the row is rejected as INVALID_VALUE before
 * any lookup. Column positions come from the source header; unknown steps are skipped by the caller's validation.
 *
 * @example
 * const value = crosswalkLookupValue(field, [header.indexOf('SEX')]);
 * value([' f ']) // => 'F' for transform ['trim', 'upper']
 */
export function crosswalkLookupValue(
  field: ContractField,
  columns: readonly number[],
): (row: readonly string[]) => LookupValue {
  const steps: TransformStep[] = field.transform.filter(isKnownStep).map((name) => transformSteps[name]!);
  const { constant, combine, separator, onInvalid } = field;
  const raw = (row: readonly string[]): string => {
    if (constant !== undefined) return constant;
    if (columns.length === 1) return row[columns[0]!] ?? '';
    if (combine === 'join') {
      return columns
        .map((i) => (row[i] ?? '').trim())
        .filter((v) => v !== '')
        .join(separator);
    }
    for (const i of columns) {
      const v = row[i] ?? '';
      if (v.trim() !== '') return v;
    }
    return '';
  };
  return (row) => {
    const original = raw(row);
    if (original.trim() === '') return '';
    let value = original;
    for (const step of steps) {
      const r = step(value);
      if (r.ok) {
        value = r.value;
        continue;
      }
      if (onInvalid === 'reject') return undefined;
      return onInvalid === 'blank' ? '' : original;
    }
    return value;
  };
}
