import {
  Badge,
  Card,
  Grid,
  Group,
  NavLink,
  ScrollArea,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type IssueFilter, type QualityIssue, runsApi, triageStatuses, triageStatusLabels } from '../api/runs-api';
import { DataTable } from '../components/DataTable';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { QualityTrend } from '../components/QualityTrend';
import { IssueTriageDrawer } from '../components/quality/IssueTriageDrawer';
import { TriageBadge } from '../components/quality/TriageBadge';
import { StatCard } from '../components/StatCard';
import { useProjectId } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';

const issueColumns: ColumnDef<QualityIssue, unknown>[] = [
  { header: 'Check', accessorKey: 'checkId' },
  { header: 'Severity', accessorKey: 'severity', size: 70 },
  { header: 'Target table', accessorKey: 'targetTable' },
  { header: 'Target key', accessorKey: 'targetKey' },
  { header: 'Source', id: 'source', accessorFn: (i) => `${i.sourceTable} ${i.sourceKey}` },
  { header: 'Field', accessorKey: 'field' },
  { header: 'Finding', accessorKey: 'message' },
  {
    header: 'Triage',
    id: 'triage',
    size: 110,
    cell: ({ row: { original: i } }) => <TriageBadge triage={i.triage} />,
  },
];

/**
 * Quality: KPIs of a run, a trend widget, and the issue explorer (filter, group by check, drill to keys); an issue
 * opens with its triage, which those with quality.triage can change.
 */
