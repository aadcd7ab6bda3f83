import type { MappingContract } from '../contract/contract-model.js';
import type { MappingSuggestion } from './mapping-suggestion-model.js';

/** One gold mapping: a target field fed by exactly one source column. */
export interface GoldMapping {
  sourceTable: string;
  sourceColumn: string;
  targetTable: string;
  targetColumn: string;
}

/** Precision and recall of a suggestion against gold mappings. */
export interface MappingEvaluation {
  precision: number;
  recall: number;
  f1: number;
  /** Target fields given a suggestion. */
  mapped: number;
  /** Distinct gold mappings. */
  gold: number;
  /** Suggestions that are gold mappings. */
  truePositives: number;
}

const keyOf = (g: GoldMapping) => `${g.targetTable}.${g.targetColumn}<-${g.sourceTable}.${g.sourceColumn}`;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Gold mappings from a reviewed contract: every field with exactly one source column (constants, unmapped
 * and multi-column fields are left out).
 *
 * @example
 * goldFromContract(await pack.contract()).length // => 751 for nhs-pas 1.0.0
 */
export function goldFromContract(contract: MappingContract): GoldMapping[] {
  return contract.tables.flatMap((t) =>
    t.fields.flatMap((f) =>
      f.source.length === 1 && f.constant === undefined
        ? [{ sourceTable: t.source, sourceColumn: f.source[0]!, targetTable: t.target, targetColumn: f.target }]
        : [],
    ),
  );
}

/**
 * Scores a suggestion's best candidates against gold mappings: precision = true positives / suggestions,
 * recall = true positives / gold, F1 their harmonic mean (0 when undefined).
 *
 * @example
 * evaluateMapping(suggestion, goldFromContract(contract)) // => { precision: 0.96, recall: 0.91, ... }
 */
export function evaluateMapping(suggestion: MappingSuggestion, gold: readonly GoldMapping[]): MappingEvaluation {
  const goldKeys = new Set(gold.map(keyOf));
  let mapped = 0;
  let truePositives = 0;
  for (const table of suggestion.tables) {
    for (const field of table.fields) {
      if (!field.best) continue;
      mapped++;
      const key = keyOf({
        sourceTable: field.best.table,
        sourceColumn: field.best.column,
        targetTable: table.target,
        targetColumn: field.target,
      });
      if (goldKeys.has(key)) truePositives++;
    }
  }
  const precision = mapped === 0 ? 0 : truePositives / mapped;
  const recall = goldKeys.size === 0 ? 0 : truePositives / goldKeys.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(f1),
    mapped,
    gold: goldKeys.size,
    truePositives,
  };
}
