import type {
  Catalog,
  CatalogColumn,
  CodeSetEntry,
  ContractField,
  ContractTable,
  CrosswalkSet,
  MappingContract,
} from '@ferry/core';
import { vendors } from '../vendors/index.js';
import type { VendorSpec } from '../vendors/vendor-spec.js';
import type { VendorName } from './code-sets.js';
import { codeSets, vendorCodeRows } from './code-sets.js';
import { rxPrefixes, type TargetColumn, type TargetTable, targetTables } from './target-model.js';

const reviewer = 'optical-pack';
const reviewedAt = '2026-12-01';

function targetDataType(c: TargetColumn): CatalogColumn['dataType'] {
  switch (c.kind) {
    case 'key':
    case 'link':
    case 'integer':
    case 'axis':
      return 'integer';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'sphere':
    case 'cylinder':
    case 'power':
    case 'decimal':
      return 'decimal';
    case 'code':
      return 'code';
    case 'flag':
      return 'string';
    default:
      return 'string';
  }
}

/** The platform target catalog: tables in load order. */
export function targetCatalog(): Catalog {
  return {
    version: 1,
    name: 'optical-platform',
    tables: targetTables.map((t) => ({
      name: t.name,
      inScope: true,
      columns: t.columns.map(
        (c): CatalogColumn => ({
          name: c.name,
          dataType: targetDataType(c),
          ...(c.kind === 'flag' ? { maxLength: 1 } : c.maxLength ? { maxLength: c.maxLength } : {}),
          nullable: !c.required,
          primaryKey: c.kind === 'key',
          ...(c.parent ? { references: `${c.parent}.id` } : {}),
          description: c.description,
          ...(c.codeType ? { codeType: c.codeType } : {}),
        }),
      ),
    })),
  };
}

/** The export columns of one target table in a vendor's file, in file order (key first, no duplicates). */
export function sourceColumns(vendor: VendorSpec, table: TargetTable): string[] {
  const out: string[] = [];
  for (const c of table.columns) {
    const name = vendor.column(table.name, c.name);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** A vendor's export as a source catalog (every column text, as the files hold it). */
export function vendorSourceCatalog(vendor: VendorSpec): Catalog {
  return {
    version: 1,
    name: `${vendor.name}-export`,
    tables: targetTables.map((t) => {
      const keyColumn = vendor.column(t.name, 'id');
      return {
        name: vendor.tables[t.name]!,
        inScope: true,
        columns: sourceColumns(vendor, t).map(
          (name): CatalogColumn => ({
            name,
            dataType: 'string',
            nullable: name !== keyColumn,
            primaryKey: name === keyColumn,
            description: '',
          }),
        ),
      };
    }),
  };
}

function steps(vendor: VendorSpec, c: TargetColumn): Pick<ContractField, 'transform'> & Partial<ContractField> {
  switch (c.kind) {
    case 'key':
    case 'link':
    case 'integer':
      return { transform: ['integer'] };
    case 'external':
      return { transform: ['trim'] };
    case 'text':
      return { transform: ['collapse_spaces'] };
    case 'name':
      return { transform: ['collapse_spaces', 'title_case'] };
    case 'email':
      return { transform: ['trim', 'lower'] };
    case 'phone':
      return { transform: ['phone'] };
    case 'postcode':
      return { transform: [vendor.usLocale ? 'zip_or_postcode' : 'postcode'] };
    case 'nhs':
      return { transform: ['nhs_number'] };
    case 'date':
      return { transform: ['date'], sourceFormat: [vendor.dateFormat] };
    case 'datetime':
      return { transform: ['datetime'], sourceFormat: [vendor.dateFormat] };
    case 'flag':
      return { transform: ['yn'] };
    case 'code':
      return { transform: ['trim'], crosswalk: c.codeType! };
    case 'sphere':
    case 'power':
      return { transform: ['rx_power', 'decimal'] };
    case 'cylinder':
      return { transform: [vendor.plusCylinder ? 'rx_cyl_minus_cyl' : 'rx_power', 'decimal'] };
    case 'axis':
      return { transform: ['rx_axis', 'integer'] };
    case 'va':
      return { transform: ['va_snellen'] };
    case 'decimal':
      return { transform: ['decimal'] };
  }
}

function contractField(vendor: VendorSpec, table: TargetTable, c: TargetColumn): ContractField {
  const source = [vendor.column(table.name, c.name)];
  let field: Partial<ContractField> & Pick<ContractField, 'transform'> = steps(vendor, c);
  let notes: string | undefined;
  if (vendor.plusCylinder && (c.kind === 'sphere' || c.kind === 'axis')) {
    const prefix = c.name.slice(0, c.name.lastIndexOf('_'));
    const cyl = vendor.column(table.name, `${prefix}_cylinder`);
    if (c.kind === 'sphere') {
      source.push(cyl);
      field = { transform: ['rx_sphere_minus_cyl', 'decimal'] };
      notes = 'plus-cylinder Rx transposed: sphere + cylinder';
    } else {
      source.unshift(cyl);
      field = { transform: ['rx_axis_minus_cyl', 'integer'] };
      notes = 'plus-cylinder Rx transposed: axis turned 90 degrees when the cylinder is positive';
    }
  }
  if (vendor.plusCylinder && c.kind === 'cylinder') notes = 'plus-cylinder Rx transposed: cylinder sign changed';
  return {
    target: c.name,
    source,
    combine: source.length > 1 ? 'join' : 'coalesce',
    separator: ' ',
    defaults: {},
    mandatory: !!c.required,
    onInvalid: 'reject',
    status: 'approved',
    reviewer,
    reviewedAt,
    ...field,
    ...(notes ? { notes } : {}),
  };
}

/** The reviewed contract of a vendor's export onto the platform target. */
export function vendorContract(vendor: VendorSpec): MappingContract {
  return {
    version: 1,
    name: `optical-${vendor.name}`,
    label: '1.0.0',
    sourceSystem: vendor.label.toUpperCase(),
    targetSystem: 'FERRY-OPTICAL',
    locked: false,
    tables: targetTables.map(
      (t): ContractTable => ({
        target: t.name,
        source: vendor.tables[t.name]!,
        sourceKey: [vendor.column(t.name, 'id')],
        targetKey: 'id',
        parents: t.columns.filter((c) => c.parent).map((c) => ({ field: c.name, table: c.parent! })),
        domain: t.domain,
        fields: t.columns.map((c) => contractField(vendor, t, c)),
      }),
    ),
  };
}

/** A vendor's local codes -> platform codes, all reviewed and approved. */
export function vendorCrosswalks(vendor: VendorName): CrosswalkSet {
  return {
    version: 1,
    entries: vendorCodeRows(vendor).map((r) => ({
      codeType: r.codeType,
      sourceCode: r.local,
      sourceLabel: r.label,
      targetCode: r.code,
      targetLabel: r.label,
      equivalence: 'equivalent',
      status: 'approved',
      reviewer,
      reviewedAt,
    })),
  };
}

/** The platform code sets (for `code_in_set` checks). */
export function platformCodeSets(): CodeSetEntry[] {
  return Object.entries(codeSets).flatMap(([codeType, rows]) =>
    rows.map((r) => ({ codeType, code: r[0], label: r[1], retired: false })),
  );
}

export { rxPrefixes, vendors };
