import type { Catalog } from '../catalog/catalog-model.js';
import { runToEnd, runYielding } from '../cooperative/steps.js';
import type { ProfileReport } from '../profile/profile-model.js';
import type { ScoringContext } from './candidate-scorer.js';
import { buildMatchingFeatures, type TableFeatures } from './catalog-features.js';
import { constantFromDescription } from './constant-detector.js';
import { assignFields, type FieldCandidates } from './field-assignment.js';
import type { FieldSuggestion, MappingSuggestion, TableSuggestion } from './mapping-suggestion-model.js';
import { type LearntAliases, learnTableAliases } from './table-aliases.js';
import { assignTables } from './table-assignment.js';
import { findTableCopies } from './table-copies.js';
import { rankSourceTables, type TableMatch } from './table-matcher.js';
import { parentsFirst } from './target-table-order.js';

export interface SuggestContractInput {
  sourceCatalog: Catalog;
  targetCatalog: Catalog;
  /** A profile of the source data: value evidence (NHS numbers, date layouts, postcodes) joins the scores. */
  profile?: ProfileReport;
  /** Code types that have a crosswalk; a target field of such a code type gets it. */
  crosswalkCodeTypes?: Iterable<string>;
  /** Fields whose best candidate scores below this get no suggestion (default 0.35). */
  minConfidence?: number;
  /** Source tables scoring below this are not suggested as a driving table (default 0.2). */
  minTableConfidence?: number;
  /**
   * Source tables whose columns cover less than this share of the target's fields (weighted by how specific
   * each field is to the target table) are not suggested as a driving table (default 0.4): a table that can
   * only fill the keys, audit columns and comments every table has is not the target's entity. Default 0.15: a
   * real source covers 14-38% of a wide target table even when mapped perfectly, so the decision is made by
   * the global assignment (`assignTables`), not by this floor.
   */
  minTableCoverage?: number;
  /**
   * A source table drives a target other than the one it fits best only when it fits it at least this share as
   * well (default 0.85; `assignTables`).
   */
  relativeTableFit?: number;
  /** Stamped in `generatedAt` when given. */
  generatedAt?: string;
}

/** A source table already driving another target table is reused only when this much better than the rest. */
const reuseTableFactor = 1.25;
/** ... and only when it fits the second target nearly as well as the one it already drives. */
const reuseFitFactor = 0.9;

/**
 * The driving source table of a target: the best ranked one covering enough of the target's fields. A table
 * that already drives another target (`taken`, with the score it had there) is reused only when it is clearly
 * better than every free table and fits this target nearly as well as its first.
 */
function chooseTable(
  all: readonly TableMatch[],
  taken: ReadonlyMap<string, number>,
  min: number,
  minCoverage: number,
): TableMatch | undefined {
  const ranked = all.filter((m) => m.coverage >= minCoverage && m.score >= min);
  const top = ranked[0];
  if (!top) return undefined;
  const firstFit = taken.get(top.source.table.name);
  if (firstFit === undefined) return top;
  const free = ranked.find((m) => !taken.has(m.source.table.name));
  const reusable = top.score >= reuseFitFactor * firstFit;
  if (reusable && (!free || top.score >= reuseTableFactor * free.score)) return top;
  return free;
}

function fieldSuggestion(c: FieldCandidates, crosswalks: ReadonlySet<string>): FieldSuggestion {
  const col = c.target.column;
  const constant = constantFromDescription(col.description);
  return {
    target: col.name,
    dataType: col.dataType,
    mandatory: !col.nullable,
    ...(col.codeType ? { codeType: col.codeType } : {}),
    ...(col.codeType && crosswalks.has(col.codeType) ? { crosswalk: col.codeType } : {}),
    ...(constant ? { constant } : {}),
    ...(c.best ? { best: c.best } : {}),
    alternatives: c.alternatives,
  };
}

function parentsOf(target: TableFeatures): TableSuggestion['parents'] {
  return target.columns.flatMap((c) =>
    c.referencesTable && !c.column.primaryKey ? [{ field: c.column.name, table: c.referencesTable }] : [],
  );
}

/**
 * Suggests a draft mapping: for each target table the driving source table, then for each target field the
 * best source column and ranked alternatives, each with a confidence in [0, 1] and a reason. Target tables
 * are matched parents first, so foreign keys can follow the parents' matches; each source table drives one
 * target table unless it is clearly the best for several. Nothing here is specific to one schema.
 *
 * @example
 * const suggestion = suggestContract({ sourceCatalog, targetCatalog, profile, crosswalkCodeTypes: ['gender'] });
 * suggestion.tables[0].fields[0].best // => { table: 'PATIENT', column: 'DOB', confidence: 0.9, reason: '...' }
 */
export function suggestContract(input: SuggestContractInput): MappingSuggestion {
  return runToEnd(suggestionSteps(input));
}

