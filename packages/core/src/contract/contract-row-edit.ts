import { FerryError } from '../errors.js';
import { isKnownStep } from '../transform/transform-steps.js';
import { canonicalJson } from './canonical-json.js';
import { assertContractUnlocked } from './contract-lock.js';
import { type ContractField, contractFieldSchema, type MappingContract } from './contract-model.js';
import { withReviewStatus } from './contract-review.js';
import type { ContractRowRef } from './contract-row-filter.js';

/**
 * A change to one contract row. Each given attribute is set; `null` removes an optional one (constant, crosswalk,
 * a default, owner, notes). Review attributes (status, reviewer, time) are not editable here: they move only through
 * the review workflow.
 */
export interface ContractRowPatch {
  source?: readonly string[];
  combine?: ContractField['combine'];
  separator?: string;
  constant?: string | null;
  transform?: readonly string[];
  crosswalk?: string | null;
  mandatory?: boolean;
  onInvalid?: ContractField['onInvalid'];
  defaults?: { development?: string | null; pre_production?: string | null };
  equivalence?: NonNullable<ContractField['equivalence']> | null;
  owner?: string | null;
  notes?: string | null;
}

/** A new row: its target column and what fills it (a new row is always a draft). */
export type NewContractRow = { target: string } & Omit<ContractRowPatch, 'defaults'> & {
    defaults?: { development?: string; pre_production?: string };
  };

/** What a one-row change did; `reopened` is set when a reviewed, approved or rejected row went back to draft. */
export interface ContractRowEditResult {
  contract: MappingContract;
  row: ContractRowRef;
  changed: boolean;
  reopened: boolean;
}

/** Attributes that are bookkeeping, not what the row does: changing them keeps the row's review. */
const bookkeeping = new Set(['owner', 'notes', 'status', 'reviewer', 'reviewedAt']);

/** What a row does (everything a reviewer signed off), as comparable text. */
export function rowContentKey(field: ContractField): string {
  return canonicalJson(Object.fromEntries(Object.entries(field).filter(([k]) => !bookkeeping.has(k))));
}

function invalid(ref: ContractRowRef, field: string, message: string): FerryError {
  return new FerryError(
    'FERRY_ERR_CONTRACT_INVALID',
    `${ref.table}.${ref.column}: ${message}`,
    { table: ref.table, key: ref.column, field },
    { issues: [{ table: ref.table, column: ref.column, field, message }] },
  );
}

function setOptional<K extends keyof ContractField>(
  field: ContractField,
  key: K,
  value: ContractField[K] | null | undefined,
): void {
  if (value === undefined) return;
  if (value === null || value === '') delete field[key];
  else field[key] = value;
}

/** Applies a patch to a copy of a field (no review change). */
function applyPatch(field: ContractField, patch: ContractRowPatch): ContractField {
  const next: ContractField = { ...field, defaults: { ...field.defaults } };
  if (patch.source !== undefined) next.source = patch.source.map((s) => s.trim());
  if (patch.combine !== undefined) next.combine = patch.combine;
  if (patch.separator !== undefined) next.separator = patch.separator;
  if (patch.transform !== undefined) next.transform = patch.transform.map((s) => s.trim());
  if (patch.mandatory !== undefined) next.mandatory = patch.mandatory;
  if (patch.onInvalid !== undefined) next.onInvalid = patch.onInvalid;
  setOptional(next, 'constant', patch.constant);
  setOptional(next, 'crosswalk', patch.crosswalk?.trim() ?? patch.crosswalk);
  setOptional(next, 'equivalence', patch.equivalence);
  setOptional(next, 'owner', patch.owner?.trim() ?? patch.owner);
  setOptional(next, 'notes', patch.notes);
  for (const profile of ['development', 'pre_production'] as const) {
    const value = patch.defaults?.[profile];
    if (value === undefined) continue;
    if (value === null) delete next.defaults[profile];
    else next.defaults[profile] = value;
  }
  return next;
}

/** Checks a field built from a patch: known steps, distinct named source columns, a source or a constant, not both. */
function checkField(ref: ContractRowRef, field: ContractField): ContractField {
  const unknown = field.transform.filter((s) => !isKnownStep(s));
  if (unknown.length > 0) {
    throw invalid(ref, 'transform', `unknown transform step${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`);
  }
  if (field.source.some((s) => s === '')) throw invalid(ref, 'source', 'a source column name is blank');
  if (new Set(field.source).size !== field.source.length) {
    throw invalid(ref, 'source', 'a source column is named twice');
  }
  if (field.constant !== undefined && field.source.length > 0) {
    throw invalid(ref, 'constant', 'give source columns or a constant, not both (a constant would hide the source)');
  }
  const parsed = contractFieldSchema.safeParse(field);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(ref, issue.path.join('.') || 'row', issue.message);
  }
  return parsed.data;
}

