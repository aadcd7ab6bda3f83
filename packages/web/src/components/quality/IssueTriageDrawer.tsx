import { Alert, Button, Drawer, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type QualityIssue, runsApi, type TriageStatus, triageStatuses, triageStatusLabels } from '../../api/runs-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';
import { TriageBadge } from './TriageBadge';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * One quality issue: its keys and lineage, its triage (status, owner, note, who and when), and, for those who may
 * triage, the form to change it. The triage belongs to the issue's identity in the project, not to this run.
 */
export function IssueTriageDrawer({
  projectId,
  runId,
  issue,
  canTriage,
  onClose,
}: {
  projectId: string;
  runId: string;
  issue: QualityIssue | null;
  canTriage: boolean;
  onClose: () => void;
}) {
  const [status, setStatus] = useState<TriageStatus>('acknowledged');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    setStatus(issue?.triage?.status ?? 'acknowledged');
    setOwnerId(issue?.triage?.ownerId ?? null);
    setNote(issue?.triage?.note ?? '');
  }, [issue]);
  const owners = useQuery({
    queryKey: ['triage-owners', projectId],
    queryFn: () => runsApi.triageOwners(projectId),
    enabled: canTriage && Boolean(issue),
    staleTime: 5 * 60_000,
  });
  const save = useNotifyingMutation(
    () =>
      runsApi.triage(projectId, {
        runId,
        checkId: issue!.checkId,
        targetTable: issue!.targetTable,
        targetKey: issue!.targetKey,
        field: issue!.field,
        status,
        ownerId,
        note: note.trim() || null,
      }),
    {
      success: (t) => `Issue ${t.targetKey} triaged: ${triageStatusLabels[t.status]}`,
      invalidate: [['run', runId, 'issues']],
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: onClose });
  };
  const t = issue?.triage ?? null;
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={Boolean(issue)}
      onClose={onClose}
      position="right"
      size="md"
      title={issue ? `Issue ${issue.targetTable} ${issue.targetKey}` : ''}
    >
      {issue ? (
        <Stack>
          <Table aria-label="Issue">
            <Table.Tbody>
              <Row label="Check">{issue.checkId}</Row>
              <Row label="Severity">{issue.severity}</Row>
              <Row label="Target">{`${issue.targetTable} ${issue.targetKey}${issue.field ? ` · ${issue.field}` : ''}`}</Row>
              <Row label="Source">{`${issue.sourceTable} ${issue.sourceKey}`}</Row>
              <Row label="Finding">{issue.message}</Row>
              <Row label="Triage">
                <TriageBadge triage={t} />
              </Row>
              {t ? (
                <>
                  <Row label="Owner">{t.ownerName ?? 'nobody'}</Row>
                  <Row label="Note">{t.note ?? ''}</Row>
                  <Row label="Triaged by">{`${t.updatedByName || t.updatedBy.slice(0, 8)}, ${new Date(t.updatedAt).toLocaleString('en-GB')}${t.runId && t.runId !== runId ? ' (in an earlier run)' : ''}`}</Row>
                </>
              ) : null}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Triage is information for the people working the issues; it does not change the release gate (the gate's
            waivers apply to gate findings, not to single issue keys).
          </Text>
          {canTriage ? (
            <form onSubmit={submit} aria-label="Triage the issue">
              <Stack gap="sm">
                <Select
                  label="Triage status"
                  data={triageStatuses.map((s) => ({ value: s, label: triageStatusLabels[s] }))}
                  value={status}
                  onChange={(v) => v && setStatus(v as TriageStatus)}
                  allowDeselect={false}
                />
                <Select
                  label="Owner"
                  placeholder="Nobody"
                  data={(owners.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
                  value={ownerId}
                  onChange={setOwnerId}
                  clearable
                  searchable
                />
                <Textarea
                  label="Note"
                  maxLength={2000}
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
                <ErrorAlert error={save.error ?? owners.error} title="The triage was not saved" />
                <Button type="submit" loading={save.isPending}>
                  Save triage
                </Button>
              </Stack>
            </form>
          ) : (
            <Alert color="gray">Your role cannot triage issues (quality.triage).</Alert>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
