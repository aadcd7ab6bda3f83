import type { MappingSuggestion } from '../mapping/mapping-suggestion-model.js';
import type { ContractField, ContractTable } from './contract-model.js';

/** How sure the automatic mapping was of what a contract row maps, and why. */
export interface RowConfidence {
  /** In [0, 1]; null when the suggestion did not score what the row maps (a person chose it, or nothing to score). */
  confidence: number | null;
  /** Why, for a person: the scorer's reason, or why there is no score. */
  reason: string;
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * A lookup of each contract row's confidence in a mapping suggestion (the map stage's `suggestion.json`): the score the
 * suggestion gave the row's own source column (its best candidate or an alternative), 1 for a constant the suggestion
 * proposed too. A row mapping a column the suggestion never considered has no confidence, and says so.
 *
 * @example
 * const confidenceOf = rowConfidenceLookup(suggestion);
 * confidenceOf(table, field) // => { confidence: 0.93, reason: 'name tokens DOB≈DATE_OF_BIRTH (abbreviation); type date' }
 */
export function rowConfidenceLookup(
  suggestion: MappingSuggestion,
): (table: ContractTable, field: ContractField) => RowConfidence {
  const tables = new Map(suggestion.tables.map((t) => [t.target.toUpperCase(), t]));
  return (table, field) => {
    const fields = tables.get(table.target.toUpperCase())?.fields;
    const suggested = fields?.find((f) => same(f.target, field.target));
    if (!suggested) return { confidence: null, reason: `the suggestion has no ${table.target}.${field.target}` };
    if (field.constant !== undefined) {
      return suggested.constant
        ? { confidence: 1, reason: `constant: ${suggested.constant.reason}` }
        : { confidence: null, reason: 'a constant the suggestion did not propose' };
    }
    const column = field.source[0];
    if (column === undefined) return { confidence: null, reason: 'no source column' };
    const candidates = [...(suggested.best ? [suggested.best] : []), ...suggested.alternatives];
    const match = candidates.find((c) => same(c.table, table.source) && same(c.column, column));
    if (!match) {
      return {
        confidence: null,
        reason: `${table.source}.${column} is not among the suggestion's candidates${suggested.best ? ` (best: ${suggested.best.table}.${suggested.best.column})` : ''}`,
      };
    }
    return { confidence: match.confidence, reason: match.reason };
  };
}
