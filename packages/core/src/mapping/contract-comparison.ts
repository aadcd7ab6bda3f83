import type { MappingContract } from '../contract/contract-model.js';
import type { MappingSuggestion } from './mapping-suggestion-model.js';

/** How a suggestion and a reviewed contract relate for one target field. */
export const comparisonKinds = ['agree', 'differs', 'missing_suggestion', 'extra_suggestion'] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];

/** One target field compared. Sources are written `TABLE.COLUMN`; several reviewed columns are joined by '+'. */
export interface FieldComparison {
  targetTable: string;
  targetField: string;
  suggestedSource?: string;
  reviewedSource?: string;
  /** The reviewed constant, when the contract fills the field with one. */
  reviewedConstant?: string;
  kind: ComparisonKind;
  confidence?: number;
}

/** Every target field of the reviewed contract (and of the suggestion) compared, with counts per kind. */
export interface ContractComparison {
  fields: FieldComparison[];
  counts: Record<ComparisonKind, number>;
}

function kindOf(suggested: string | undefined, reviewed: string | undefined): ComparisonKind {
  if (suggested === reviewed) return 'agree';
  if (suggested === undefined) return 'missing_suggestion';
  if (reviewed === undefined) return 'extra_suggestion';
  return 'differs';
}

/**
 * Lists agreements and differences between a suggestion and a reviewed contract, field by field:
 * `agree` (same source column, or both without one), `differs`, `missing_suggestion` (the contract maps a
 * source the suggestion left out) and `extra_suggestion` (the suggestion maps a field the contract fills
 * with a constant or leaves unmapped). Fields are in the contract's order, then any the contract lacks.
 *
 * @example
 * compareToContract(suggestion, await pack.contract()).counts // => { agree: 860, differs: 2, ... }
 */
export function compareToContract(suggestion: MappingSuggestion, reviewed: MappingContract): ContractComparison {
  const suggested = new Map<string, { source?: string; confidence?: number }>();
  const order: Array<[string, string]> = [];
  for (const t of suggestion.tables) {
    for (const f of t.fields) {
      suggested.set(`${t.target}.${f.target}`, {
        ...(f.best ? { source: `${f.best.table}.${f.best.column}`, confidence: f.best.confidence } : {}),
      });
      order.push([t.target, f.target]);
    }
  }
  const fields: FieldComparison[] = [];
  const seen = new Set<string>();
  for (const t of reviewed.tables) {
    for (const f of t.fields) {
      const key = `${t.target}.${f.target}`;
      seen.add(key);
      const s = suggested.get(key);
      const reviewedSource = f.source.length > 0 ? f.source.map((c) => `${t.source}.${c}`).join('+') : undefined;
      fields.push({
        targetTable: t.target,
        targetField: f.target,
        ...(s?.source ? { suggestedSource: s.source } : {}),
        ...(reviewedSource ? { reviewedSource } : {}),
        ...(f.constant !== undefined ? { reviewedConstant: f.constant } : {}),
        kind: kindOf(s?.source, reviewedSource),
        ...(s?.confidence !== undefined ? { confidence: s.confidence } : {}),
      });
    }
  }
  for (const [table, field] of order) {
    const key = `${table}.${field}`;
    const s = suggested.get(key);
    if (seen.has(key) || !s?.source) continue;
    fields.push({ targetTable: table, targetField: field, suggestedSource: s.source, kind: 'extra_suggestion' });
    if (s.confidence !== undefined) fields[fields.length - 1]!.confidence = s.confidence;
  }
  const counts = Object.fromEntries(comparisonKinds.map((k) => [k, 0])) as Record<ComparisonKind, number>;
  for (const f of fields) counts[f.kind]++;
  return { fields, counts };
}
