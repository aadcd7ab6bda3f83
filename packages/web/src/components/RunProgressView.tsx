import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { lifecycleStages } from '../api/runs-api';
import type { RunProgress } from '../hooks/useRunProgress';

const stateColour: Record<string, string> = {
  waiting: 'gray.7',
  running: 'ferry.7',
  Success: 'green.9',
  Reused: 'teal.9',
  Error: 'red.9',
};

/** Each lifecycle stage of a run with its live state, progress bar and time. */
export function RunProgressView({ progress }: { progress: RunProgress }) {
  return (
    <Stack gap={4}>
      <Table aria-label="Stage progress" striped={false} withRowBorders={false}>
        <Table.Tbody>
          {lifecycleStages.map((stage) => {
            const s = progress.stages[stage] ?? { state: 'waiting' as const };
            const pct = s.total ? Math.round((100 * (s.done ?? 0)) / s.total) : s.state === 'running' ? 100 : 0;
            return (
              <Table.Tr key={stage} data-testid={`stage-${stage}`} data-state={s.state}>
                <Table.Td w={110}>
                  <Text size="sm" fw={progress.current === stage ? 700 : 400}>
                    {stage}
                  </Text>
                </Table.Td>
                <Table.Td w={100}>
                  <Badge size="sm" variant="filled" color={stateColour[s.state]}>
                    {s.state === 'waiting' && progress.finished ? 'not run' : s.state}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {s.state === 'running' ? (
                    <Progress value={pct} animated={!s.total} aria-label={`${stage} progress`} />
                  ) : s.state === 'waiting' ? null : (
                    <Progress value={100} color={stateColour[s.state]} aria-label={`${stage} done`} />
                  )}
                </Table.Td>
                <Table.Td w={220}>
                  <Text size="xs" c="dimmed">
                    {s.total ? `${(s.done ?? 0).toLocaleString('en-GB')} / ${s.total.toLocaleString('en-GB')}` : ''}{' '}
                    {s.label ?? ''} {s.ms !== undefined ? `${(s.ms / 1000).toFixed(1)} s` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group gap="xs" aria-live="polite">
        {progress.finished ? (
          <Text size="sm" fw={700} data-testid="run-finished">
            Run {progress.finished.status}
            {progress.finished.outcome === 'PARTIAL'
              ? '; stopped where asked (PARTIAL: no verdict)'
              : progress.finished.outcome
                ? `; gate ${progress.finished.outcome}`
                : ''}
            {progress.finished.error ? ` (${progress.finished.error})` : ''}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {progress.connected ? 'Following live progress…' : 'Connecting…'}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
