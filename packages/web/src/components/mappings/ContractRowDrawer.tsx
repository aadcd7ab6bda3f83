import { Alert, Button, Code, Divider, Drawer, Grid, Group, List, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContractFinding, ContractRow, ContractRowPatch } from '../../api/contract-api';
import { useSession } from '../../hooks/useSession';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../StatusBadge';
import { ContractRowEditor } from './ContractRowEditor';
import { SourceColumnProfile } from './SourceColumnProfile';
import { SuggestionPanel } from './SuggestionPanel';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** What the server said about the row after the last change: what still stops it loading, and warnings. */
function Findings({ findings }: { findings: ContractFinding[] }) {
  if (findings.length === 0) return null;
  const errors = findings.some((f) => f.severity === 'error');
  return (
    <Alert color={errors ? 'orange' : 'yellow'} title="Before this row loads" role="status">
      <List size="sm">
        {findings.map((f) => (
          <List.Item key={`${f.code}:${f.message}`}>
            <Code>{f.code}</Code> {f.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * One contract row in full, with its review trail, the editor (for people who may edit), and beside it the profile
 * of each source column the row reads (from the latest profiled run) and the map stage's suggestion.
 */
export function ContractRowDrawer({
  projectId,
  row,
  onClose,
  canEdit,
  locked,
  busy,
  error,
  findings,
  onSave,
  onRemove,
}: {
  projectId: string;
  row: ContractRow | null;
  onClose: () => void;
  canEdit: boolean;
  locked: boolean;
  busy: boolean;
  /** Why the last change was refused. */
  error: unknown;
  /** The server's findings for this row after the last change. */
  findings: ContractFinding[];
  onSave: (row: ContractRow, patch: ContractRowPatch) => void;
  onRemove: (row: ContractRow) => void;
}) {
  const { can } = useSession();
  const [profiled, setProfiled] = useState<string[]>([]);
  const [confirmRemove, setConfirmRemove] = useState(false);
  useEffect(() => {
    setProfiled(row?.constant === null ? (row?.source ?? []) : []);
    setConfirmRemove(false);
  }, [row]);
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={Boolean(row)}
      onClose={onClose}
      position="right"
      size="85%"
      title={row ? `${row.table}.${row.column}` : ''}
    >
      {row ? (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <Table striped={false} aria-label="Contract row">
                <Table.Tbody>
                  <Field label="Status">
                    <StatusBadge status={row.status} />
                  </Field>
                  <Field label="Domain">{row.domain}</Field>
                  <Field label="Source">
                    {row.constant !== null ? (
                      <Text size="sm">
                        constant <Code>{row.constant}</Code>
                      </Text>
                    ) : (
                      <Code>{row.source.map((s) => `${row.sourceTable}.${s}`).join(', ') || '(none)'}</Code>
                    )}
                  </Field>
                  <Field label="Transform">
                    <Code>{row.transform.join(' → ') || '(none)'}</Code>
                  </Field>
                  <Field label="Reviewer">
                    {row.reviewer
                      ? `${row.reviewer} at ${row.reviewedAt ? new Date(row.reviewedAt).toLocaleString('en-GB') : ''}`
                      : '(none)'}
                  </Field>
                  <Field label="Last changed by">{row.lastAuthor ?? 'unchanged since the pack'}</Field>
                  <Field label="Notes / reason">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {row.notes ?? '(none)'}
                    </Text>
                  </Field>
                </Table.Tbody>
              </Table>
              <ErrorAlert error={error} title="The change was not saved" />
              <Findings findings={findings} />
              {canEdit ? (
                <>
                  <Divider label="Edit" labelPosition="left" />
                  <ContractRowEditor
                    projectId={projectId}
                    row={row}
                    locked={locked}
                    busy={busy}
                    onSave={(patch) => onSave(row, patch)}
                    onSourceChange={setProfiled}
                  />
                  {locked ? null : confirmRemove ? (
                    <Alert color="red" title={`Remove ${row.table}.${row.column}?`}>
                      <Text size="sm">
                        The row leaves the next version of the contract (earlier versions keep it). A target column
                        without a row will not load until a row is added back.
                      </Text>
                      <Group mt="sm" justify="flex-end">
                        <Button variant="default" onClick={() => setConfirmRemove(false)}>
                          Keep it
                        </Button>
                        <Button color="red" loading={busy} onClick={() => onRemove(row)}>
                          Remove the row
                        </Button>
                      </Group>
                    </Alert>
                  ) : (
                    <Group justify="flex-start">
                      <Button variant="subtle" color="red" size="xs" onClick={() => setConfirmRemove(true)}>
                        Remove this row…
                      </Button>
                    </Group>
                  )}
                </>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              {can('catalog.read') ? (
                profiled.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Pick a source column to see its profile.
                  </Text>
                ) : (
                  profiled.map((column) => (
                    <SourceColumnProfile key={column} projectId={projectId} table={row.sourceTable} column={column} />
                  ))
                )
              ) : null}
              <SuggestionPanel projectId={projectId} row={row} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
    </Drawer>
  );
}
