import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Run } from '../api/runs-api';
import { targetsApi } from '../api/targets-api';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { ErrorAlert } from './ErrorAlert';

/**
 * The confirmation of a rollback: names the job, its target and, per table, the rows it removes and restores, or
 * the reason it would be refused (as `ferry rollback` refuses it); confirming sends the job the person saw.
 */
export function RollbackDialog({ run, onClose }: { run: Run | null; onClose: () => void }) {
  const preview = useQuery({
    queryKey: ['rollback-preview', run?.id],
    queryFn: () => targetsApi.rollbackPreview(run!.id),
    enabled: Boolean(run),
    retry: false,
    gcTime: 0,
  });
  const rollback = useNotifyingMutation(
    (p: { runId: string; jobId: string }) => targetsApi.rollback(p.runId, p.jobId),
    {
      success: (_, p) => `Job ${p.jobId} rolled back`,
      invalidate: [['runs'], ['run']],
    },
  );
  const p = preview.data;
  const removed = p?.tables.reduce((n, t) => n + t.rows, 0) ?? 0;
  const restored = p?.tables.reduce((n, t) => n + t.restored, 0) ?? 0;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={Boolean(run)}
      onClose={onClose}
      size="lg"
      title={p ? `Roll back job ${p.jobId}?` : 'Roll back the load?'}
    >
      <ErrorAlert error={preview.error} title="Cannot roll back" />
      {p ? (
        <Stack gap="sm">
          <Text size="sm">
            Job <b>{p.jobId}</b> in {p.target} ({p.status}): {removed} rows removed and {restored} rows restored to
            their values before the job, children first, in one transaction. Other jobs' rows are untouched.
          </Text>
          <Table aria-label="Rows the rollback undoes" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Table</Table.Th>
                <Table.Th>Rows removed</Table.Th>
                <Table.Th>Rows restored</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.tables.map((t) => (
                <Table.Tr key={t.table}>
                  <Table.Td>{t.table}</Table.Td>
                  <Table.Td>{t.rows}</Table.Td>
                  <Table.Td>{t.restored}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {p.refusal ? (
            <Alert color="red" title="Refused">
              {p.refusal}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color="red"
              disabled={Boolean(p.refusal)}
              loading={rollback.isPending}
              onClick={() => rollback.mutate({ runId: p.runId, jobId: p.jobId }, { onSuccess: onClose })}
            >
              Roll back job {p.jobId}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
