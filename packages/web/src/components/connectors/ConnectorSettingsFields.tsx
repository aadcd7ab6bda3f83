import { Group, NumberInput, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import type { ConnectorType, CsvEncoding } from '../../api/connectors-api';

/** The settings a form edits, for every type (only the type's own are sent). */
export interface SettingsDraft {
  path: string;
  encoding: CsvEncoding;
  host: string;
  port: number | string;
  database: string;
  user: string;
  schema: string;
  password: string;
}

export const emptyDraft: SettingsDraft = {
  path: '',
  encoding: 'auto',
  host: '',
  port: 5432,
  database: '',
  user: '',
  schema: 'public',
  password: '',
};

/** A draft from a connector's stored settings (the password is never known: it stays empty). */
export function draftOf(config: Record<string, unknown>): SettingsDraft {
  const text = (k: keyof SettingsDraft) => (typeof config[k] === 'string' ? (config[k] as string) : emptyDraft[k]);
  return {
    path: text('path') as string,
    encoding: text('encoding') as CsvEncoding,
    host: text('host') as string,
    port: typeof config.port === 'number' ? config.port : 5432,
    database: text('database') as string,
    user: text('user') as string,
    schema: text('schema') as string,
    password: '',
  };
}

/** The settings the API takes for a type, from a draft. */
export function settingsOf(type: ConnectorType, d: SettingsDraft): Record<string, unknown> {
  if (type === 'csv-directory') return { path: d.path.trim(), encoding: d.encoding };
  if (type === 'csv-upload') return { encoding: d.encoding };
  if (type === 'json' || type === 'xlsx' || type === 'dump') return { path: d.path.trim() };
  if (type === 'mysql') {
    return { host: d.host.trim(), port: Number(d.port), database: d.database.trim(), user: d.user.trim() };
  }
  return {
    host: d.host.trim(),
    port: Number(d.port),
    database: d.database.trim(),
    user: d.user.trim(),
    schema: d.schema.trim(),
  };
}

const encodings = [
  { value: 'auto', label: 'Detect (UTF-8, else Windows-1252)' },
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252' },
  { value: 'latin1', label: 'ISO-8859-1 (Latin-1)' },
];

/** The fields of one connector type; the password field is write-only (it says whether one is stored). */
export function ConnectorSettingsFields({
  type,
  draft,
  onChange,
  passwordSet = false,
}: {
  type: ConnectorType;
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  passwordSet?: boolean;
}) {
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => onChange({ ...draft, [key]: value });
  if (type === 'json' || type === 'xlsx' || type === 'dump') {
    const what = {
      json: 'A folder of .json, .ndjson or .jsonl files (or one file)',
      xlsx: 'An .xlsx workbook: every sheet is a table',
      dump: "The dump's layout file (JSON): delimiter or positions, and encoding",
    }[type];
    return (
      <TextInput
        label="Server path"
        description={`${what}, inside one of the organisation's allowed source folders`}
        required
        value={draft.path}
        onChange={(e) => set('path', e.currentTarget.value)}
      />
    );
  }
  if (type === 'postgres' || type === 'mysql') {
    return (
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput label="Host" required value={draft.host} onChange={(e) => set('host', e.currentTarget.value)} />
          <NumberInput label="Port" required min={1} max={65535} value={draft.port} onChange={(v) => set('port', v)} />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Database"
            required
            value={draft.database}
            onChange={(e) => set('database', e.currentTarget.value)}
          />
          {type === 'postgres' ? (
            <TextInput
              label="Schema"
              required
              value={draft.schema}
              onChange={(e) => set('schema', e.currentTarget.value)}
            />
          ) : null}
        </Group>
        <TextInput label="User" required value={draft.user} onChange={(e) => set('user', e.currentTarget.value)} />
        <PasswordInput
          label="Password"
          description={
            passwordSet
              ? 'A password is stored (encrypted, never shown). Type a new one to replace it.'
              : 'Stored encrypted; never shown again.'
          }
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => set('password', e.currentTarget.value)}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {type === 'csv-directory' ? (
        <TextInput
          label="Server folder"
          description="A folder inside one of the organisation's allowed source folders (Settings → Targets); relative paths start at the first"
          required
          value={draft.path}
          onChange={(e) => set('path', e.currentTarget.value)}
        />
      ) : null}
      <Select
        label="Encoding"
        data={encodings}
        value={draft.encoding}
        onChange={(v) => v && set('encoding', v as CsvEncoding)}
        allowDeselect={false}
      />
    </Stack>
  );
}
