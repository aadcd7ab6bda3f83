import { Button, Code, Drawer, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ContractRow } from '../../api/contract-api';
import { StatusBadge } from '../StatusBadge';
import { SuggestionPanel } from './SuggestionPanel';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * One contract row in full, with its review trail; editors change its transform chain or owner (a change reopens an
 * approved row to draft on the server).
 */
export function ContractRowDrawer({
  projectId,
  row,
  onClose,
  canEdit,
  locked,
  busy,
  onSave,
}: {
  projectId: string;
  row: ContractRow | null;
  onClose: () => void;
  canEdit: boolean;
  locked: boolean;
  busy: boolean;
  onSave: (row: ContractRow, change: { transform?: string[]; owner?: string }) => void;
}) {
  const [transform, setTransform] = useState('');
  const [owner, setOwner] = useState('');
  useEffect(() => {
    setTransform(row?.transform.join(', ') ?? '');
    setOwner(row?.owner ?? '');
  }, [row]);
  const parsedTransform = transform
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const changedTransform = row && parsedTransform.join() !== row.transform.join();
  const changedOwner = row && owner.trim() !== (row.owner ?? '') && owner.trim() !== '';
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={Boolean(row)}
      onClose={onClose}
      position="right"
      size="lg"
      title={row ? `${row.table}.${row.column}` : ''}
    >
      {row ? (
        <Stack>
          <Table striped={false} aria-label="Contract row">
            <Table.Tbody>
              <Field label="Status">
                <StatusBadge status={row.status} />
              </Field>
              <Field label="Domain">{row.domain}</Field>
              <Field label="Mandatory">{row.mandatory ? 'yes' : 'no'}</Field>
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
              <Field label="Crosswalk">{row.crosswalk ?? '(none)'}</Field>
              <Field label="Owner">{row.owner ?? '(none)'}</Field>
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
          <SuggestionPanel projectId={projectId} row={row} />
          {canEdit ? (
            <Stack gap="xs">
              <TextInput
                label="Transform chain"
                description="Comma-separated transform names, applied in order"
                value={transform}
                onChange={(e) => setTransform(e.currentTarget.value)}
                disabled={locked}
              />
              <TextInput
                label="Owner"
                description="Who answers for this field"
                value={owner}
                onChange={(e) => setOwner(e.currentTarget.value)}
                disabled={locked}
              />
              <Group justify="flex-end">
                <Button
                  loading={busy}
                  disabled={locked || (!changedTransform && !changedOwner)}
                  onClick={() =>
                    onSave(row, {
                      ...(changedTransform ? { transform: parsedTransform } : {}),
                      ...(changedOwner ? { owner: owner.trim() } : {}),
                    })
                  }
                >
                  Save change
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
