import { canonicalJson } from './canonical-json.js';
import type { ContractField, ContractTable, MappingContract } from './contract-model.js';
import { withReviewStatus } from './contract-review.js';
import { rowContentKey } from './contract-row-edit.js';
import type { ContractRowRef } from './contract-row-filter.js';

/** What importing a revised contract (e.g. a CSV edited in a spreadsheet) over the current version did. */
export interface ContractImportResult {
  contract: MappingContract;
  /** Rows the current version does not have (drafts). */
  added: ContractRowRef[];
  /** Rows of the current version the import does not have. */
  removed: ContractRowRef[];
  /** Rows whose content (what the row does, or its table's source, keys, parents or scope) changed: drafts now. */
  changed: ContractRowRef[];
  /** Changed rows that were reviewed, approved or rejected before. */
  reopened: ContractRowRef[];
  /** Rows where only the owner or notes changed (their review stands). */
  annotated: ContractRowRef[];
  /** Rows whose status, reviewer or time in the import differ from what was kept: reviews are not imported. */
  reviewIgnored: ContractRowRef[];
}

const tableContext = (t: ContractTable) => canonicalJson({ ...t, fields: [] });
const review = (f: ContractField) => canonicalJson([f.status, f.reviewer ?? null, f.reviewedAt ?? null]);
const notes = (f: ContractField) => canonicalJson([f.owner ?? null, f.notes ?? null]);

/**
 * Takes an imported revision of a contract as a new version of `current`, without letting the file decide reviews:
 * a row whose content is unchanged keeps its current status, reviewer and time (whatever the file says); a new row,
 * and a row whose content or table context changed, is a draft; owner and notes come from the file. Review states
 * move only through the review workflow, where the person who changed a row does not approve it.
 * Tables, rows and their order, table-level and contract-level attributes come from the import.
 *
 * @example
 * const { contract, changed, reviewIgnored } = importContractRevision(current, parseContractCsv(text, 'c.csv'));
 */
export function importContractRevision(current: MappingContract, imported: MappingContract): ContractImportResult {
  const result: Omit<ContractImportResult, 'contract'> = {
    added: [],
    removed: [],
    changed: [],
    reopened: [],
    annotated: [],
    reviewIgnored: [],
  };
  const currentTables = new Map(current.tables.map((t) => [t.target, t]));
  const tables = imported.tables.map((t) => {
    const before = currentTables.get(t.target);
    const sameContext = before !== undefined && tableContext(before) === tableContext(t);
    const beforeFields = new Map((before?.fields ?? []).map((f) => [f.target, f]));
    const fields = t.fields.map((f) => {
      const ref = { table: t.target, column: f.target };
      const old = beforeFields.get(f.target);
      let next: ContractField;
      if (!old) {
        result.added.push(ref);
        next = withReviewStatus(f, { status: 'draft' }, undefined);
      } else if (!sameContext || rowContentKey(old) !== rowContentKey(f)) {
        result.changed.push(ref);
        if (old.status !== 'draft') result.reopened.push(ref);
        next = withReviewStatus(f, { status: 'draft' }, undefined);
      } else {
        next = { ...f, status: old.status };
        delete next.reviewer;
        delete next.reviewedAt;
        if (old.reviewer !== undefined) next.reviewer = old.reviewer;
        if (old.reviewedAt !== undefined) next.reviewedAt = old.reviewedAt;
        if (notes(old) !== notes(f)) result.annotated.push(ref);
      }
      if (review(next) !== review(f)) result.reviewIgnored.push(ref);
      return next;
    });
    return { ...t, fields };
  });
  const importedRows = new Set(imported.tables.flatMap((t) => t.fields.map((f) => `${t.target}\u0000${f.target}`)));
  for (const t of current.tables) {
    for (const f of t.fields) {
      if (!importedRows.has(`${t.target}\u0000${f.target}`)) result.removed.push({ table: t.target, column: f.target });
    }
  }
  return { contract: { ...imported, tables }, ...result };
}
