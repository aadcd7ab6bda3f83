import { z } from 'zod';
import { FerryError } from '../errors.js';
import { csvDelimiters, csvEncodings } from './csv/csv-record.js';
import { CsvSourceConnector } from './csv/csv-source-connector.js';
import { DumpSourceConnector } from './dump/dump-source-connector.js';
import { JsonSourceConnector } from './json/json-source-connector.js';
import { MysqlSourceConnector, parseMysqlSourceUrl } from './mysql/mysql-source-connector.js';
import { postgresSourceUrl } from './postgres/postgres-source.js';
import { PostgresSourceConnector } from './postgres/postgres-source-connector.js';
import type { SourceConnector } from './source-connector.js';
import { XlsxSourceConnector } from './xlsx/xlsx-source-connector.js';

/**
 * What a connector type reaches: files under a folder (or one file), or a database server. The control plane checks it
 * against the organisation's allow-list (folders and hosts) before opening anything.
 */
export type SourceReach = { kind: 'path'; path: string } | { kind: 'host'; host: string; port: number };

/** A setting of a connector type, for forms and docs. */
export interface SourceSettingInfo {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'secret' | 'enum';
  required: boolean;
  options?: readonly string[];
  /** The value a form starts with (what the settings schema defaults to). */
  default?: string | number;
  help: string;
}

/** One kind of source: how its settings look, where it reaches, and how it opens. */
export interface SourceConnectorType<S = unknown> {
  kind: string;
  label: string;
  description: string;
  /** `database` types connect to a server (host allow-list); `files` types read a folder or a file (folder allow-list). */
  family: 'files' | 'database';
  /** How `--source KIND:...` is written for this type. */
  specExample: string;
  settings: readonly SourceSettingInfo[];
  settingsSchema: z.ZodType<S>;
  /** The settings from the part of a `--source` spec after `KIND:`. */
  settingsFromSpec(rest: string): S;
  /**
   * The `--source` spec that opens these settings (the inverse of `settingsFromSpec`; a database spec carries the
   * password when the settings have one: never record it, `redactSourceSpec` first).
   */
  toSpec(settings: S): string;
  reach(settings: S): SourceReach;
  open(settings: S): Promise<SourceConnector>;
}

const pathSetting = (help: string): SourceSettingInfo => ({
  name: 'path',
  label: 'Path',
  type: 'string',
  required: true,
  help,
});

const databaseSettings = (defaultPort: number, what: string): SourceSettingInfo[] => [
  { name: 'host', label: 'Host', type: 'string', required: true, help: 'Server name or address (allow-listed)' },
  {
    name: 'port',
    label: 'Port',
    type: 'integer',
    required: true,
    default: defaultPort,
    help: `Default ${defaultPort}`,
  },
  { name: 'database', label: 'Database', type: 'string', required: true, help: what },
  { name: 'user', label: 'User', type: 'string', required: true, help: 'A read-only account' },
  { name: 'password', label: 'Password', type: 'secret', required: false, help: 'Sealed; never shown again' },
];

const csvSettings = z
  .object({
    path: z.string().min(1),
    encoding: z.enum(['auto', ...csvEncodings]).default('auto'),
    delimiter: z.enum(['auto', ...csvDelimiters]).default('auto'),
  })
  .strict();

const pathOnly = z.object({ path: z.string().min(1) }).strict();

const dbSettings = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1),
    user: z.string().min(1),
    password: z.string().optional(),
  })
  .strict();
const pgSettings = dbSettings.extend({ schema: z.string().min(1).default('public') }).strict();

function parsePostgresSpec(url: string): z.infer<typeof pgSettings> {
  let u: URL;
  try {
    u = new URL(url);
  } catch (e) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'not a PostgreSQL URL (postgres://USER@HOST:PORT/DB?schema=S)',
      {},
      { cause: e },
    );
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.hostname || !database) {
    throw new FerryError('FERRY_ERR_USAGE', 'not a PostgreSQL URL (postgres://USER@HOST:PORT/DB?schema=S)');
  }
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    database,
    user: decodeURIComponent(u.username) || 'postgres',
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    schema: u.searchParams.get('schema') || 'public',
  };
}

