import { Alert, Anchor, Button, Card, Code, Grid, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { exitCodeMeaning, runScope } from '../api/run-scope';
import { runsApi } from '../api/runs-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { GatePanel } from '../components/GatePanel';
import { PageHeader } from '../components/PageHeader';
import { RunProgressView } from '../components/RunProgressView';
import { StatCard } from '../components/StatCard';
import { StatusBadge } from '../components/StatusBadge';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useProjectId } from '../hooks/useProjectContext';
import { useRunProgress } from '../hooks/useRunProgress';
import { useSession } from '../hooks/useSession';

/** The files a board reads first: the rejects and the stage reports. */
const reports = [
  { stage: 'migrate', file: 'rejects.csv', label: 'Rejects (keys and reason codes)' },
  { stage: 'migrate', file: 'migration_report.json', label: 'Migration report (per table ledger)' },
  { stage: 'migrate', file: 'rollback.json', label: 'Rollback record (rows removed and restored per table)' },
  { stage: 'check', file: 'quality_report.json', label: 'Quality report' },
  { stage: 'check', file: 'issues.csv', label: 'Quality issues' },
  { stage: 'gate', file: 'release_gate_report.json', label: 'Release gate report' },
  { stage: 'reconcile', file: 'reconciliation_report.json', label: 'Reconciliation report' },
];

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** One run: status, stages with timings, conservation summary, gate, artefacts and the evidence package. */
export function RunDetailPage() {
  const projectId = useProjectId();
  const { runId = '' } = useParams();
  const { can } = useSession();
  const run = useQuery({ queryKey: ['run', runId], queryFn: () => runsApi.get(runId) });
  const live = run.data && (run.data.status === 'queued' || run.data.status === 'running');
  const progress = useRunProgress(live ? runId : null);
  const artefacts = useQuery({
    queryKey: ['run', runId, 'artefacts'],
    queryFn: () => runsApi.artefacts(runId),
    enabled: Boolean(run.data && !live),
  });
  const rejects = useQuery({
    queryKey: ['run', runId, 'rejects'],
    queryFn: () => runsApi.rejects(runId),
    enabled: Boolean(
      run.data &&
        !live &&
        run.data.record?.stages.some(
          (s) => s.stage === 'migrate' && s.status !== 'NotExecuted' && s.status !== 'Error',
        ),
    ),
  });
  const r = run.data;
  const record = r?.record;
  const mayDownload = can('evidence.download');
  const restore = useNotifyingMutation(() => runsApi.restore(runId), {
    success: 'Snapshot restored: this run is the current run',
    invalidate: [['current-run', projectId]],
  });
  const finished = r && (r.status === 'succeeded' || r.status === 'failed') && r.lifecycleRunId;
  const present = new Set((artefacts.data ?? []).map((a) => `${a.stage}/${a.file}`));
  return (
    <>
      <PageHeader
        title={`Run ${runId.slice(0, 8)}`}
        description={
          <Anchor component={Link} to={`/projects/${projectId}/runs`} size="sm">
            All runs
          </Anchor>
        }
        actions={
          <Group gap="xs">
            {finished && can('lifecycle.run') ? (
              <Button variant="outline" loading={restore.isPending} onClick={() => restore.mutate(undefined)}>
                Restore this snapshot
              </Button>
            ) : null}
            {r && mayDownload && present.has('evidence/manifest.json') ? (
              <Button component="a" href={runsApi.evidenceUrl(runId)} download>
                Download evidence package
              </Button>
            ) : null}
          </Group>
        }
      />
      <ErrorAlert error={run.error} />
      {r ? (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Card withBorder mb="md">
              <Group gap="xs" mb="xs">
                <StatusBadge status={r.status} />
                {r.outcome ? <StatusBadge status={r.outcome} /> : null}
                <Text size="sm">
                  {r.releaseProfile.replace('_', ' ')} · contract <Code>{r.contractHash.slice(0, 12)}</Code>
                </Text>
              </Group>
              <Table aria-label="Run facts" mb="sm">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={150}>Outcome</Table.Th>
                    <Table.Td>{r.outcome ? <StatusBadge status={r.outcome} /> : r.status}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Release gate</Table.Th>
                    <Table.Td>
                      {r.gateOutcome ? <StatusBadge status={r.gateOutcome} /> : 'not evaluated'}
                      {record?.gate ? ` ${record.gate.blocking} blocking, ${record.gate.warnings} warning(s)` : ''}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Exit code</Table.Th>
                    <Table.Td>
                      {r.exitCode === null ? 'none yet' : `${r.exitCode}: ${exitCodeMeaning(r.exitCode)}`}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Ran</Table.Th>
                    <Table.Td>
                      {runScope(r)}
                      {record?.arguments.reusedFrom ? `, reusing ${record.arguments.reusedFrom}` : ''}
                    </Table.Td>
                  </Table.Tr>
                  {record?.jobId ? (
                    <Table.Tr>
                      <Table.Th>Load job</Table.Th>
                      <Table.Td>
                        <Code>{record.jobId}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
              {r.error ? <ErrorAlert error={new Error(r.error)} title="The run failed" /> : null}
              {r.rollback ? (
                <Alert color="gray" title="The load was rolled back" my="sm" data-testid="run-rollback">
                  Job {r.rollback.jobId} rolled back by {r.rollback.by} on{' '}
                  {new Date(r.rollback.at).toLocaleString('en-GB')}: {r.rollback.tables.reduce((n, t) => n + t.rows, 0)}{' '}
                  rows removed, {r.rollback.tables.reduce((n, t) => n + t.restored, 0)} restored.
                </Alert>
              ) : null}
              {record?.summary ? (
                <SimpleGrid cols={{ base: 2, md: 5 }} my="sm">
                  <StatCard label="Source rows" value={record.summary.sourceRows.toLocaleString('en-GB')} />
                  <StatCard label="Loaded" value={record.summary.loadedRows.toLocaleString('en-GB')} color="green.9" />
                  <StatCard
                    label="Rejected"
                    value={record.summary.rejectedRows.toLocaleString('en-GB')}
                    color={record.summary.rejectedRows ? 'red.9' : undefined}
                  />
                  <StatCard label="Out of scope" value={record.summary.outOfScopeRows.toLocaleString('en-GB')} />
                  <StatCard label="Issues" value={record.summary.issues.toLocaleString('en-GB')} />
                </SimpleGrid>
              ) : null}
              {record?.summary ? (
                <Text size="sm" mb="sm">
                  Reconciliation: {record.summary.reconciliation}
                </Text>
              ) : null}
              {live ? (
                <RunProgressView progress={progress} />
              ) : record ? (
                <Table aria-label="Stages">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Stage</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Rows</Table.Th>
                      <Table.Th>Time</Table.Th>
                      <Table.Th>Rows/s</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {record.stages.map((s) => (
                      <Table.Tr key={s.stage}>
                        <Table.Td>{s.stage}</Table.Td>
                        <Table.Td>{s.status}</Table.Td>
                        <Table.Td>{s.rows?.toLocaleString('en-GB') ?? ''}</Table.Td>
                        <Table.Td>{s.ms !== undefined ? `${(s.ms / 1000).toFixed(2)} s` : ''}</Table.Td>
                        <Table.Td>
                          {s.rowsPerSecond ? Math.round(s.rowsPerSecond).toLocaleString('en-GB') : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Card>
            <Card withBorder mb="md">
              <Title order={3} size="h5" mb="xs">
                Rejects and reports
              </Title>
              {record?.summary ? (
                <Text size="sm" mb="xs">
                  {record.summary.rejectedRows.toLocaleString('en-GB')} rejected of{' '}
                  {record.summary.sourceRows.toLocaleString('en-GB')} source rows;{' '}
                  {record.summary.issues.toLocaleString('en-GB')} quality issues.
                </Text>
              ) : null}
              {rejects.data?.tables.length ? (
                <Table aria-label="Rejects by table and reason" mb="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Source table</Table.Th>
                      <Table.Th>Target table</Table.Th>
                      <Table.Th>Rejected</Table.Th>
                      <Table.Th>Reasons</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rejects.data.tables.map((t) => (
                      <Table.Tr key={`${t.sourceTable}>${t.targetTable}`}>
                        <Table.Td>{t.sourceTable}</Table.Td>
                        <Table.Td>{t.targetTable}</Table.Td>
                        <Table.Td>{`${t.rejected.toLocaleString('en-GB')} of ${t.read.toLocaleString('en-GB')}`}</Table.Td>
                        <Table.Td>
                          {Object.entries(t.rejectsByReason)
                            .map(([reason, n]) => `${reason} ${n}`)
                            .join(', ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
              <ErrorAlert error={rejects.error} />
              <Table aria-label="Rejects and reports">
                <Table.Tbody>
                  {reports
                    .filter((f) => present.has(`${f.stage}/${f.file}`))
                    .map((f) => (
                      <Table.Tr key={f.file}>
                        <Table.Td>{f.label}</Table.Td>
                        <Table.Td>
                          {mayDownload ? (
                            <Anchor href={runsApi.artefactUrl(runId, f.stage, f.file)} download size="sm">
                              Download {f.file}
                            </Anchor>
                          ) : (
                            f.file
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
              {!mayDownload ? (
                <Text size="xs" c="dimmed" mt="xs">
                  Downloads need the evidence.download permission.
                </Text>
              ) : null}
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                Artefacts
              </Title>
              <ErrorAlert error={artefacts.error} />
              <Table aria-label="Artefacts">
                <Table.Tbody>
                  {(artefacts.data ?? []).map((a) => (
                    <Table.Tr key={`${a.stage}/${a.file}`}>
                      <Table.Td>{a.stage}</Table.Td>
                      <Table.Td>
                        {mayDownload ? (
                          <Anchor href={runsApi.artefactUrl(runId, a.stage, a.file)} download size="sm">
                            {a.file}
                          </Anchor>
                        ) : (
                          a.file
                        )}
                      </Table.Td>
                      <Table.Td>{size(a.bytes)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            {r.gateOutcome || (r.status === 'succeeded' && r.outcome !== 'PARTIAL') ? (
              <GatePanel runId={runId} passed={r.outcome === 'PASS'} />
            ) : null}
            <Anchor
              component={Link}
              to={`/projects/${projectId}/quality?run=${runId}`}
              size="sm"
              mt="sm"
              display="block"
            >
              Quality issues of this run
            </Anchor>
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  );
}
