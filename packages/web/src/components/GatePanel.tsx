import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type GateDecision, runsApi } from '../api/runs-api';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';
import { useUserName } from '../hooks/useUserName';
import { ErrorAlert } from './ErrorAlert';
import { StatCard } from './StatCard';
import { StatusBadge } from './StatusBadge';

/** The gate of a run: outcome under its release profile, blocking reasons, warnings, checks, and go / no-go decisions. */
export function GatePanel({ runId, passed }: { runId: string; passed: boolean }) {
  const { can } = useSession();
  const nameOf = useUserName();
  const gate = useQuery({ queryKey: ['run', runId, 'gate'], queryFn: () => runsApi.gate(runId) });
  const [note, setNote] = useState('');
  const decide = useNotifyingMutation(
    async (decision: GateDecision['decision']) => {
      const made = await runsApi.decideGate(runId, decision, note || undefined);
      setNote('');
      return made;
    },
    {
      success: (d) => `Decision recorded: ${d.decision.replace('_', ' ')}`,
      invalidate: [['run', runId, 'gate']],
    },
  );
  if (gate.error) return <ErrorAlert error={gate.error} title="No gate result" />;
  const data = gate.data;
  if (!data) return null;
  const r = data.report;
  return (
    <Card withBorder data-testid="gate-panel">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Gate ({r.profile.replace('_', ' ')})
        </Title>
        <StatusBadge status={r.outcome} />
      </Group>
      <SimpleGrid cols={3} mb="sm">
        <StatCard label="Pass" value={r.summary.pass} color="green.9" />
        <StatCard label="Warn" value={r.summary.warn} />
        <StatCard label="Fail" value={r.summary.fail} color="red.9" />
        <StatCard label="Not run" value={r.summary.notRun} />
        <StatCard label="Blocking" value={r.summary.blocking} color={r.summary.blocking ? 'red.9' : undefined} />
        <StatCard label="Warnings" value={r.summary.warnings} />
      </SimpleGrid>
      {r.blocking.length ? (
        <Alert color="red" title="Blocking" mb="sm">
          <List size="sm">
            {r.blocking.slice(0, 50).map((f) => (
              <List.Item key={`${f.code}-${f.checkId ?? ''}-${f.message}`}>
                <Badge size="xs" variant="outline" color="red.9" mr={6}>
                  {f.code}
                </Badge>
                {f.message}
                {f.triagedBy ? ` (triaged by ${f.triagedBy})` : ''}
              </List.Item>
            ))}
          </List>
          {r.blocking.length > 50 ? <Text size="xs">and {r.blocking.length - 50} more</Text> : null}
        </Alert>
      ) : null}
      {r.warnings.length ? (
        <Alert color="yellow" title="Warnings" mb="sm">
          <List size="sm">
            {r.warnings.slice(0, 20).map((f) => (
              <List.Item key={`${f.code}-${f.checkId ?? ''}-${f.message}`}>{f.message}</List.Item>
            ))}
          </List>
          {r.warnings.length > 20 ? <Text size="xs">and {r.warnings.length - 20} more</Text> : null}
        </Alert>
      ) : null}
      <Title order={4} size="h6" mt="sm">
        Decisions
      </Title>
      {data.decisions.length ? (
        <Table aria-label="Gate decisions">
          <Table.Tbody>
            {data.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.decision.replace('_', ' ')}</Table.Td>
                <Table.Td>{nameOf(d.decidedBy)}</Table.Td>
                <Table.Td>{new Date(d.decidedAt).toLocaleString('en-GB')}</Table.Td>
                <Table.Td>{d.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No decision yet.
        </Text>
      )}
      {can('gate.decide') ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Decision note"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button color="green.9" disabled={!passed} loading={decide.isPending} onClick={() => decide.mutate('go')}>
              Go
            </Button>
            <Button color="red.9" loading={decide.isPending} onClick={() => decide.mutate('no_go')}>
              No go
            </Button>
            <Button
              variant="outline"
              color="red.9"
              loading={decide.isPending}
              onClick={() => decide.mutate('rollback')}
            >
              Roll back
            </Button>
          </Group>
          {!passed ? (
            <Text size="xs" c="dimmed">
              Go is possible only when the gate passed.
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Card>
  );
}
