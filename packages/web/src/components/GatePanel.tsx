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
import { decisionLabels, GateDecisionDialog } from './GateDecisionDialog';
import { StatCard } from './StatCard';
import { StatusBadge } from './StatusBadge';

/** The shortest rationale the server takes for a gate decision. */
const minimumRationale = 10;

/** The gate of a run: outcome under its release profile, blocking reasons, warnings, and its go / no-go decisions. */
export function GatePanel({ runId, passed }: { runId: string; passed: boolean }) {
  const { can } = useSession();
  const nameOf = useUserName();
  const gate = useQuery({ queryKey: ['run', runId, 'gate'], queryFn: () => runsApi.gate(runId) });
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<GateDecision['decision'] | null>(null);
  const data = gate.data;
  const latest = data?.decisions.find((d) => d.supersededBy === null) ?? null;
  const decide = useNotifyingMutation(
    async (decision: GateDecision['decision']) => {
      const made = await runsApi.decideGate(runId, {
        decision,
        note: note.trim(),
        profile: data!.report.profile,
        supersedes: latest?.id ?? null,
      });
      setNote('');
      setConfirming(null);
      return made;
    },
    {
      success: (d) =>
        d.decision === 'withdrawn' ? 'Decision withdrawn' : `Decision recorded: ${decisionLabels[d.decision]}`,
      invalidate: [['run', runId, 'gate']],
    },
  );
  if (gate.error) return <ErrorAlert error={gate.error} title="No gate result" />;
  if (!data) return null;
  const r = data.report;
  const rationaleMissing = note.trim().length < minimumRationale;
  const ask = (decision: GateDecision['decision']) => setConfirming(decision);
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
        Decision
      </Title>
      <Text size="sm" data-testid="gate-current-decision" mb="xs">
        {data.current
          ? `In force: ${decisionLabels[data.current.decision]} by ${nameOf(data.current.decidedBy)}, ${new Date(data.current.decidedAt).toLocaleString('en-GB')}`
          : latest
            ? 'No decision in force: the last one was withdrawn.'
            : 'No decision yet.'}
      </Text>
      {data.decisions.length ? (
        <Table aria-label="Gate decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Profile</Table.Th>
              <Table.Th>Rationale</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.decisions].reverse().map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{decisionLabels[d.decision]}</Table.Td>
                <Table.Td>{nameOf(d.decidedBy)}</Table.Td>
                <Table.Td>{new Date(d.decidedAt).toLocaleString('en-GB')}</Table.Td>
                <Table.Td>{d.profile?.replace('_', ' ') ?? ''}</Table.Td>
                <Table.Td>{d.note}</Table.Td>
                <Table.Td>
                  {d.supersededBy ? 'superseded' : d.decision === 'withdrawn' ? 'withdrawn' : 'current'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {can('gate.decide') ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Rationale"
            description={`Required: why you decide this (at least ${minimumRationale} characters); it goes into the evidence package`}
            required
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button color="green.9" disabled={!passed || rationaleMissing} onClick={() => ask('go')}>
              Go
            </Button>
            <Button color="red.9" disabled={rationaleMissing} onClick={() => ask('no_go')}>
              No go
            </Button>
            <Button variant="outline" color="red.9" disabled={rationaleMissing} onClick={() => ask('rollback')}>
              Roll back
            </Button>
            {data.current ? (
              <Button variant="default" disabled={rationaleMissing} onClick={() => ask('withdrawn')}>
                Withdraw current decision
              </Button>
            ) : null}
          </Group>
          {!passed ? (
            <Text size="xs" c="dimmed">
              Go is possible only when the gate passed.
            </Text>
          ) : null}
          <GateDecisionDialog
            decision={confirming}
            report={r}
            current={data.current}
            rationale={note}
            pending={decide.isPending}
            onConfirm={(d) => decide.mutate(d)}
            onClose={() => setConfirming(null)}
          />
        </Stack>
      ) : null}
    </Card>
  );
}
