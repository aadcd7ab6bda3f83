import { Alert, Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Connector } from '../../api/connectors-api';
import { type SourceDraft, sourceApi } from '../../api/source-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';

const count = (n: number) => n.toLocaleString('en-GB');

/** The counts of a draft, one row per thing made. */
function DraftCounts({ draft }: { draft: SourceDraft }) {
  const { catalog, profile, contract } = draft;
  return (
    <Table aria-label="What the draft made" fz="sm" withRowBorders={false}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th>Source catalog (version {catalog.seq})</Table.Th>
          <Table.Td>
            {count(catalog.tables)} tables ({count(catalog.inScopeTables)} in scope), {count(catalog.columns)} columns;{' '}
            {count(catalog.primaryKeys)} primary keys, {count(catalog.references)} references inferred
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Profile</Table.Th>
          <Table.Td>
            {count(profile.rows)} rows in {count(profile.tables)} tables, {count(profile.columns)} columns profiled
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Contract (version {contract.seq})</Table.Th>
          <Table.Td>
            {count(contract.matchedTables)} of {count(contract.targetTables)} target tables matched;{' '}
            {count(contract.suggestedRows)} of {count(contract.targetFields)} target fields suggested;{' '}
            {count(contract.rows)} rows, every one draft
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/**
 * Drafts the project's own source from this connector's CSV extracts: its source catalog (types, keys, references,
 * scope inferred), the extract's profile, and the auto-mapper's suggestion as a new draft contract version; then
 * leads to Mappings to review it.
 */
export function ConnectorDraftCard({ connector, projectId }: { connector: Connector; projectId: string }) {
  const [draft, setDraft] = useState<SourceDraft | null>(null);
  const source = useQuery({ queryKey: ['source', projectId], queryFn: () => sourceApi.get(projectId) });
  const run = useNotifyingMutation(() => sourceApi.draft(projectId, connector.id), {
    success: (d) => `Drafted source catalog version ${d.catalog.seq} and contract version ${d.contract.seq}`,
    invalidate: [
      ['source', projectId],
      ['contract', projectId],
      ['catalog', projectId],
      ['profile', projectId],
    ],
  });
  const current = source.data;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        Draft catalog and contract from this source
      </Title>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          Reads {connector.name}'s CSV files, infers the source catalog (types, keys, references, scope: all editable),
          profiles the data and maps it to the target: the suggestion becomes the project's next contract version, every
          row draft with its confidence and reason. Runs then read with this catalog and contract.
        </Text>
        {current ? (
          <Text size="sm" data-testid="source-origin">
            {current.origin === 'project'
              ? `This project reads its own source catalog ${current.name} (version ${current.version?.seq}, ${current.counts.tables} tables); a new draft replaces it with a new version.`
              : `This project reads its pack's example source catalog (${current.counts.tables} tables) until a draft.`}
          </Text>
        ) : null}
        <Group>
          <Button loading={run.isPending} onClick={() => run.mutate(undefined, { onSuccess: setDraft })}>
            Draft catalog and contract from this source
          </Button>
          {current?.origin === 'project' ? (
            <Anchor href={sourceApi.catalogCsvUrl(projectId)} size="sm">
              Download the source catalog CSV
            </Anchor>
          ) : null}
        </Group>
        <ErrorAlert error={run.error ?? source.error} title="The source was not drafted" />
        {draft ? (
          <Stack gap="xs" data-testid="source-draft-result">
            <DraftCounts draft={draft} />
            <Group>
              <Button component={Link} to={`/projects/${projectId}/mappings`} variant="light">
                Review the draft in Mappings
              </Button>
            </Group>
            {draft.contract.toFix.length ? (
              <Alert color="yellow" title={`${draft.contract.toFix.length} row(s) to fix before it loads`}>
                <List size="sm">
                  {draft.contract.toFix.map((f) => (
                    <List.Item key={`${f.table}.${f.column ?? ''}.${f.code}.${f.message}`}>
                      {f.table}
                      {f.column ? `.${f.column}` : ''}: {f.code} {f.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Text size="sm">The draft loads as it is; review each row and approve it before cutover.</Text>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
