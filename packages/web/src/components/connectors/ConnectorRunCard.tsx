import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Connector } from '../../api/connectors-api';
import { type ReleaseProfile, releaseProfiles, runsApi } from '../../api/runs-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { useRunProgress } from '../../hooks/useRunProgress';
import { ErrorAlert } from '../ErrorAlert';
import { RunProgressView } from '../RunProgressView';

/** Starts a lifecycle run that reads this connector's CSV extracts, and follows its progress. */
export function ConnectorRunCard({ connector, projectId }: { connector: Connector; projectId: string }) {
  const [profile, setProfile] = useState<ReleaseProfile>('development');
  const [runId, setRunId] = useState<string | null>(null);
  const progress = useRunProgress(runId);
  const start = useNotifyingMutation(
    () =>
      runsApi.start(projectId, { releaseProfile: profile, source: { kind: 'connector', connectorId: connector.id } }),
    { success: (run) => `Run ${run.id.slice(0, 8)} queued`, invalidate: [['runs', projectId]] },
  );
  const running = Boolean(runId) && !progress.finished;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        Run the lifecycle from this connector
      </Title>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          The run reads these CSV extracts instead of a generated cohort
          {connector.type === 'csv-upload' ? ' (a copy taken when it starts; later uploads do not change it)' : ''}.
        </Text>
        <Group align="flex-end">
          <Select
            label="Release profile"
            data={releaseProfiles.map((p) => ({ value: p, label: p.replace('_', ' ') }))}
            value={profile}
            onChange={(v) => v && setProfile(v as ReleaseProfile)}
            allowDeselect={false}
            w={220}
          />
          <Button
            loading={start.isPending}
            disabled={running}
            onClick={() => start.mutate(undefined, { onSuccess: (run) => setRunId(run.id) })}
          >
            Run lifecycle from {connector.name}
          </Button>
        </Group>
        <ErrorAlert error={start.error} title="The run was not started" />
        {runId ? (
          <>
            <Group gap="xs">
              <Text size="sm">Run {runId.slice(0, 8)}</Text>
              <Anchor component={Link} to={`/projects/${projectId}/runs/${runId}`} size="sm">
                Open run
              </Anchor>
            </Group>
            <RunProgressView progress={progress} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
