import type { ContractRow, ContractRowPatch } from '../../api/contract-api';

/** The editor's state of one contract row: every attribute as a person edits it ('' is "none"). */
export interface RowDraft {
  /** Whether the row is filled from source columns or with a constant. */
  fill: 'source' | 'constant';
  source: string[];
  combine: 'coalesce' | 'join';
  separator: string;
  constant: string;
  transform: string[];
  crosswalk: string;
  mandatory: boolean;
  onInvalid: 'reject' | 'blank' | 'keep';
  defaultDevelopment: string;
  defaultPreProduction: string;
  owner: string;
  notes: string;
}

/** The editor's starting state for a row. */
export function draftOf(row: ContractRow): RowDraft {
  return {
    fill: row.constant !== null ? 'constant' : 'source',
    source: [...row.source],
    combine: row.combine,
    separator: row.separator,
    constant: row.constant ?? '',
    transform: [...row.transform],
    crosswalk: row.crosswalk ?? '',
    mandatory: row.mandatory,
    onInvalid: row.onInvalid,
    defaultDevelopment: row.defaults.development ?? '',
    defaultPreProduction: row.defaults.pre_production ?? '',
    owner: row.owner ?? '',
    notes: row.notes ?? '',
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** '' (after trimming, for names) is "none". */
const orNull = (text: string) => (text === '' ? null : text);

/**
 * What changed between a row and the editor's draft, as the API's patch (only changed attributes; null removes).
 * Filling with a constant clears the source columns, and filling from source columns clears the constant.
 *
 * @example
 * rowPatchOf(row, { ...draftOf(row), transform: ['trim', 'upper'] }) // { transform: ['trim', 'upper'] }
 */
export function rowPatchOf(row: ContractRow, draft: RowDraft): ContractRowPatch {
  const patch: ContractRowPatch = {};
  if (draft.fill === 'constant') {
    if (row.source.length > 0) patch.source = [];
    const constant = orNull(draft.constant);
    if (constant !== row.constant) patch.constant = constant;
  } else {
    if (!sameList(draft.source, row.source)) patch.source = [...draft.source];
    if (row.constant !== null) patch.constant = null;
    if (draft.source.length > 1 && draft.combine !== row.combine) patch.combine = draft.combine;
    if (draft.source.length > 1 && draft.combine === 'join' && draft.separator !== row.separator) {
      patch.separator = draft.separator;
    }
  }
  if (!sameList(draft.transform, row.transform)) patch.transform = [...draft.transform];
  const crosswalk = orNull(draft.crosswalk.trim());
  if (crosswalk !== row.crosswalk) patch.crosswalk = crosswalk;
  if (draft.mandatory !== row.mandatory) patch.mandatory = draft.mandatory;
  if (draft.onInvalid !== row.onInvalid) patch.onInvalid = draft.onInvalid;
  const development = orNull(draft.defaultDevelopment);
  const preProduction = orNull(draft.defaultPreProduction);
  if (development !== row.defaults.development || preProduction !== row.defaults.pre_production) {
    patch.defaults = {};
    if (development !== row.defaults.development) patch.defaults.development = development;
    if (preProduction !== row.defaults.pre_production) patch.defaults.pre_production = preProduction;
  }
  const owner = orNull(draft.owner.trim());
  if (owner !== row.owner) patch.owner = owner;
  const notes = orNull(draft.notes);
  if (notes !== row.notes) patch.notes = notes;
  return patch;
}