const csvType: SourceConnectorType<z.infer<typeof csvSettings>> = {
  kind: 'csv',
  label: 'CSV folder',
  description: 'Every .csv file of a folder is a table; encoding and delimiter detected or declared.',
  family: 'files',
  specExample: 'csv:DIR',
  settings: [
    pathSetting('A folder of .csv files, or one file'),
    {
      name: 'encoding',
      label: 'Encoding',
      type: 'enum',
      required: false,
      options: ['auto', ...csvEncodings],
      default: 'auto',
      help: 'auto: BOM or valid UTF-8, else Windows-1252',
    },
    {
      name: 'delimiter',
      label: 'Delimiter',
      type: 'enum',
      required: false,
      options: ['auto', ...csvDelimiters],
      default: 'auto',
      help: 'auto: detected from the header and a sample',
    },
  ],
  settingsSchema: csvSettings,
  settingsFromSpec: (rest) => csvSettings.parse({ path: rest }),
  toSpec: (s) => `csv:${s.path}`,
  reach: (s) => ({ kind: 'path', path: s.path }),
  open: (s) => CsvSourceConnector.open(s.path, { encoding: s.encoding, delimiter: s.delimiter }),
};

const jsonType: SourceConnectorType<z.infer<typeof pathOnly>> = {
  kind: 'json',
  label: 'JSON / NDJSON',
  description:
    'Every .json, .ndjson or .jsonl file of a folder is a table: an array of records or one per line; nested objects flattened with dotted names.',
  family: 'files',
  specExample: 'json:DIR',
  settings: [pathSetting('A folder of JSON files, or one file')],
  settingsSchema: pathOnly,
  settingsFromSpec: (rest) => pathOnly.parse({ path: rest }),
  toSpec: (s) => `json:${s.path}`,
  reach: (s) => ({ kind: 'path', path: s.path }),
  open: (s) => JsonSourceConnector.open(s.path),
};

const xlsxType: SourceConnectorType<z.infer<typeof pathOnly>> = {
  kind: 'xlsx',
  label: 'Excel workbook',
  description: 'Every sheet of an .xlsx workbook is a table, its first row the header; dates read as dates; streamed.',
  family: 'files',
  specExample: 'xlsx:FILE.xlsx',
  settings: [pathSetting('An .xlsx file')],
  settingsSchema: pathOnly,
  settingsFromSpec: (rest) => pathOnly.parse({ path: rest }),
  toSpec: (s) => `xlsx:${s.path}`,
  reach: (s) => ({ kind: 'path', path: s.path }),
  open: (s) => XlsxSourceConnector.open(s.path),
};

const dumpType: SourceConnectorType<z.infer<typeof pathOnly>> = {
  kind: 'dump',
  label: 'Fixed-width or delimited dump',
  description:
    'Legacy dumps (MUMPS/Caché global exports and the like) described by a layout file: a delimiter such as ^ or | or fixed positions, and an encoding.',
  family: 'files',
  specExample: 'dump:LAYOUT.json',
  settings: [pathSetting('The layout file (JSON); its files are beside it')],
  settingsSchema: pathOnly,
  settingsFromSpec: (rest) => pathOnly.parse({ path: rest }),
  toSpec: (s) => `dump:${s.path}`,
  reach: (s) => ({ kind: 'path', path: s.path }),
  open: (s) => DumpSourceConnector.open(s.path),
};

const postgresType: SourceConnectorType<z.infer<typeof pgSettings>> = {
  kind: 'postgres',
  label: 'PostgreSQL',
  description: 'The tables of a schema, read in one consistent snapshot (REPEATABLE READ) for the whole run.',
  family: 'database',
  specExample: 'postgres://USER@HOST:5432/DB?schema=S',
  settings: [
    ...databaseSettings(5432, 'The database'),
    { name: 'schema', label: 'Schema', type: 'string', required: false, default: 'public', help: 'Default public' },
  ],
  settingsSchema: pgSettings,
  settingsFromSpec: (rest) => pgSettings.parse(parsePostgresSpec(`postgres:${rest}`)),
  toSpec: (s) => `${postgresSourceUrl(s)}?schema=${encodeURIComponent(s.schema)}`,
  reach: (s) => ({ kind: 'host', host: s.host, port: s.port }),
  open: (s) => PostgresSourceConnector.open(postgresType.toSpec(s)),
};

