import { Badge, Card, Grid, NavLink, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { type Connector, type ConnectorField, connectorsApi } from '../api/connectors-api';
import { ConnectorDraftCard } from '../components/connectors/ConnectorDraftCard';
import { ConnectorFilesCard } from '../components/connectors/ConnectorFilesCard';
import { ConnectorPreviewCard } from '../components/connectors/ConnectorPreviewCard';
import { ConnectorRunCard } from '../components/connectors/ConnectorRunCard';
import { ConnectorSchemaCard } from '../components/connectors/ConnectorSchemaCard';
import { ConnectorSettingsCard } from '../components/connectors/ConnectorSettingsCard';
import { ConnectorTestCard } from '../components/connectors/ConnectorTestCard';
import { NewConnectorForm } from '../components/connectors/NewConnectorForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const typeLabel: Record<Connector['type'], string> = {
  'csv-directory': 'CSV directory',
  'csv-upload': 'CSV upload',
  postgres: 'PostgreSQL',
  json: 'JSON / NDJSON',
  xlsx: 'Excel workbook',
  dump: 'Fixed-width / delimited dump',
  mysql: 'MySQL / MariaDB',
};

/**
 * Connectors: where the project's legacy extracts come from. Choose a type and configure it, upload CSV extracts,
 * test, discover the schema, preview rows (audited) and run the lifecycle from a CSV connector. Actions a role may
 * not take are not shown.
 */
const noFields: ConnectorField[] = [];

export function ConnectorsPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const mayManage = can('connector.manage');
  const [params, setParams] = useSearchParams();
  const types = useQuery({
    queryKey: ['connector-types'],
    queryFn: connectorsApi.types,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const connectors = useQuery({ queryKey: ['connectors', projectId], queryFn: () => connectorsApi.list(projectId) });
  const selectedId = params.get('connector') ?? connectors.data?.[0]?.id ?? null;
  const selected = connectors.data?.find((c) => c.id === selectedId) ?? null;
  const select = (id: string | null) => setParams(id ? { connector: id } : {}, { replace: true });
  const runSource = types.data?.find((t) => t.type === selected?.type)?.runSource ?? false;
  const mayPreview = can('connector.preview');
  const mayRun = runSource && can('lifecycle.run');
  const mayDraft = runSource && can('contract.edit');
  return (
    <>
      <PageHeader title="Connectors" description="Where this project's legacy extracts come from" />
      <ErrorAlert error={connectors.error ?? types.error} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                Connectors
              </Title>
              <nav aria-label="Connectors of this project">
                {(connectors.data ?? []).map((c) => (
                  <NavLink
                    key={c.id}
                    label={c.name}
                    description={typeLabel[c.type]}
                    active={c.id === selected?.id}
                    onClick={() => select(c.id)}
                    rightSection={
                      c.passwordSet ? (
                        <Badge size="xs" variant="outline">
                          password set
                        </Badge>
                      ) : null
                    }
                  />
                ))}
              </nav>
              {connectors.data && !connectors.data.length ? (
                <Text size="sm" c="dimmed">
                  No connector yet.
                </Text>
              ) : null}
            </Card>
            {mayManage && types.data ? (
              <NewConnectorForm projectId={projectId} types={types.data} onCreated={(c) => select(c.id)} />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <Stack key={selected.id} gap="sm">
              <Title order={2} size="h4">
                {selected.name} <Badge variant="light">{typeLabel[selected.type]}</Badge>
              </Title>
              <Tabs defaultValue={selected.type === 'csv-upload' ? 'files' : 'settings'} keepMounted>
                <Tabs.List aria-label="Connector">
                  <Tabs.Tab value="settings">Settings</Tabs.Tab>
                  {selected.type === 'csv-upload' ? <Tabs.Tab value="files">Files</Tabs.Tab> : null}
                  {mayManage ? <Tabs.Tab value="test">Test</Tabs.Tab> : null}
                  <Tabs.Tab value="schema">Schema</Tabs.Tab>
                  {mayPreview ? <Tabs.Tab value="preview">Preview rows</Tabs.Tab> : null}
                  {mayDraft ? <Tabs.Tab value="draft">Draft source</Tabs.Tab> : null}
                  {mayRun ? <Tabs.Tab value="run">Run</Tabs.Tab> : null}
                </Tabs.List>
                <Tabs.Panel value="settings" pt="sm">
                  <ConnectorSettingsCard
                    connector={selected}
                    fields={types.data?.find((t) => t.type === selected.type)?.fields ?? noFields}
                    mayManage={mayManage}
                    onDeleted={() => select(null)}
                  />
                </Tabs.Panel>
                {selected.type === 'csv-upload' ? (
                  <Tabs.Panel value="files" pt="sm">
                    <ConnectorFilesCard connector={selected} mayManage={mayManage} />
                  </Tabs.Panel>
                ) : null}
                {mayManage ? (
                  <Tabs.Panel value="test" pt="sm">
                    <ConnectorTestCard connector={selected} />
                  </Tabs.Panel>
                ) : null}
                <Tabs.Panel value="schema" pt="sm">
                  <ConnectorSchemaCard connector={selected} />
                </Tabs.Panel>
                {mayPreview ? (
                  <Tabs.Panel value="preview" pt="sm">
                    <ConnectorPreviewCard connector={selected} />
                  </Tabs.Panel>
                ) : null}
                {mayDraft ? (
                  <Tabs.Panel value="draft" pt="sm">
                    <ConnectorDraftCard connector={selected} projectId={projectId} />
                  </Tabs.Panel>
                ) : null}
                {mayRun ? (
                  <Tabs.Panel value="run" pt="sm">
                    <ConnectorRunCard connector={selected} projectId={projectId} />
                  </Tabs.Panel>
                ) : null}
              </Tabs>
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>
    </>
  );
}
