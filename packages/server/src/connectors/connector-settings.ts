import { FerryError, sourceConnectorType } from '@ferry/core';
import { z } from 'zod';
import type { ConnectorType } from '../db/platform-schema.js';

/** The connector types a project can configure. */
export const connectorTypes = [
  'csv-directory',
  'csv-upload',
  'postgres',
  'json',
  'xlsx',
  'dump',
  'mysql',
] as const satisfies readonly ConnectorType[];

/** Types that read a file or folder on the server (inside the organisation's allowed folders). */
export const pathConnectorTypes = new Set<ConnectorType>(['csv-directory', 'json', 'xlsx', 'dump']);
/** Types that connect to a database server (an allowed host), with a sealed password. */
export const databaseConnectorTypes = new Set<ConnectorType>(['postgres', 'mysql']);

/** The core registry's kind each server type opens through (csv types open the CSV folder reader). */
export const registryKindOf: Record<ConnectorType, string> = {
  'csv-directory': 'csv',
  'csv-upload': 'csv',
  postgres: 'postgres',
  json: 'json',
  xlsx: 'xlsx',
  dump: 'dump',
  mysql: 'mysql',
};

const sourcePath = (what: string) =>
  z
    .string()
    .min(1)
    .max(1000)
    .describe(`${what}, inside one of the organisation's source folders (set by the operator)`);

const databaseHost = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:-]+$/, 'a host name or IP address');

const encoding = z
  .enum(['auto', 'utf-8', 'windows-1252', 'latin1'])
  .default('auto')
  .describe("The files' encoding; auto: UTF-8 when valid, else Windows-1252");

/** Settings of each type (no secrets: a postgres password is given separately and sealed). */
export const connectorSettingsSchemas = {
  'csv-directory': z.strictObject({
    path: z
      .string()
      .min(1)
      .max(1000)
      .describe("A folder inside one of the organisation's source folders (set by the operator)"),
    encoding,
  }),
  'csv-upload': z.strictObject({ encoding }),
  postgres: z.strictObject({
    host: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9._:-]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1).max(63),
    user: z.string().min(1).max(63),
    schema: z.string().min(1).max(63).default('public'),
  }),
  json: z.strictObject({ path: sourcePath('A folder of .json/.ndjson/.jsonl files, or one file') }),
  xlsx: z.strictObject({ path: sourcePath('An .xlsx workbook (every sheet a table)') }),
  dump: z.strictObject({ path: sourcePath("A dump's layout file (JSON), its files beside it") }),
  mysql: z.strictObject({
    host: databaseHost,
    port: z.number().int().min(1).max(65535).default(3306),
    database: z.string().min(1).max(64),
    user: z.string().min(1).max(80),
  }),
} as const;

export type CsvDirectorySettings = z.infer<(typeof connectorSettingsSchemas)['csv-directory']>;
export type CsvUploadSettings = z.infer<(typeof connectorSettingsSchemas)['csv-upload']>;
export type PostgresSettings = z.infer<(typeof connectorSettingsSchemas)['postgres']>;
export type SourcePathSettings = z.infer<(typeof connectorSettingsSchemas)['json']>;
export type MysqlSettings = z.infer<(typeof connectorSettingsSchemas)['mysql']>;

/** A connector's type with its parsed settings. */
export type ConnectorSettings =
  | { type: 'csv-directory'; settings: CsvDirectorySettings }
  | { type: 'csv-upload'; settings: CsvUploadSettings }
  | { type: 'postgres'; settings: PostgresSettings }
  | { type: 'json' | 'xlsx' | 'dump'; settings: SourcePathSettings }
  | { type: 'mysql'; settings: MysqlSettings };

/** Parses settings for a type; a bad field is FERRY_ERR_INPUT naming `config.<field>` (never its value). */
export function parseConnectorSettings(type: ConnectorType, config: unknown): ConnectorSettings {
  const parsed = connectorSettingsSchemas[type].safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['config', ...issue.path.map(String)].join('.');
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    throw new FerryError('FERRY_ERR_INPUT', `${issue.message}${keys} for a ${type} connector`, { field: path });
  }
  return { type, settings: parsed.data } as ConnectorSettings;
}

/** What the connector-types endpoint tells a client about each type. */
export const connectorTypeDescriptions: Record<
  ConnectorType,
  { label: string; description: string; runSource: boolean }
> = {
  'csv-directory': {
    label: 'CSV directory',
    description:
      'A server-side folder of CSV extracts, one file per source table (inside the folders the operator allowed the organisation).',
    runSource: true,
  },
  'csv-upload': {
    label: 'CSV upload',
    description: 'CSV extracts uploaded to the project, one file per source table.',
    runSource: true,
  },
  postgres: {
    label: 'PostgreSQL',
    description:
      'A PostgreSQL database schema, read only in one consistent snapshot for the whole run; the password is stored encrypted and never shown.',
    runSource: true,
  },
  ...fromRegistry('json'),
  ...fromRegistry('xlsx'),
  ...fromRegistry('dump'),
  ...fromRegistry('mysql'),
};

/** A type described by the core connector registry (label and description are the registry's). */
function fromRegistry<T extends 'json' | 'xlsx' | 'dump' | 'mysql'>(
  type: T,
): Record<T, { label: string; description: string; runSource: boolean }> {
  const t = sourceConnectorType(registryKindOf[type]);
  const secret = databaseConnectorTypes.has(type) ? ' The password is stored encrypted and never shown.' : '';
  return { [type]: { label: t.label, description: `${t.description}${secret}`, runSource: true } } as Record<
    T,
    { label: string; description: string; runSource: boolean }
  >;
}