const mysqlType: SourceConnectorType<z.infer<typeof dbSettings>> = {
  kind: 'mysql',
  label: 'MySQL / MariaDB',
  description: 'The tables of a database, read in one consistent snapshot for the whole run (driver: mysql2).',
  family: 'database',
  specExample: 'mysql://USER@HOST:3306/DB',
  settings: databaseSettings(3306, 'The database whose tables are the source'),
  settingsSchema: dbSettings,
  settingsFromSpec: (rest) => dbSettings.parse(parseMysqlSourceUrl(`mysql:${rest}`)),
  toSpec: (s) => postgresSourceUrl(s).replace(/^postgres:/, 'mysql:'),
  reach: (s) => ({ kind: 'host', host: s.host, port: s.port }),
  open: (s) => MysqlSourceConnector.open(s),
};

/**
 * The registry of source connector types, read by the CLI (`--source KIND:...`), the server (connector types, test,
 * discover, preview, run) and the web (through the API's connector-types route). A new source is one entry here.
 */
export const sourceConnectorTypes: readonly SourceConnectorType<never>[] = [
  csvType,
  jsonType,
  xlsxType,
  dumpType,
  postgresType,
  mysqlType,
] as unknown as SourceConnectorType<never>[];

/** Other names a spec may start with. */
const kindAliases: Record<string, string> = {
  ndjson: 'json',
  jsonl: 'json',
  excel: 'xlsx',
  postgresql: 'postgres',
  mariadb: 'mysql',
};

/** The connector type of a kind (or alias); FERRY_ERR_USAGE naming the kinds there are. */
export function sourceConnectorType(kind: string): SourceConnectorType<unknown> {
  const found = sourceConnectorTypes.find((t) => t.kind === (kindAliases[kind] ?? kind));
  if (!found) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `unknown source kind '${kind}'; kinds: ${sourceConnectorTypes.map((t) => t.kind).join(', ')}`,
    );
  }
  return found as SourceConnectorType<unknown>;
}

/** A source named on a command line: its type and validated settings. */
export interface SourceSpec {
  type: SourceConnectorType<unknown>;
  settings: unknown;
}

/**
 * Parses `--source KIND:REST` (`csv:DIR`, `json:DIR`, `ndjson:FILE`, `xlsx:FILE`, `dump:LAYOUT.json`,
 * `postgres://USER@HOST/DB?schema=S`, `mysql://USER@HOST/DB`). A spec without a known kind is a CSV path (`DIR`).
 * Invalid settings: FERRY_ERR_USAGE.
 */
export function parseSourceSpec(spec: string): SourceSpec {
  const m = /^([a-z]+):(.*)$/s.exec(spec);
  const kind = m?.[1];
  const known =
    kind !== undefined && (kindAliases[kind] !== undefined || sourceConnectorTypes.some((t) => t.kind === kind));
  const type = known ? sourceConnectorType(kind) : sourceConnectorType('csv');
  const rest = known ? m![2]! : spec;
  try {
    return { type, settings: type.settingsFromSpec(rest) };
  } catch (e) {
    if (e instanceof FerryError) throw e;
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `invalid --source ${type.specExample}: ${(e as Error).message}`,
      {},
      { cause: e },
    );
  }
}

/** Opens the source a spec names. */
export function openSourceSpec(spec: string): Promise<SourceConnector> {
  const { type, settings } = parseSourceSpec(spec);
  return type.open(settings);
}

/** A spec safe to record and show: a database URL's password replaced by `***`. */
export function redactSourceSpec(spec: string): string {
  return spec.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/** Whether a spec names a database source (whose password a record must not keep). */
export function isDatabaseSourceSpec(spec: string): boolean {
  return parseSourceSpec(spec).type.family === 'database';
}
