import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Run, runsApi } from '../../api/runs-api';
import { useUserName } from '../../hooks/useUserName';
import { EChart } from '../EChart';
import { ErrorAlert } from '../ErrorAlert';
import { StatCard } from '../StatCard';
import { StatusBadge } from '../StatusBadge';

/** Load counts, quality KPIs and the gate of the newest finished run. */
export function LatestRunHealth({ projectId }: { projectId: string }) {
  const nameOf = useUserName();
  const runs = useQuery({ queryKey: ['runs', projectId, 1, 20], queryFn: () => runsApi.list(projectId, 1, 20) });
  const latest: Run | undefined = runs.data?.items.find((r) => r.status === 'succeeded');
  const detail = useQuery({
    queryKey: ['run', latest?.id],
    queryFn: () => runsApi.get(latest!.id),
    enabled: Boolean(latest),
  });
  const kpis = useQuery({
    queryKey: ['run', latest?.id, 'kpis'],
    queryFn: () => runsApi.kpis(latest!.id),
    enabled: Boolean(latest),
  });
  const gate = useQuery({
    queryKey: ['run', latest?.id, 'gate'],
    queryFn: () => runsApi.gate(latest!.id),
    enabled: Boolean(latest),
  });
  if (!latest) return null;
  const summary = detail.data?.record?.summary;
  const t = kpis.data?.totals;
  const g = gate.data;
  const lastDecision = g?.current ?? null;
  return (
    <>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Load counts (run {latest.id.slice(0, 8)})
          </Title>
          {summary ? <Text size="sm">Reconciliation: {summary.reconciliation}</Text> : null}
        </Group>
        <ErrorAlert error={detail.error} />
        {summary ? (
          <EChart
            label={`Source rows ${summary.sourceRows}: loaded ${summary.loadedRows}, rejected ${summary.rejectedRows}, out of scope ${summary.outOfScopeRows}`}
            height={180}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 70, right: 20, top: 10, bottom: 25 },
              xAxis: {
                type: 'category',
                data: ['Source', 'Loaded', 'Rejected', 'Out of scope'],
                axisLabel: { interval: 0 },
              },
              yAxis: { type: 'value' },
              series: [
                {
                  type: 'bar',
                  name: 'rows',
                  label: { show: true, position: 'top' },
                  data: [
                    { value: summary.sourceRows, itemStyle: { color: '#005eb8' } },
                    { value: summary.loadedRows, itemStyle: { color: '#007f3b' } },
                    { value: summary.rejectedRows, itemStyle: { color: '#d5281b' } },
                    { value: summary.outOfScopeRows, itemStyle: { color: '#768692' } },
                  ],
                },
              ],
            }}
          />
        ) : null}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Quality and gate
          </Title>
          {g ? (
            <Group gap={6}>
              <Text size="sm">Gate ({g.report.profile.replace('_', ' ')})</Text>
              <StatusBadge status={g.report.outcome} />
            </Group>
          ) : null}
        </Group>
        <ErrorAlert error={kpis.error ?? gate.error} />
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {t ? (
            <StatCard
              label="Rows passing"
              value={`${(t.passedRowsShare * 100).toFixed(2)}%`}
              to={`/projects/${projectId}/quality`}
            />
          ) : null}
          {t ? (
            <StatCard
              to={`/projects/${projectId}/quality`}
              label="Failing rows"
              value={t.rowsFailed.toLocaleString('en-GB')}
              color={t.rowsFailed ? 'red.9' : undefined}
            />
          ) : null}
          {g ? (
            <StatCard
              to={latest ? `/projects/${projectId}/runs/${latest.id}` : undefined}
              label="Blocking"
              value={g.report.summary.blocking}
              color={g.report.summary.blocking ? 'red.9' : undefined}
            />
          ) : null}
          {g ? (
            <StatCard
              to={latest ? `/projects/${projectId}/runs/${latest.id}` : undefined}
              label="Decision"
              value={lastDecision ? lastDecision.decision.replace('_', ' ') : 'none'}
              hint={lastDecision ? `by ${nameOf(lastDecision.decidedBy)}` : 'awaiting the cutover manager'}
            />
          ) : null}
        </SimpleGrid>
      </Card>
    </>
  );
}
