import { z } from 'zod';
import { identifierKindSchema } from '../privacy/identifier-kind.js';

/** The column types a catalog may declare. */
export const dataTypes = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'code'] as const;
export type DataType = (typeof dataTypes)[number];

/** The CSV header of a catalog file; `code_type` and `in_scope` are optional. */
export const catalogCsvHeader = [
  'table_name',
  'column_name',
  'data_type',
  'max_length',
  'nullable',
  'primary_key',
  'references',
  'description',
] as const;
export const catalogCsvOptionalHeader = ['code_type', 'in_scope'] as const;
/** The optional column flagging personal identifiers (`nhs_number`, `name`, ...); written only when a column has one. */
export const catalogCsvIdentifierHeader = 'identifier';

export const catalogColumnSchema = z.object({
  name: z.string().min(1),
  dataType: z.enum(dataTypes),
  maxLength: z.number().int().positive().optional(),
  nullable: z.boolean(),
  primaryKey: z.boolean(),
  /** `TABLE.COLUMN` this column refers to. */
  references: z.string().optional(),
  description: z.string().default(''),
  /** For `code` columns: the code type (crosswalk / code set name), e.g. `gender`. */
  codeType: z.string().optional(),
  /**
   * The column identifies a person (see `identifierKinds`): its values are never shown in profiles, and masked in
   * previews and exports for roles without the data.identifiable permission.
   */
  identifier: identifierKindSchema.optional(),
});
export type CatalogColumn = z.infer<typeof catalogColumnSchema>;

export const catalogTableSchema = z.object({
  name: z.string().min(1),
  inScope: z.boolean(),
  columns: z.array(catalogColumnSchema),
});
export type CatalogTable = z.infer<typeof catalogTableSchema>;

/** A schema catalog: tables and columns with types, keys, references, descriptions, code types and scope. */
export const catalogSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  tables: z.array(catalogTableSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** Counts for a catalog, as people quote them ("417 tables, 5,387 fields"). */
export function catalogSize(catalog: Catalog): { tables: number; fields: number; inScopeTables: number } {
  let fields = 0;
  let inScopeTables = 0;
  for (const t of catalog.tables) {
    fields += t.columns.length;
    if (t.inScope) inScopeTables++;
  }
  return { tables: catalog.tables.length, fields, inScopeTables };
}

export function findTable(catalog: Catalog, name: string): CatalogTable | undefined {
  return catalog.tables.find((t) => t.name === name);
}
