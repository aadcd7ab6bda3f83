import type { DataType } from '../catalog/catalog-model.js';
import { type ContractField, type MappingContract, mappingContractSchema } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import type { FieldSuggestion, MappingSuggestion } from './mapping-suggestion-model.js';

/** Transforms a draft starts from, by target type; a reviewer refines them. */
const defaultTransforms: Readonly<Record<DataType, readonly string[]>> = {
  string: ['trim'],
  code: ['trim', 'upper'],
  integer: ['integer'],
  decimal: ['decimal'],
  date: ['date'],
  datetime: ['datetime'],
  boolean: ['yn'],
};

function draftField(f: FieldSuggestion): ContractField {
  const note = f.constant?.reason ?? (f.best ? `suggested (${f.best.confidence}): ${f.best.reason}` : 'no suggestion');
  return {
    target: f.target,
    source: f.constant || !f.best ? [] : [f.best.column],
    combine: 'coalesce',
    separator: ' ',
    ...(f.constant ? { constant: f.constant.value } : {}),
    transform: f.best && !f.constant ? [...defaultTransforms[f.dataType]] : [],
    ...(f.crosswalk && f.best && !f.constant ? { crosswalk: f.crosswalk } : {}),
    mandatory: f.mandatory,
    onInvalid: 'reject',
    defaults: {},
    status: 'draft',
    notes: note,
  };
}

export interface DraftContractOptions {
  name?: string;
  label?: string;
  sourceSystem?: string;
  targetSystem?: string;
}

/**
 * Turns a suggestion into a MappingContract-shaped draft: one table per target table that has a suggested
 * source table, every field `status: 'draft'` with its confidence and reason in `notes`, default transforms by target
 * type and the crosswalk of coded fields. It is a contract in every respect (`ferry map --contract-out` writes it as
 * the review CSV, which `ferry lifecycle --contract` and `ferry migrate --contract` load): a starting point for
 * review; `assertContractLoadable` says which rows must be fixed before it loads, and the release gate which must be
 * approved.
 *
 * @example
 * const draft = toDraftContract(suggestContract({ sourceCatalog, targetCatalog }));
 * draft.tables[0].fields[0].status // => 'draft'
 */
export function toDraftContract(suggestion: MappingSuggestion, options: DraftContractOptions = {}): MappingContract {
  const tables = suggestion.tables
    .filter((t) => t.source && t.sourceKey.length > 0 && t.fields.length > 0)
    .map((t) => ({
      target: t.target,
      source: t.source!.table,
      sourceKey: t.sourceKey,
      targetKey: t.targetKey ?? 'RECORD_NUMBER',
      parents: t.parents,
      domain: 'UNASSIGNED',
      fields: t.fields.map(draftField),
    }));
  if (tables.length === 0) {
    throw new FerryError('FERRY_ERR_CONTRACT_INVALID', 'the suggestion matched no target table to a source table', {
      stage: 'map',
    });
  }
  return mappingContractSchema.parse({
    version: 1,
    name: options.name ?? `${suggestion.sourceCatalog}-to-${suggestion.targetCatalog}-draft`,
    label: options.label ?? '0.0.0-draft',
    sourceSystem: options.sourceSystem ?? suggestion.sourceCatalog,
    targetSystem: options.targetSystem ?? suggestion.targetCatalog,
    locked: false,
    tables,
  });
}
