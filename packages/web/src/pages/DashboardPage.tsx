import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { contractApi, reviewStatuses } from '../api/contract-api';
import { LatestRunHealth } from '../components/dashboard/LatestRunHealth';
import { RecentRunsCard } from '../components/dashboard/RecentRunsCard';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatCard } from '../components/StatCard';
import { useProjectContext, useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const statusColours: Record<string, string> = {
  draft: '#768692',
  reviewed: '#005eb8',
  approved: '#007f3b',
  rejected: '#d5281b',
};

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

function ContractCoverage({ projectId }: { projectId: string }) {
  const summary = useQuery({
    queryKey: ['contract', projectId, 'summary'],
    queryFn: () => contractApi.summary(projectId),
  });
  if (summary.error) return <ErrorAlert error={summary.error} title="Contract unavailable" />;
  const s = summary.data;
  if (!s) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Mapping contract
        </Title>
        <Group gap={6}>
          <Badge variant="light">v{s.versionSeq}</Badge>
          {s.locked ? <Badge color="grape.8">locked</Badge> : <Badge variant="outline">unlocked</Badge>}
        </Group>
      </Group>
      <SimpleGrid cols={3} mb="sm">
        <StatCard
          label="Target fields"
          value={s.rows.toLocaleString('en-GB')}
          hint={`${s.tables} tables`}
          to={`/projects/${projectId}/mappings`}
        />
        <StatCard
          to={`/projects/${projectId}/mappings?status=approved`}
          label="Approved"
          value={percent(s.byStatus.approved, s.rows)}
          hint={`${s.byStatus.approved} rows`}
          color="green.9"
        />
        <StatCard
          to={`/projects/${projectId}/mappings?status=draft,reviewed`}
          label="Awaiting review"
          value={(s.byStatus.draft + s.byStatus.reviewed).toLocaleString('en-GB')}
          hint="draft or reviewed"
        />
      </SimpleGrid>
      <EChart
        label={`Contract rows by status: ${reviewStatuses.map((k) => `${s.byStatus[k]} ${k}`).join(', ')}`}
        height={200}
        option={{
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['45%', '70%'],
              data: reviewStatuses
                .filter((k) => s.byStatus[k] > 0)
                .map((k) => ({ name: k, value: s.byStatus[k], itemStyle: { color: statusColours[k] } })),
              label: { formatter: '{b}: {c}' },
            },
          ],
        }}
      />
      <Text size="xs" c="dimmed">
        {s.sourceSystem} → {s.targetSystem}; saved {new Date(s.savedAt).toLocaleString('en-GB')} by {s.savedBy}
      </Text>
    </Card>
  );
}

/** Migration health at a glance: contract coverage, runs, load counts, quality and the gate. */
export function DashboardPage() {
  const projectId = useProjectId();
  const { project } = useProjectContext();
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          project
            ? `${project.name} · pack ${project.pack} · created ${new Date(project.createdAt).toLocaleDateString('en-GB')}`
            : undefined
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {can('contract.read') ? <ContractCoverage projectId={projectId} /> : null}
        {can('run.read') ? <RecentRunsCard projectId={projectId} /> : null}
        {can('run.read') ? <LatestRunHealth projectId={projectId} /> : null}
      </SimpleGrid>
    </>
  );
}
