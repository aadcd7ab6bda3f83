import {
  type Catalog,
  type ContractLoadFinding,
  type ContractLoadFindingCode,
  FerryError,
  type FerryErrorIssue,
  type MappingContract,
  validateContractForLoad,
} from '@ferry/core';
import type { FerryApp } from '../app-types.js';
import { currentCrosswalks } from '../crosswalks/project-crosswalk-store.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { packCatalog } from '../packs/pack-catalogs.js';
import { packNamed } from '../packs/pack-registry.js';
import { projectSourceCatalog } from '../sources/project-source-catalog-store.js';

/** What a contract of a project is checked against: its source and target catalogs and its crosswalk code types. */
export interface ContractCheckInputs {
  sourceCatalog: Catalog;
  targetCatalog: Catalog;
  crosswalkCodeTypes: Set<string>;
}

/**
 * Errors a draft may have while it is being completed: a row not yet mapped, not yet approved, or not yet added.
 * Every other load error (an unknown table, column, step or crosswalk, a type conflict, a missing conversion) is
 * something an edit got wrong, and an edit that introduces one is refused.
 */
const incompleteDraftCodes: ReadonlySet<ContractLoadFindingCode> = new Set([
  'NOT_APPROVED',
  'MANDATORY_UNMAPPED',
  'TARGET_FIELD_MISSING',
  'TARGET_KEY_UNMAPPED',
]);

/** The contract attribute (as in the contract CSV) a finding is about. */
const attributeOf: Partial<Record<ContractLoadFindingCode, string>> = {
  TARGET_TABLE_UNKNOWN: 'target_table',
  TARGET_TABLE_DUPLICATE: 'target_table',
  SOURCE_TABLE_UNKNOWN: 'source_table',
  SOURCE_KEY_UNKNOWN: 'source_key',
  SCOPE_COLUMN_UNKNOWN: 'out_of_scope',
  TARGET_FIELD_UNKNOWN: 'target_column',
  TARGET_FIELD_DUPLICATE: 'target_column',
  PARENT_UNKNOWN: 'parents',
  SOURCE_COLUMN_UNKNOWN: 'source_columns',
  TRANSFORM_UNKNOWN: 'transform',
  TRANSFORM_MISSING: 'transform',
  TYPE_INCOMPATIBLE: 'source_columns',
  CODE_WITHOUT_CROSSWALK: 'crosswalk',
  CROSSWALK_UNKNOWN: 'crosswalk',
};

/**
 * The catalogs a project's contract is checked against: the project's own source catalog when it has one (drafted
 * from its extract), else its pack's; the pack's target catalog; the project's current crosswalks' code types.
 */
export async function contractCheckInputs(
  app: FerryApp,
  tx: TenantTx,
  project: { id: string; pack: string },
): Promise<ContractCheckInputs> {
  const pack = packNamed(app.platform.packs, project.pack);
  const source = await projectSourceCatalog(app.platform.packs, tx, project);
  const [targetCatalog, crosswalks] = await Promise.all([
    packCatalog(pack, 'target'),
    currentCrosswalks(tx, project.id),
  ]);
  return {
    sourceCatalog: source.catalog,
    targetCatalog,
    crosswalkCodeTypes: new Set(crosswalks.set.entries.map((e) => e.codeType)),
  };
}

const findingKey = (f: ContractLoadFinding) => `${f.code}\u0000${f.table}\u0000${f.field ?? ''}\u0000${f.message}`;

/** The findings of a changed contract, and the load errors the change introduced. */
export interface GuardedChange {
  /** Every finding of the new contract about the given rows (all rows when none are given). */
  findings: ContractLoadFinding[];
}

/**
 * Checks a changed contract against the project's catalogs with core's `validateContractForLoad` and refuses the
 * change (FERRY_ERR_CONTRACT_INVALID, one issue per problem naming table, row and attribute; `lineOf` adds the CSV
 * line) when it introduces a load error other than a draft's incompleteness: an unknown target table or field, an
 * unknown source table, key or column, an unknown transform step or crosswalk, a type conflict. Problems the previous
 * version already had are not the change's doing and do not refuse it.
 */
export function guardContractChange(
  before: MappingContract,
  after: MappingContract,
  inputs: ContractCheckInputs,
  options: {
    rows?: ReadonlyArray<{ table: string; column: string }>;
    lineOf?: (table: string, column?: string) => number | undefined;
  } = {},
): GuardedChange {
  const existing = new Set(validateContractForLoad(before, inputs).map(findingKey));
  const findings = validateContractForLoad(after, inputs);
  const introduced = findings.filter(
    (f) => f.severity === 'error' && !incompleteDraftCodes.has(f.code) && !existing.has(findingKey(f)),
  );
  if (introduced.length > 0) {
    const issues: FerryErrorIssue[] = introduced.map((f) => {
      const line = options.lineOf?.(f.table, f.field);
      return {
        ...(line !== undefined ? { line } : {}),
        table: f.table,
        ...(f.field !== undefined ? { column: f.field } : {}),
        ...(attributeOf[f.code] ? { field: attributeOf[f.code] } : {}),
        message: `${f.code}: ${f.message}`,
      };
    });
    const listed = issues
      .slice(0, 20)
      .map(
        (i) =>
          `${i.line !== undefined ? `line ${i.line} ` : ''}${i.table}${i.column ? `.${i.column}` : ''}: ${i.message}`,
      );
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `The change would not load against the project's catalogs (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${listed.join('; ')}${issues.length > 20 ? '; ...' : ''}`,
      { errors: issues.length },
      { issues },
    );
  }
  const wanted = options.rows ? new Set(options.rows.map((r) => `${r.table}.${r.column}`)) : undefined;
  return { findings: wanted ? findings.filter((f) => f.field && wanted.has(`${f.table}.${f.field}`)) : findings };
}
