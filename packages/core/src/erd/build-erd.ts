import type { Catalog } from '../catalog/catalog-model.js';
import type { MappingContract } from '../contract/contract-model.js';
import type { ProfileSourceConnector } from '../profile/profile-source.js';
import { type ColumnValues, containment, readColumnValueSets, type SourceValueSets } from './column-value-sets.js';
import type { Erd, ErdEdge, ErdNode } from './erd-model.js';
import { keyColumns, keySuffixClass } from './key-columns.js';
import {
  confidenceOf,
  type EdgeEvidence,
  type RelationshipCandidate,
  relationshipCandidates,
} from './relationship-candidates.js';
import { deriveTableDomains } from './table-domains.js';
import { tableNameTokens } from './table-name-tokens.js';

/** What an ERD is built from. */
export interface BuildErdInput {
  catalog: Catalog;
  /** Source data for value containment (optional; without it only names and descriptions count). */
  source?: ProfileSourceConnector;
  /** A contract whose tables' domains take precedence over the name rules. */
  contract?: MappingContract;
  /** Inferred edges below this confidence are left out (default 0.5). */
  minConfidence?: number;
  /** Infer edges for columns that have a declared reference too (default false: declared ones stand). */
  inferDeclared?: boolean;
}

/** A column linked by containment alone needs at least this many distinct values. */
const minDataOnlyValues = 5;

function isTextType(t: string): boolean {
  return t === 'string' || t === 'code';
}

