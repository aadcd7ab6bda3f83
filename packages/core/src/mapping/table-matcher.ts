import { shadowTableWords } from './abbreviations.js';
import { type ScoringContext, scoreCandidate } from './candidate-scorer.js';
import type { TableFeatures } from './catalog-features.js';
import { weightedDice } from './token-similarity.js';
import { stemWord } from './word-stem.js';

const shadowStems: ReadonlySet<string> = new Set([...shadowTableWords].map(stemWord));

/** A source table ranked for a target table. */
export interface TableMatch {
  source: TableFeatures;
  score: number;
  /**
   * The score without the parent links: how well the source is this target's entity on its own. The global
   * assignment decides on it, since parent links depend on choices not yet final.
   */
  fit: number;
  /** Specificity-weighted share of the target's fields the source's columns can fill (0..1). */
  coverage: number;
  /** Specificity-weighted share of the source's columns that find a field of the target (0..1). */
  used: number;
  /**
   * Fields specific to the target (neither keys nor the columns most tables have: audit, dates, comments) that
   * some source column feeds with at least `specificFieldConfidence`: a table of keys and audit columns has none.
   */
  specificFields: number;
  reason: string;
}

/** How many source tables, ranked by a cheap name score, get the full column-by-column comparison. */
export const tablesComparedInFull = 12;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A field name in fewer than this share of the target's tables is specific to its table. */
const specificShare = 0.25;
/** The confidence a source column needs on a specific field to count as feeding it. */
export const specificFieldConfidence = 0.5;

const bags = new WeakMap<TableFeatures, string[]>();

function columnBag(t: TableFeatures): string[] {
  let bag = bags.get(t);
  if (!bag) {
    bag = [...new Set(t.columns.flatMap((c) => c.concepts))];
    bags.set(t, bag);
  }
  return bag;
}

/**
 * Mean over target fields of the best candidate score within the source table, each field weighted by how
 * specific it is to the target table: a source that only covers the fields every table has (keys, audit
 * columns, comments) covers little of what makes the target table what it is. Also the other way round: the
 * mean over the source's columns of their best score against the target's fields (`used`), so a wide target is
 * not out-fitted by a narrow one that shares a few of its columns.
 */
function coverage(
  target: TableFeatures,
  source: TableFeatures,
  ctx: ScoringContext,
): { cover: number; used: number; specific: number } {
  const weights = ctx.features.fieldWeights;
  const bestOfSource = new Array<number>(source.columns.length).fill(0);
  // Weights are ln(1 + n / df) over the n target tables: a name in `specificShare` of them, or in two of a
  // small catalog's tables, or more, is generic.
  const n = ctx.features.target.length;
  const genericWeight = Math.min(Math.log(1 + 1 / specificShare), Math.log(1 + n / 2));
  let specific = 0;
  let sum = 0;
  let total = 0;
  for (const t of target.columns) {
    let best = 0;
    source.columns.forEach((s, i) => {
      const c = scoreCandidate(t, s, source, ctx).confidence;
      if (c > best) best = c;
      if (c > bestOfSource[i]!) bestOfSource[i] = c;
    });
    const w = weights.weight(t.column.name);
    sum += w * best;
    total += w;
    const isKey = t.column.primaryKey || t.referencesTable !== undefined;
    if (!isKey && w > genericWeight && best >= specificFieldConfidence) specific++;
  }
  // Each source column weighted by how specific it is to its table: the key, patient link and audit columns
  // every table has find a home anywhere.
  const sourceWeights = ctx.features.sourceFieldWeights;
  let usedSum = 0;
  let usedTotal = 0;
  source.columns.forEach((s, i) => {
    const w = sourceWeights.weight(s.column.name.toUpperCase());
    usedSum += w * bestOfSource[i]!;
    usedTotal += w;
  });
  const used = usedTotal === 0 ? 0 : usedSum / usedTotal;
  return { cover: total === 0 ? 0 : sum / total, used, specific };
}

/** Share of the target's parent links that the source table can follow to the parents' sources. */
function parentAlignment(target: TableFeatures, source: TableFeatures, ctx: ScoringContext): number | undefined {
  const parents = [...new Set(target.columns.flatMap((c) => (c.referencesTable ? [c.referencesTable] : [])))]
    .filter((p) => p !== target.table.name)
    .map((p) => ctx.tableSources.get(p))
    .filter((p): p is string => p !== undefined);
  if (parents.length === 0) return undefined;
  let followed = 0;
  for (const parent of parents) {
    const keys = ctx.sourcePrimaryKeys.get(parent) ?? [];
    const link = source.columns.some(
      (c) => c.referencesTable === parent || (!c.column.primaryKey && keys.includes(c.column.name)),
    );
    // The parent's own source is not a link: one table does not drive both a parent and its child.
    if (link && source.table.name !== parent) followed++;
  }
  return followed / parents.length;
}

