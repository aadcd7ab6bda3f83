import { NumberInput, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import type { ConnectorField } from '../../api/connectors-api';

/** The values a settings form edits, by field name (a secret starts empty: it is never known). */
export type SettingsDraft = Record<string, string | number>;

/** A draft from a type's fields: the stored settings where there are some, else each field's default. */
export function draftOf(fields: readonly ConnectorField[], config: Record<string, unknown> = {}): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const f of fields) {
    const stored = config[f.name];
    draft[f.name] =
      f.type !== 'secret' && (typeof stored === 'string' || typeof stored === 'number') ? stored : (f.default ?? '');
  }
  return draft;
}

/** The settings the API takes, from a draft: every field but the secret; numbers as numbers, text trimmed. */
export function settingsOf(fields: readonly ConnectorField[], d: SettingsDraft): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.type === 'secret') continue;
    const v = d[f.name] ?? '';
    if (f.type === 'integer') settings[f.name] = v === '' ? undefined : Number(v);
    else if (String(v).trim() !== '' || f.required) settings[f.name] = String(v).trim();
  }
  return settings;
}

/** The password typed into a draft, when the type has one and something was typed (else none: it stays as stored). */
export function passwordOf(fields: readonly ConnectorField[], d: SettingsDraft): { password: string } | object {
  const secret = fields.find((f) => f.type === 'secret');
  const typed = secret ? String(d[secret.name] ?? '') : '';
  return typed ? { password: typed } : {};
}

/** Friendlier names of option values (an option not listed shows as it is). */
const optionLabels: Record<string, string> = {
  auto: 'Detect',
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  latin1: 'ISO-8859-1 (Latin-1)',
};

/**
 * The fields of one connector type, as the server describes them (labels, defaults, options and help come from the
 * connector registry: no field is special-cased here); a secret field is write-only and says whether one is stored.
 */
export function ConnectorSettingsFields({
  fields,
  draft,
  onChange,
  passwordSet = false,
}: {
  fields: readonly ConnectorField[];
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  passwordSet?: boolean;
}) {
  const set = (name: string, value: string | number) => onChange({ ...draft, [name]: value });
  return (
    <Stack gap="xs">
      {fields.map((f) => {
        const value = draft[f.name] ?? '';
        if (f.type === 'secret') {
          return (
            <PasswordInput
              key={f.name}
              label={f.label}
              description={
                passwordSet
                  ? 'A password is stored (encrypted, never shown). Type a new one to replace it.'
                  : 'Stored encrypted; never shown again.'
              }
              autoComplete="new-password"
              value={String(value)}
              onChange={(e) => set(f.name, e.currentTarget.value)}
            />
          );
        }
        if (f.type === 'enum') {
          return (
            <Select
              key={f.name}
              label={f.label}
              description={f.help}
              data={(f.options ?? []).map((o) => ({ value: o, label: optionLabels[o] ?? o }))}
              value={String(value)}
              onChange={(v) => v && set(f.name, v)}
              allowDeselect={false}
            />
          );
        }
        if (f.type === 'integer') {
          return (
            <NumberInput
              key={f.name}
              label={f.label}
              description={f.help}
              required
              min={1}
              value={value}
              onChange={(v) => set(f.name, v)}
            />
          );
        }
        return (
          <TextInput
            key={f.name}
            label={f.label}
            description={f.help}
            required={f.required}
            value={String(value)}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        );
      })}
    </Stack>
  );
}
