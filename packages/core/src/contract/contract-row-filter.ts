import type { ContractField, ContractTable, MappingContract, ReviewStatus } from './contract-model.js';

/**
 * Which contract rows a bulk operation applies to. Every given criterion must hold (AND); an empty filter selects
 * every row. Names are matched case-insensitively, and `*` in `table` or `column` matches any run of characters.
 */
export interface ContractRowFilter {
  /** Target or source table name (pattern). */
  table?: string;
  /** Target column or one of the source columns (pattern). */
  column?: string;
  /** One status or any of several. */
  status?: ReviewStatus | readonly ReviewStatus[];
  /** The table's quality domain, e.g. PMI. */
  domain?: string;
  /** The row's owner; `''` selects rows with no owner. */
  owner?: string;
  mandatory?: boolean;
  /**
   * Case-insensitive text found in what the row maps: table and column names (target and source, `_` read as a space,
   * so "date of birth" finds DATE_OF_BIRTH), constant, transform, crosswalk and notes. Not who owns or reviewed the
   * row (a search for "NHS" should not match every row an nhs.net reviewer touched): `owner` filters by owner.
   */
  text?: string;
}

/** A contract row by its key: target table and target column. */
export interface ContractRowRef {
  table: string;
  column: string;
}

function pattern(text: string): RegExp {
  const escaped = text
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** A predicate over (table, field) built once from a filter. */
export function contractRowMatcher(filter: ContractRowFilter): (table: ContractTable, field: ContractField) => boolean {
  const tableRe = filter.table !== undefined ? pattern(filter.table) : undefined;
  const columnRe = filter.column !== undefined ? pattern(filter.column) : undefined;
  const statuses =
    filter.status === undefined
      ? undefined
      : new Set<string>(typeof filter.status === 'string' ? [filter.status] : filter.status);
  const domain = filter.domain?.trim().toLowerCase();
  const owner = filter.owner?.trim().toLowerCase();
  const text = filter.text?.trim().toLowerCase();
  return (table, field) => {
    if (tableRe && !tableRe.test(table.target) && !tableRe.test(table.source)) return false;
    if (columnRe && !columnRe.test(field.target) && !field.source.some((s) => columnRe.test(s))) return false;
    if (statuses && !statuses.has(field.status)) return false;
    if (domain !== undefined && table.domain.toLowerCase() !== domain) return false;
    if (owner !== undefined && (field.owner ?? '').trim().toLowerCase() !== owner) return false;
    if (filter.mandatory !== undefined && field.mandatory !== filter.mandatory) return false;
    if (text) {
      const haystack = [
        table.target,
        table.source,
        field.target,
        ...field.source,
        field.constant ?? '',
        ...field.transform,
        field.crosswalk ?? '',
        field.notes ?? '',
      ]
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(text) && !haystack.replaceAll('_', ' ').includes(text.replaceAll('_', ' '))) return false;
    }
    return true;
  };
}

/**
 * The rows a filter selects, in contract order.
 *
 * @example
 * selectContractRows(contract, { domain: 'PMI', status: 'draft' }) // => [{ table: 'LOAD_PMI', column: 'SEX' }, ...]
 */
export function selectContractRows(contract: MappingContract, filter: ContractRowFilter): ContractRowRef[] {
  const matches = contractRowMatcher(filter);
  const out: ContractRowRef[] = [];
  for (const t of contract.tables) {
    for (const f of t.fields) if (matches(t, f)) out.push({ table: t.target, column: f.target });
  }
  return out;
}
