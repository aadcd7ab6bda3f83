import { canonicalJson } from './canonical-json.js';
import { contractHash } from './contract-hash.js';
import type { ContractField, ContractTable, MappingContract } from './contract-model.js';

/** One attribute that differs: its name and its value before and after (`null` when absent). */
export interface AttributeChange {
  attribute: string;
  before: unknown;
  after: unknown;
}

/** A row that differs between two versions, keyed by target table and target column. */
export interface ChangedContractRow {
  table: string;
  column: string;
  changes: AttributeChange[];
}

/** A row present in only one of the versions, with its content there. */
export interface ContractRowEntry {
  table: string;
  column: string;
  row: ContractField;
}

/** The differences between two contract versions, `from` -> `to`. Lists are in contract order. */
export interface ContractDiff {
  from: string;
  to: string;
  /** Contract-level attributes: name, label, sourceSystem, targetSystem, locked. */
  contract: AttributeChange[];
  tables: {
    added: string[];
    removed: string[];
    /** Table-level attributes (source, sourceKey, targetKey, parents, outOfScope, naturalKey, domain, position, fieldOrder). */
    changed: Array<{ table: string; changes: AttributeChange[] }>;
  };
  rows: {
    added: ContractRowEntry[];
    removed: ContractRowEntry[];
    changed: ChangedContractRow[];
  };
  counts: {
    rowsAdded: number;
    rowsRemoved: number;
    rowsChanged: number;
    tablesAdded: number;
    tablesRemoved: number;
    tablesChanged: number;
  };
}

const contractAttributes = ['name', 'label', 'sourceSystem', 'targetSystem', 'locked'] as const;
const tableAttributes = ['source', 'sourceKey', 'targetKey', 'parents', 'outOfScope', 'naturalKey', 'domain'] as const;
/** Row attributes in the order they are reported; `defaults` is compared per release profile. */
const rowAttributes = [
  'source',
  'combine',
  'separator',
  'constant',
  'transform',
  'sourceFormat',
  'crosswalk',
  'mandatory',
  'onInvalid',
  'defaults.development',
  'defaults.pre_production',
  'status',
  'owner',
  'reviewer',
  'reviewedAt',
  'equivalence',
  'notes',
] as const;

function attributeValue(object: object, path: string): unknown {
  let v: unknown = object;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v === undefined ? null : v;
}

function compare(a: object, b: object, attributes: readonly string[]): AttributeChange[] {
  const out: AttributeChange[] = [];
  for (const attribute of attributes) {
    const before = attributeValue(a, attribute);
    const after = attributeValue(b, attribute);
    if (canonicalJson(before) !== canonicalJson(after)) out.push({ attribute, before, after });
  }
  return out;
}

function fieldsByTarget(table: ContractTable): Map<string, ContractField> {
  return new Map(table.fields.map((f) => [f.target, f]));
}

/**
 * Compares two contract versions row by row (a row is one target table + target column): rows added, removed, and
 * changed with each changed attribute's before and after value. Table-level and contract-level attribute changes are
 * listed too: a table that moved in the load order (among the tables both versions have) shows a `position` change
 * (1-based), and a table whose common fields are in another order shows a `fieldOrder` change, so that two versions
 * with different hashes never diff as equal.
 *
 * @example
 * const d = diffContracts(v1, v2);
 * d.rows.changed[0] // => { table: 'LOAD_PMI', column: 'SEX', changes: [{ attribute: 'status', before: 'draft', after: 'approved' }, ...] }
 */
export function diffContracts(a: MappingContract, b: MappingContract): ContractDiff {
  const common = (x: MappingContract, y: MappingContract) =>
    x.tables.filter((t) => y.tables.some((u) => u.target === t.target)).map((t) => t.target);
  const aOrder = common(a, b);
  const bOrder = common(b, a);
  const aTables = new Map(a.tables.map((t) => [t.target, { t, i: aOrder.indexOf(t.target) }]));
  const bTables = new Map(b.tables.map((t) => [t.target, { t, i: bOrder.indexOf(t.target) }]));
  const diff: ContractDiff = {
    from: contractHash(a),
    to: contractHash(b),
    contract: compare(a, b, contractAttributes),
    tables: { added: [], removed: [], changed: [] },
    rows: { added: [], removed: [], changed: [] },
    counts: { rowsAdded: 0, rowsRemoved: 0, rowsChanged: 0, tablesAdded: 0, tablesRemoved: 0, tablesChanged: 0 },
  };
  for (const { t } of aTables.values()) {
    if (bTables.has(t.target)) continue;
    diff.tables.removed.push(t.target);
    for (const f of t.fields) diff.rows.removed.push({ table: t.target, column: f.target, row: f });
  }
  for (const { t: tb, i: ib } of bTables.values()) {
    const before = aTables.get(tb.target);
    if (!before) {
      diff.tables.added.push(tb.target);
      for (const f of tb.fields) diff.rows.added.push({ table: tb.target, column: f.target, row: f });
      continue;
    }
    const ta = before.t;
    const changes = compare(ta, tb, tableAttributes);
    if (before.i !== ib) changes.push({ attribute: 'position', before: before.i + 1, after: ib + 1 });
    const aFieldOrder = ta.fields.filter((f) => tb.fields.some((g) => g.target === f.target)).map((f) => f.target);
    const bFieldOrder = tb.fields.filter((f) => ta.fields.some((g) => g.target === f.target)).map((f) => f.target);
    if (aFieldOrder.join('\u0000') !== bFieldOrder.join('\u0000')) {
      changes.push({ attribute: 'fieldOrder', before: aFieldOrder, after: bFieldOrder });
    }
    if (changes.length > 0) diff.tables.changed.push({ table: tb.target, changes });
    const aFields = fieldsByTarget(ta);
    const bFields = fieldsByTarget(tb);
    for (const f of ta.fields) {
      if (!bFields.has(f.target)) diff.rows.removed.push({ table: ta.target, column: f.target, row: f });
    }
    for (const f of tb.fields) {
      const old = aFields.get(f.target);
      if (!old) {
        diff.rows.added.push({ table: tb.target, column: f.target, row: f });
        continue;
      }
      const rowChanges = compare(old, f, rowAttributes);
      if (rowChanges.length > 0) diff.rows.changed.push({ table: tb.target, column: f.target, changes: rowChanges });
    }
  }
  diff.counts = {
    rowsAdded: diff.rows.added.length,
    rowsRemoved: diff.rows.removed.length,
    rowsChanged: diff.rows.changed.length,
    tablesAdded: diff.tables.added.length,
    tablesRemoved: diff.tables.removed.length,
    tablesChanged: diff.tables.changed.length,
  };
  return diff;
}