export function QualityPage() {
  const projectId = useProjectId();
  const { can } = useSession();
  const [opened, setOpened] = useState<QualityIssue | null>(null);
  const [params, setParams] = useSearchParams();
  const runs = useQuery({ queryKey: ['runs', projectId, 1, 50], queryFn: () => runsApi.list(projectId, 1, 50) });
  const finished = (runs.data?.items ?? []).filter((r) => r.status === 'succeeded');
  const runId = params.get('run') ?? finished[0]?.id ?? null;
  const kpis = useQuery({
    queryKey: ['run', runId, 'kpis'],
    queryFn: () => runsApi.kpis(runId!),
    enabled: Boolean(runId),
  });
  const [filter, setFilter] = useState<IssueFilter>({});
  const [table, setTable] = useState('');
  const [debouncedTable] = useDebouncedValue(table, 300);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(100);
  const effective = useMemo(() => ({ ...filter, table: debouncedTable || undefined }), [filter, debouncedTable]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter or run starts again at page 1.
  useEffect(() => setPage(1), [effective, runId]);
  const issues = useQuery({
    queryKey: ['run', runId, 'issues', effective, page, pageSize],
    queryFn: () => runsApi.issues(runId!, effective, page, pageSize),
    enabled: Boolean(runId),
    placeholderData: keepPreviousData,
  });
  const failingChecks = (kpis.data?.checks ?? [])
    .filter((c) => c.numerator > 0)
    .sort((a, b) => b.numerator - a.numerator);
  const t = kpis.data?.totals;
  return (
    <>
      <PageHeader
        title="Quality"
        description="Checks on the loaded data: raw numerators and denominators; thresholds apply at the gate"
        actions={
          <Select
            aria-label="Run"
            placeholder="Choose a run"
            w={260}
            data={finished.map((r) => ({
              value: r.id,
              label: `${r.id.slice(0, 8)} · ${new Date(r.createdAt).toLocaleString('en-GB')}`,
            }))}
            value={runId}
            onChange={(v) => v && setParams({ run: v })}
            allowDeselect={false}
          />
        }
      />
      <ErrorAlert error={runs.error ?? kpis.error} />
      {!runId && runs.data ? (
        <Text c="dimmed" size="sm">
          No finished run yet.
        </Text>
      ) : null}
      {t ? (
        <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
          <StatCard
            label="Rows passing"
            value={`${(t.passedRowsShare * 100).toFixed(2)}%`}
            hint={`${t.rowsConsidered.toLocaleString('en-GB')} considered`}
          />
          <StatCard
            label="Failing rows"
            value={t.rowsFailed.toLocaleString('en-GB')}
            color={t.rowsFailed ? 'red.9' : undefined}
          />
          <StatCard label="Checks run" value={t.checksRun} hint={`${t.checksNotRun} not run`} />
          <StatCard label="Checks with failures" value={t.checksWithFailures} />
          <StatCard
            label="Error checks failing"
            value={t.errorChecksWithFailures}
            color={t.errorChecksWithFailures ? 'red.9' : undefined}
          />
        </SimpleGrid>
      ) : null}
      <Grid mb="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {kpis.data ? (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                Failing rows by domain
              </Title>
              <EChart
                label={`Failing rows by domain: ${kpis.data.domains.map((d) => `${d.domain} ${d.rowsFailed}`).join(', ')}`}
                height={220}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 60, right: 20, top: 10, bottom: 30 },
                  xAxis: { type: 'category', data: kpis.data.domains.map((d) => d.domain), axisLabel: { interval: 0 } },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: 'failing rows', data: kpis.data.domains.map((d) => d.rowsFailed) }],
                }}
              />
            </Card>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <QualityTrend projectId={projectId} />
        </Grid.Col>
      </Grid>
      {runId ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Card withBorder padding="xs">
              <Title order={3} size="h6" mb={4}>
                Issues by check
              </Title>
              <ScrollArea.Autosize mah={560}>
                <nav aria-label="Issues by check">
                  <NavLink
                    component="button"
                    label="All checks"
                    active={!filter.checkId}
                    onClick={() => setFilter({ ...filter, checkId: undefined })}
                  />
                  {failingChecks.map((c) => (
                    <NavLink
                      component="button"
                      key={c.id}
                      label={c.id}
                      description={`${c.table} · ${c.severity}`}
                      rightSection={<Badge size="sm">{c.numerator.toLocaleString('en-GB')}</Badge>}
                      active={filter.checkId === c.id}
                      onClick={() => setFilter({ ...filter, checkId: c.id })}
                    />
                  ))}
                </nav>
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Group mb="xs" align="flex-end">
              <Select
                size="xs"
                label="Severity"
                w={130}
                data={[
                  { value: 'any', label: 'Any' },
                  { value: 'error', label: 'error' },
                  { value: 'warning', label: 'warning' },
                  { value: 'info', label: 'info' },
                ]}
                value={filter.severity ?? 'any'}
                onChange={(v) =>
                  setFilter({ ...filter, severity: v && v !== 'any' ? (v as IssueFilter['severity']) : undefined })
                }
                allowDeselect={false}
              />
              <TextInput
                size="xs"
                label="Target table"
                value={table}
                onChange={(e) => setTable(e.currentTarget.value)}
                w={200}
              />
              <Select
                size="xs"
                label="Triage"
                w={160}
                data={[
                  { value: 'any', label: 'Any' },
                  { value: 'untriaged', label: 'Untriaged' },
                  ...triageStatuses.map((s) => ({ value: s, label: triageStatusLabels[s] })),
                ]}
                value={filter.triage ?? 'any'}
                onChange={(v) =>
                  setFilter({ ...filter, triage: v && v !== 'any' ? (v as IssueFilter['triage']) : undefined })
                }
                allowDeselect={false}
              />
            </Group>
            <ErrorAlert error={issues.error} />
            <DataTable
              label="Quality issues"
              columns={issueColumns}
              rows={issues.data?.items ?? []}
              rowId={(i) => `${i.checkId}|${i.targetTable}|${i.targetKey}|${i.sourceTable}|${i.sourceKey}|${i.field}`}
              loading={issues.isPending}
              onRowClick={setOpened}
              paging={{
                page,
                pageSize,
                total: issues.data?.total ?? 0,
                onPage: setPage,
                onPageSize: (s) => {
                  setPageSize(s);
                  setPage(1);
                },
              }}
              empty="No issue matches"
            />
            <IssueTriageDrawer
              projectId={projectId}
              runId={runId}
              issue={opened}
              canTriage={can('quality.triage')}
              onClose={() => setOpened(null)}
            />
          </Grid.Col>
        </Grid>
      ) : null}
    </>
  );
}