/** Columns named like references (an ID or code suffix, or ending in BY), PKs and skipped columns excluded. */
function keyLikeColumns(
  catalog: Catalog,
  linked: (table: string, column: string) => boolean,
): Array<{ table: string; column: string; dataType: string }> {
  const out: Array<{ table: string; column: string; dataType: string }> = [];
  for (const t of catalog.tables) {
    const single = t.columns.filter((c) => c.primaryKey).length === 1;
    for (const c of t.columns) {
      if ((single && c.primaryKey) || linked(t.name, c.name)) continue;
      const last = tableNameTokens(c.name).at(-1);
      if (keySuffixClass(c.name) || last === 'BY') out.push({ table: t.name, column: c.name, dataType: c.dataType });
    }
  }
  return out;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

/** Evidence from measured containment of the child's values in the parent key, and from the key's uniqueness. */
function dataEvidence(
  child: ColumnValues | undefined,
  parent: ColumnValues | undefined,
): { evidence: EdgeEvidence[]; share?: number } {
  if (!child || !parent) return { evidence: [] };
  const c = containment(child, parent);
  if (!c) return { evidence: [{ text: 'no values in the data to measure' }] };
  const sampled = child.truncated || parent.truncated ? ' (on a sample of distinct values)' : '';
  const evidence: EdgeEvidence[] = [];
  const of = `${child.distinct.size - c.orphans} of ${child.distinct.size} distinct values found in the parent key${sampled}`;
  if (c.share >= 0.99) evidence.push({ text: `containment ${pct(c.share)}: ${of}`, weight: 0.9 });
  else if (c.share >= 0.9)
    evidence.push({ text: `containment ${pct(c.share)}: ${of} (${c.orphans} orphans)`, weight: 0.6 });
  else if (c.share >= 0.5) evidence.push({ text: `containment only ${pct(c.share)}: ${of}`, factor: 0.7 });
  else evidence.push({ text: `containment only ${pct(c.share)}: ${of}; the data speaks against it`, factor: 0.2 });
  if (parent.distinct.size < parent.nonBlank && !parent.truncated)
    evidence.push({ text: 'the parent column is not unique in the data', factor: 0.6 });
  return { evidence, share: Math.round(c.share * 1e6) / 1e6 };
}

function valuesOf(sets: SourceValueSets | undefined, table: string, column: string): ColumnValues | undefined {
  return sets?.columns.get(table)?.get(column);
}

/**
 * Builds an entity-relationship diagram of a source catalog: nodes are tables (with domain, scope and columns),
 * edges are relationships. Declared edges come from the catalog's `references` (confidence 1; with data, their
 * measured containment is added as evidence). Where no reference is declared, edges are inferred from names and
 * descriptions (see `relationshipCandidates`) and, with source data, from value containment (the share of the
 * child's distinct values found in the candidate parent key); with data, a key-like column (ID or code suffix, or
 * ..._BY) can also be linked to a parent no name or description points at, by full containment alone (at most 0.54, shared
 * among the parents that contain it). Each child column keeps its best candidate when its confidence reaches
 * `minConfidence`; a tie between parents divides the confidence by their number; the runner-up is named in the
 * evidence. Output order is stable (catalog order).
 *
 * @example
 * const erd = await buildErd({ catalog, source: await CsvSourceConnector.open('extract/') });
 * erd.edges.filter((e) => e.kind === 'inferred') // [{ from: 'OP_APPT', to: 'PATIENT', fromColumn: 'PAT_ID', ... }]
 */
export async function buildErd(input: BuildErdInput): Promise<Erd> {
  const { catalog } = input;
  const minConfidence = input.minConfidence ?? 0.5;
  const domains = deriveTableDomains(catalog, input.contract);
  const declared: Array<{ table: string; column: string; to: string; toColumn: string }> = [];
  for (const t of catalog.tables) {
    for (const c of t.columns) {
      if (!c.references) continue;
      const dot = c.references.indexOf('.');
      declared.push({
        table: t.name,
        column: c.name,
        to: c.references.slice(0, dot),
        toColumn: c.references.slice(dot + 1),
      });
    }
  }
  const declaredSet = new Set(declared.map((d) => `${d.table}.${d.column}`));
  const keys = keyColumns(catalog);
  const candidates = relationshipCandidates(
    catalog,
    keys,
    input.inferDeclared ? undefined : (t, c) => declaredSet.has(`${t}.${c}`),
  );

  const named = new Set(candidates.map((c) => `${c.table}.${c.column}>${c.parent.table}.${c.parent.column}`));
  // Columns named like references and not declared: with data, containment alone may link them (to other parents
  // than names suggest, or where names suggest none).
  const unlinked = input.source ? keyLikeColumns(catalog, (t, c) => declaredSet.has(`${t}.${c}`)) : [];

  let sets: SourceValueSets | undefined;
  if (input.source) {
    const wanted = new Map<string, Set<string>>();
    const want = (table: string, column: string) => {
      let s = wanted.get(table);
      if (!s) {
        s = new Set();
        wanted.set(table, s);
      }
      s.add(column);
    };
    for (const d of declared) {
      want(d.table, d.column);
      want(d.to, d.toColumn);
    }
    for (const c of candidates) {
      want(c.table, c.column);
      want(c.parent.table, c.parent.column);
    }
    for (const u of unlinked) want(u.table, u.column);
    if (unlinked.length > 0) for (const k of keys) want(k.table, k.column);
    sets = await readColumnValueSets(input.source, wanted);
  }

  const edges: ErdEdge[] = declared.map((d) => {
    const data = dataEvidence(valuesOf(sets, d.table, d.column), valuesOf(sets, d.to, d.toColumn));
    return {
      from: d.table,
      to: d.to,
      fromColumn: d.column,
      toColumn: d.toColumn,
      kind: 'declared',
      confidence: 1,
      evidence: ['declared in the catalog', ...data.evidence.map((e) => e.text)],
      ...(data.share !== undefined ? { containment: data.share } : {}),
    };
  });

  type Scored = { candidate: RelationshipCandidate; evidence: EdgeEvidence[]; confidence: number; share?: number };
  const byChild = new Map<string, Scored[]>();
  const add = (candidate: RelationshipCandidate, dataOnly: boolean) => {
    const data = dataEvidence(
      valuesOf(sets, candidate.table, candidate.column),
      valuesOf(sets, candidate.parent.table, candidate.parent.column),
    );
    if (dataOnly && !(data.share !== undefined && data.share >= 0.99)) return;
    const evidence = [...candidate.evidence, ...data.evidence];
    const key = `${candidate.table}.${candidate.column}`;
    const list = byChild.get(key) ?? [];
    list.push({
      candidate,
      evidence,
      confidence: confidenceOf(evidence),
      ...(data.share !== undefined ? { share: data.share } : {}),
    });
    byChild.set(key, list);
  };
  for (const candidate of candidates) add(candidate, false);
  for (const u of unlinked) {
    const child = valuesOf(sets, u.table, u.column);
    if (!child || child.distinct.size < minDataOnlyValues) continue;
    for (const k of keys) {
      if (k.table === u.table && k.column === u.column) continue;
      if (!valuesOf(sets, k.table, k.column) || isTextType(k.dataType) !== isTextType(u.dataType)) continue;
      if (named.has(`${u.table}.${u.column}>${k.table}.${k.column}`)) continue;
      add(
        {
          table: u.table,
          column: u.column,
          parent: k,
          evidence: [{ text: 'no name or description link; found by value containment alone', factor: 0.6 }],
        },
        true,
      );
    }
  }
  for (const list of byChild.values()) {
    list.sort((a, b) => b.confidence - a.confidence);
    const [best, next] = list;
    if (!best) continue;
    const ties = list.filter((x) => x.confidence === best.confidence).length;
    const texts = best.evidence.map((e) => e.text);
    let confidence = best.confidence;
    if (ties > 1) {
      confidence = Math.round((confidence / ties) * 1000) / 1000;
      texts.push(`ambiguous: ${ties} parents fit equally well`);
    }
    if (confidence < minConfidence) continue;
    if (next)
      texts.push(`next best: ${next.candidate.parent.table}.${next.candidate.parent.column} (${next.confidence})`);
    edges.push({
      from: best.candidate.table,
      to: best.candidate.parent.table,
      fromColumn: best.candidate.column,
      toColumn: best.candidate.parent.column,
      kind: 'inferred',
      confidence,
      evidence: texts,
      ...(best.share !== undefined ? { containment: best.share } : {}),
    });
  }
  const order = new Map(
    catalog.tables.flatMap((t, i) => t.columns.map((c, j) => [`${t.name}.${c.name}`, i * 10_000 + j] as const)),
  );
  edges.sort(
    (a, b) =>
      order.get(`${a.from}.${a.fromColumn}`)! - order.get(`${b.from}.${b.fromColumn}`)! || (a.kind < b.kind ? -1 : 1),
  );

  const nodes: ErdNode[] = catalog.tables.map((t) => {
    const rows = sets?.rows.get(t.name);
    return {
      id: t.name,
      domain: domains.get(t.name) ?? 'OTHER',
      inScope: t.inScope,
      columns: t.columns.map((c) => ({ name: c.name, dataType: c.dataType, primaryKey: c.primaryKey })),
      ...(rows !== undefined ? { rows } : {}),
    };
  });
  return {
    version: 1,
    name: catalog.name,
    nodes,
    edges,
    stats: {
      tables: nodes.length,
      declaredEdges: edges.filter((e) => e.kind === 'declared').length,
      inferredEdges: edges.filter((e) => e.kind === 'inferred').length,
      tablesWithData: sets?.rows.size ?? 0,
    },
  };
}
