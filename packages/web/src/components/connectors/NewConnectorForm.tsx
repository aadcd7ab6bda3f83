import { Button, Card, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  type Connector,
  type ConnectorField,
  type ConnectorType,
  type ConnectorTypeInfo,
  connectorsApi,
} from '../../api/connectors-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';
import {
  ConnectorSettingsFields,
  draftOf,
  passwordOf,
  type SettingsDraft,
  settingsOf,
} from './ConnectorSettingsFields';

const noFields: ConnectorField[] = [];

/** Configures a new connector: choose a type, name it, give its settings. */
export function NewConnectorForm({
  projectId,
  types,
  onCreated,
}: {
  projectId: string;
  types: ConnectorTypeInfo[];
  onCreated: (connector: Connector) => void;
}) {
  const offered = types.filter((t) => t.available);
  const [type, setType] = useState<ConnectorType>('csv-upload');
  const [name, setName] = useState('');
  const info = types.find((t) => t.type === type);
  const fields = info?.fields ?? noFields;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(fields));
  // Another type starts from its own defaults (a MySQL port is not a PostgreSQL one).
  useEffect(() => setDraft(draftOf(fields)), [fields]);
  const create = useNotifyingMutation(
    () =>
      connectorsApi.create(projectId, {
        name: name.trim(),
        type,
        config: settingsOf(fields, draft),
        ...passwordOf(fields, draft),
      }),
    { success: (c) => `Connector ${c.name} created`, invalidate: [['connectors', projectId]] },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, {
      onSuccess: (c) => {
        setName('');
        setDraft(draftOf(fields));
        onCreated(c);
      },
    });
  };
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        New connector
      </Title>
      <form onSubmit={submit} aria-label="New connector">
        <Stack gap="sm">
          <Select
            label="Type"
            data={offered.map((t) => ({ value: t.type, label: t.label }))}
            value={type}
            onChange={(v) => v && setType(v as ConnectorType)}
            allowDeselect={false}
          />
          {info ? (
            <Text size="xs" c="dimmed">
              {info.description}
            </Text>
          ) : null}
          <TextInput
            label="Name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <ConnectorSettingsFields fields={fields} draft={draft} onChange={setDraft} />
          <ErrorAlert error={create.error} title="The connector was not created" />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Create connector
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