/**
 * `suggestContract` that gives the event loop a turn every `sliceMs` of work (between target tables), so a signal
 * or a request is answered while a large catalog is matched (the lifecycle's map stage). Same result; an aborted
 * `signal` stops it at its next step.
 */
export function suggestContractYielding(
  input: SuggestContractInput,
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<MappingSuggestion> {
  return runYielding(suggestionSteps(input), options.sliceMs ?? 50, options.signal);
}

/** The suggestion's work in steps: it yields between target tables. */
function* suggestionSteps(input: SuggestContractInput): Generator<void, MappingSuggestion> {
  const minConfidence = input.minConfidence ?? 0.35;
  const minTable = input.minTableConfidence ?? 0.2;
  const minCoverage = input.minTableCoverage ?? 0.15;
  const crosswalks = new Set(input.crosswalkCodeTypes ?? []);
  const features = buildMatchingFeatures(input.sourceCatalog, input.targetCatalog, input.profile);
  yield;
  const tableSources = new Map<string, string>();
  const aliases: LearntAliases = new Map();
  const ctx: ScoringContext & { copies?: ReturnType<typeof findTableCopies> } = {
    features,
    tableSources,
    sourcePrimaryKeys: new Map(features.source.map((t) => [t.table.name, t.primaryKey])),
    aliases,
  };
  const rows = input.profile ? new Map(input.profile.tables.map((t) => [t.name, t.rows] as const)) : undefined;
  const copies = findTableCopies(features.source, rows);
  ctx.copies = copies;
  // Pass 1: every target ranks the source tables, parents first; a provisional choice lets children follow
  // their parents' links and lets words learnt from matched tables apply.
  const taken = new Map<string, number>();
  const ranked = new Map<string, TableMatch[]>();
  for (const target of parentsFirst(features.target)) {
    yield;
    const list = rankSourceTables(target, ctx);
    ranked.set(target.table.name, list);
    const free = list.filter((m) => !copies.has(m.source.table.name));
    const provisional = chooseTable(free, taken, minTable, minCoverage);
    if (!provisional) continue;
    tableSources.set(target.table.name, provisional.source.table.name);
    if (!taken.has(provisional.source.table.name)) taken.set(provisional.source.table.name, provisional.score);
    for (const [sourceWord, targetWord] of learnTableAliases(target, provisional.source, features)) {
      if (!aliases.has(sourceWord)) aliases.set(sourceWord, targetWord);
    }
  }
  yield;
  // One decision over all pairs: each source table drives at most one target, the one it fits (nearly) best.
  const decided = assignTables(ranked, {
    minScore: minTable,
    minCoverage,
    relativeFit: input.relativeTableFit ?? 0.85,
    minMutualCoverage: 0.4,
    excluded: new Set(copies.keys()),
  });
  // Pass 2: fields, parents first, with the decided tables.
  tableSources.clear();
  for (const [target, match] of decided) tableSources.set(target, match.source.table.name);
  const byTarget = new Map<string, TableSuggestion>();
  for (const target of parentsFirst(features.target)) {
    yield;
    const all = ranked.get(target.table.name)!;
    const chosen = decided.get(target.table.name);
    const alternatives = all
      .filter((m) => m !== chosen && m.score > 0)
      .slice(0, 3)
      .map((m) => ({ table: m.source.table.name, confidence: m.score, reason: m.reason }));
    let fields: FieldSuggestion[];
    if (chosen) {
      const fixed = new Set(
        target.columns.filter((c) => constantFromDescription(c.column.description)).map((c) => c.column.name),
      );
      const assigned = assignFields(target, chosen.source, ctx, {
        minConfidence,
        alternatives: 3,
        reuseConfidence: 0.6,
        fixed,
      });
      fields = assigned.map((c) => fieldSuggestion(c, crosswalks));
    } else {
      fields = target.columns.map((c) => fieldSuggestion({ target: c, alternatives: [] }, crosswalks));
    }
    byTarget.set(target.table.name, {
      target: target.table.name,
      ...(chosen
        ? { source: { table: chosen.source.table.name, confidence: chosen.score, reason: chosen.reason } }
        : {}),
      alternatives,
      sourceKey: chosen ? chosen.source.primaryKey : [],
      ...(target.primaryKey.length === 1 ? { targetKey: target.primaryKey[0] } : {}),
      parents: parentsOf(target),
      fields,
    });
  }
  const tables = input.targetCatalog.tables.map((t) => byTarget.get(t.name)!);
  const allFields = tables.flatMap((t) => t.fields);
  return {
    version: 1,
    sourceCatalog: input.sourceCatalog.name,
    targetCatalog: input.targetCatalog.name,
    ...(input.generatedAt !== undefined ? { generatedAt: input.generatedAt } : {}),
    usedProfile: input.profile !== undefined,
    minConfidence,
    counts: {
      targetTables: tables.length,
      matchedTables: tables.filter((t) => t.source).length,
      targetFields: allFields.length,
      suggestedFields: allFields.filter((f) => f.best).length,
    },
    tables,
  };
}
