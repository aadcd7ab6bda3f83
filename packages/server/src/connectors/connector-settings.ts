import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { ConnectorType } from '../db/platform-schema.js';

/** The connector types a project can configure. */
export const connectorTypes = ['csv-directory', 'csv-upload', 'postgres'] as const satisfies readonly ConnectorType[];

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
} as const;

export type CsvDirectorySettings = z.infer<(typeof connectorSettingsSchemas)['csv-directory']>;
export type CsvUploadSettings = z.infer<(typeof connectorSettingsSchemas)['csv-upload']>;
export type PostgresSettings = z.infer<(typeof connectorSettingsSchemas)['postgres']>;

/** A connector's type with its parsed settings. */
export type ConnectorSettings =
  | { type: 'csv-directory'; settings: CsvDirectorySettings }
  | { type: 'csv-upload'; settings: CsvUploadSettings }
  | { type: 'postgres'; settings: PostgresSettings };

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
    description: 'A PostgreSQL database schema, read only; the password is stored encrypted and never shown.',
    runSource: false,
  },
};
