import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type Connector, type ConnectorField, connectorsApi } from '../../api/connectors-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';
import {
  ConnectorSettingsFields,
  draftOf,
  passwordOf,
  type SettingsDraft,
  settingsOf,
} from './ConnectorSettingsFields';

/** A connector's settings: read-only without connector.manage; otherwise editable, with delete. */
export function ConnectorSettingsCard({
  connector,
  fields,
  mayManage,
  onDeleted,
}: {
  connector: Connector;
  /** The settings form of the connector's type (from the connector-types endpoint). */
  fields: readonly ConnectorField[];
  mayManage: boolean;
  onDeleted: () => void;
}) {
  const [name, setName] = useState(connector.name);
  const [draft, setDraft] = useState<SettingsDraft>(draftOf(fields, connector.config));
  useEffect(() => {
    setName(connector.name);
    setDraft(draftOf(fields, connector.config));
  }, [connector, fields]);
  const hasSecret = fields.some((f) => f.type === 'secret');
  const key = ['connectors', connector.projectId];
  const save = useNotifyingMutation(
    () =>
      connectorsApi.update(connector.id, {
        name: name.trim(),
        config: settingsOf(fields, draft),
        ...passwordOf(fields, draft),
      }),
    { success: (c) => `Connector ${c.name} saved`, invalidate: [key] },
  );
  const remove = useNotifyingMutation(() => connectorsApi.remove(connector.id), {
    success: `Connector ${connector.name} deleted`,
    invalidate: [key],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  if (!mayManage) {
    return (
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Settings
        </Title>
        {Object.entries(connector.config).map(([k, v]) => (
          <Text size="sm" key={k}>
            {k}: {String(v)}
          </Text>
        ))}
        {hasSecret ? <Text size="sm">password: {connector.passwordSet ? 'set (never shown)' : 'not set'}</Text> : null}
      </Card>
    );
  }
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Settings
      </Title>
      <form onSubmit={submit} aria-label="Connector settings">
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <ConnectorSettingsFields
            fields={fields}
            draft={draft}
            onChange={setDraft}
            passwordSet={connector.passwordSet}
          />
          <ErrorAlert error={save.error ?? remove.error} title="Not saved" />
          <Group justify="space-between">
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
            <Button
              color="red.9"
              variant="outline"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
            >
              Delete connector
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