/** Share of a live table's columns a copy must hold to count as its copy. */
const copyShare = 0.6;
const copies = new WeakMap<TableFeatures, boolean>();

/**
 * True when another source table, itself not named as a copy, has most of its column names in this table:
 * `PATIENT_AUD` holds PATIENT's columns. A table named ...History that copies nothing (an address history
 * kept as the live address table) is not a copy.
 */
function copiesAnotherTable(table: TableFeatures, all: readonly TableFeatures[]): boolean {
  const known = copies.get(table);
  if (known !== undefined) return known;
  const names = new Set(table.table.columns.map((c) => c.name.toUpperCase()));
  const isCopy = all.some((other) => {
    if (other === table || other.columns.length === 0) return false;
    if (other.concepts.some((c) => shadowStems.has(c))) return false;
    const held = other.table.columns.filter((c) => names.has(c.name.toUpperCase())).length;
    return held / other.columns.length >= copyShare;
  });
  copies.set(table, isCopy);
  return isCopy;
}

/**
 * Ranks source tables as the driving table of a target table: name concepts of the tables, how well the
 * source's columns cover the target's fields, whether it links to the sources of the target's parents, and
 * whether it is in scope and live (not an audit, history or archive copy of another source table).
 *
 * @example
 * rankSourceTables(loadPmi, ctx)[0].source.table.name // => 'PATIENT'
 */
export function rankSourceTables(target: TableFeatures, ctx: ScoringContext): TableMatch[] {
  const f = ctx.features;
  const targetBag = columnBag(target);
  const quick = f.source
    .map((source) => ({
      source,
      name: weightedDice(target.concepts, source.concepts, f.tableWeights),
      bag: weightedDice(targetBag, columnBag(source), f.nameWeights),
    }))
    .sort((a, b) => b.name + b.bag - (a.name + a.bag) || compare(a.source, b.source))
    .slice(0, tablesComparedInFull);
  const matches = quick.map(({ source, name }) => {
    const { cover, used, specific } = coverage(target, source, ctx);
    const parents = parentAlignment(target, source, ctx);
    // An opaque table name (T010) says nothing either way: the columns decide alone.
    const named = source.concepts.some((c) => c.length > 1 && !/\d/.test(c));
    const both = 0.5 * cover + 0.5 * used;
    let fit = named ? 0.3 * name + 0.7 * both : both;
    let score = named
      ? parents === undefined
        ? 0.3 * name + 0.7 * cover
        : 0.25 * name + 0.55 * cover + 0.2 * parents
      : parents === undefined
        ? cover
        : 0.75 * cover + 0.25 * parents;
    const notes = [
      `table names ${name.toFixed(2)}`,
      `columns cover ${Math.round(cover * 100)}% of fields`,
      `${Math.round(used * 100)}% of its columns used`,
      `${specific} specific field${specific === 1 ? '' : 's'} fed`,
    ];
    if (parents !== undefined) notes.push(`links to ${Math.round(parents * 100)}% of parent sources`);
    if (!source.table.inScope) {
      score *= 0.75;
      fit *= 0.75;
      notes.push('out of scope');
    }
    const copy = ctx.copies?.get(source.table.name);
    const shadow = source.concepts.find((c) => shadowStems.has(c) && !target.concepts.includes(c));
    if (copy) {
      // Ranked below the table it copies, whatever its name says.
      score *= 0.5;
      fit *= 0.5;
      notes.push(`a copy: ${copy.reason}`);
    } else if (shadow && copiesAnotherTable(source, f.source)) {
      score *= 0.8;
      fit *= 0.8;
      notes.push(`a ${shadow.toLowerCase()} copy`);
    }
    return {
      source,
      score: round3(score),
      fit: round3(fit),
      coverage: round3(cover),
      used: round3(used),
      specificFields: specific,
      reason: notes.join('; '),
    };
  });
  return matches.sort((a, b) => b.score - a.score || compare(a.source, b.source));
}

function compare(a: TableFeatures, b: TableFeatures): number {
  return a.table.name < b.table.name ? -1 : a.table.name > b.table.name ? 1 : 0;
}
