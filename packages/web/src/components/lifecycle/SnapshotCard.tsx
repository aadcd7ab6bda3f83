import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type Run, runsApi } from '../../api/runs-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../StatusBadge';

const label = (r: Run) =>
  `${r.id.slice(0, 8)} · ${new Date(r.createdAt).toLocaleString('en-GB')} · ${r.outcome ?? r.status}` +
  (r.toStage ? ` (to ${r.toStage})` : '');

/**
 * Snapshots: each finished run keeps its stages' artefacts. The current run (the latest, or one restored) is the base
 * of the next rerun from a stage or single stage; restoring an earlier run makes it current and its evidence the
 * current evidence.
 */
export function SnapshotCard({
  projectId,
  mayRestore,
  busy,
}: {
  projectId: string;
  mayRestore: boolean;
  busy: boolean;
}) {
  const current = useQuery({
    queryKey: ['current-run', projectId],
    queryFn: () => runsApi.current(projectId),
    refetchOnMount: 'always',
  });
  const runs = useQuery({ queryKey: ['runs', projectId, 1, 100], queryFn: () => runsApi.list(projectId, 1, 100) });
  const restorable = (runs.data?.items ?? []).filter(
    (r) => (r.status === 'succeeded' || r.status === 'failed') && r.lifecycleRunId,
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const restore = useNotifyingMutation((runId: string) => runsApi.restore(runId), {
    success: (c) => `Run ${c.runId?.slice(0, 8) ?? c.lifecycleRunId} restored: it is the current run`,
    invalidate: [['current-run', projectId]],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) restore.mutate(chosen);
  };
  const c = current.data;
  const currentRun = restorable.find((r) => r.id === c?.runId);
  return (
    <Card withBorder mt="md">
      <Title order={3} size="h5" mb="xs">
        Snapshots
      </Title>
      <ErrorAlert error={current.error ?? runs.error} />
      {c?.runId ? (
        <Text size="sm" mb="sm">
          Current run{' '}
          <Anchor component={Link} to={`/projects/${projectId}/runs/${c.runId}`} size="sm">
            {c.runId.slice(0, 8)}
          </Anchor>{' '}
          {currentRun?.outcome ? <StatusBadge status={currentRun.outcome} /> : null}{' '}
          {c.restored ? '(restored)' : '(the latest)'}: reruns reuse its artefacts.
        </Text>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          No run yet.
        </Text>
      )}
      {mayRestore ? (
        <form onSubmit={submit} aria-label="Restore a snapshot">
          <Stack gap="sm">
            <Group align="flex-end" grow>
              <Select
                label="Run to restore"
                placeholder="Choose a finished run"
                data={restorable.map((r) => ({ value: r.id, label: label(r) }))}
                value={chosen}
                onChange={setChosen}
                searchable
              />
            </Group>
            <ErrorAlert error={restore.error} title="The snapshot was not restored" />
            <Button type="submit" variant="outline" disabled={!chosen || busy} loading={restore.isPending}>
              Restore snapshot
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="gray">Your role cannot restore snapshots (lifecycle.run).</Alert>
      )}
    </Card>
  );
}