function locate(contract: MappingContract, ref: ContractRowRef): { t: number; f: number } {
  const t = contract.tables.findIndex((x) => x.target === ref.table);
  if (t < 0) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `the contract has no target table ${ref.table}`, { table: ref.table });
  }
  const f = contract.tables[t]!.fields.findIndex((x) => x.target === ref.column);
  if (f < 0) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `the contract has no row ${ref.table}.${ref.column}`, {
      table: ref.table,
      key: ref.column,
    });
  }
  return { t, f };
}

function withFields(contract: MappingContract, t: number, fields: ContractField[]): MappingContract {
  return { ...contract, tables: contract.tables.map((x, i) => (i === t ? { ...x, fields } : x)) };
}

/**
 * Changes one row: its source column(s), how they combine, constant, transform steps, crosswalk, mandatory flag,
 * invalid-value policy, defaults, equivalence, owner or notes. A change to what the row does reopens a reviewed,
 * approved or rejected row to draft (its review was of the old content); owner and notes are bookkeeping and keep
 * the review. Refused: a locked contract (FERRY_ERR_CONTRACT_LOCKED), an unknown row (FERRY_ERR_NOT_FOUND), an
 * unknown transform step, a blank or repeated source column, or both source columns and a constant
 * (FERRY_ERR_CONTRACT_INVALID naming the row and attribute).
 *
 * @example
 * editRow(contract, { table: 'LOAD_PMI', column: 'SURNAME' }, { source: ['LAST_NAME'], transform: ['trim', 'upper'] })
 */
export function editRow(
  contract: MappingContract,
  ref: ContractRowRef,
  patch: ContractRowPatch,
): ContractRowEditResult {
  assertContractUnlocked(contract, `edit row ${ref.table}.${ref.column}`);
  const { t, f } = locate(contract, ref);
  const before = contract.tables[t]!.fields[f]!;
  let next = checkField(ref, applyPatch(before, patch));
  const row = { table: ref.table, column: ref.column };
  if (canonicalJson(next) === canonicalJson(before)) return { contract, row, changed: false, reopened: false };
  const reopened = next.status !== 'draft' && rowContentKey(next) !== rowContentKey(before);
  if (reopened) next = withReviewStatus(next, { status: 'draft' }, undefined);
  const fields = contract.tables[t]!.fields.map((x, i) => (i === f ? next : x));
  return { contract: withFields(contract, t, fields), row, changed: true, reopened };
}

/**
 * Adds a draft row to a table of the contract, after the row `after` names (default: at the end). Refused: a locked
 * contract, an unknown table or `after` row, a target column the table already has, and what `editRow` refuses.
 *
 * @example
 * addRow(contract, 'LOAD_PMI', { target: 'PREFERRED_NAME', source: ['KNOWN_AS'], transform: ['trim'] })
 */
export function addRow(
  contract: MappingContract,
  table: string,
  row: NewContractRow,
  options: { after?: string } = {},
): ContractRowEditResult {
  const target = row.target.trim();
  const ref = { table, column: target };
  assertContractUnlocked(contract, `add row ${table}.${target}`);
  const t = contract.tables.findIndex((x) => x.target === table);
  if (t < 0) throw new FerryError('FERRY_ERR_NOT_FOUND', `the contract has no target table ${table}`, { table });
  if (!target) throw invalid(ref, 'target', 'the target column is blank');
  const fields = contract.tables[t]!.fields;
  if (fields.some((x) => x.target === target)) throw invalid(ref, 'target', 'the table already has this row');
  const { target: _, ...patch } = row;
  const field = checkField(ref, applyPatch(contractFieldSchema.parse({ target }), patch));
  let at = fields.length;
  if (options.after !== undefined) {
    at = locate(contract, { table, column: options.after }).f + 1;
  }
  const next = [...fields.slice(0, at), field, ...fields.slice(at)];
  return { contract: withFields(contract, t, next), row: ref, changed: true, reopened: false };
}

/**
 * Removes one row. Refused: a locked contract, an unknown row, and the last row of a table (a contract table needs
 * a row; its target key row is what links its lineage) with FERRY_ERR_CONTRACT_INVALID, and the table's target key
 * row or a parent link row while the table keeps them (FERRY_ERR_CONTRACT_INVALID naming the reason).
 *
 * @example
 * removeRow(contract, { table: 'LOAD_PMI', column: 'OLD_FIELD' })
 */
export function removeRow(contract: MappingContract, ref: ContractRowRef): ContractRowEditResult {
  assertContractUnlocked(contract, `remove row ${ref.table}.${ref.column}`);
  const { t, f } = locate(contract, ref);
  const table = contract.tables[t]!;
  if (table.fields.length === 1) throw invalid(ref, 'target', 'it is the only row of its table');
  if (table.targetKey === ref.column) {
    throw invalid(ref, 'target', `it is the table's target key (${table.targetKey}), which lineage and children need`);
  }
  const parent = table.parents.find((p) => p.field === ref.column);
  if (parent) throw invalid(ref, 'target', `it links the table to its parent ${parent.table}`);
  const fields = table.fields.filter((_, i) => i !== f);
  return { contract: withFields(contract, t, fields), row: ref, changed: true, reopened: false };
}
