import { Anchor, Button, Card, Code, Grid, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { runsApi } from '../api/runs-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { GatePanel } from '../components/GatePanel';
import { PageHeader } from '../components/PageHeader';
import { RunProgressView } from '../components/RunProgressView';
import { StatCard } from '../components/StatCard';
import { StatusBadge } from '../components/StatusBadge';
import { useProjectId } from '../hooks/useProjectContext';
import { useRunProgress } from '../hooks/useRunProgress';
import { useSession } from '../hooks/useSession';

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
  const r = run.data;
  const record = r?.record;
  const mayDownload = can('evidence.download');
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
          r && mayDownload && r.status === 'succeeded' ? (
            <Button component="a" href={runsApi.evidenceUrl(runId)} download>
              Download evidence package
            </Button>
          ) : null
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
              {r.error ? <ErrorAlert error={new Error(r.error)} title="The run failed" /> : null}
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
            {r.status === 'succeeded' || r.outcome ? <GatePanel runId={runId} passed={r.outcome === 'PASS'} /> : null}
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
