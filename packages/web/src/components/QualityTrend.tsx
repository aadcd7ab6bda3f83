import { Button, Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { runsApi } from '../api/runs-api';
import { EChart } from './EChart';

const windows = { '1': 1, '7': 7, '30': 30, all: 3650 } as const;

/** A widget: the share of rows passing quality checks across the runs of a time window, with a refresh button. */
export function QualityTrend({ projectId }: { projectId: string }) {
  const [window, setWindow] = useState<keyof typeof windows>('7');
  const runs = useQuery({ queryKey: ['runs', projectId, 1, 50], queryFn: () => runsApi.list(projectId, 1, 50) });
  const since = Date.now() - windows[window] * 86_400_000;
  const inWindow = (runs.data?.items ?? [])
    .filter((r) => r.status === 'succeeded' && new Date(r.createdAt).getTime() >= since)
    .slice(0, 20)
    .reverse();
  const kpis = useQueries({
    queries: inWindow.map((r) => ({
      queryKey: ['run', r.id, 'kpis'],
      queryFn: () => runsApi.kpis(r.id),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const points = inWindow.map((r, i) => ({ run: r, kpi: kpis[i]?.data }));
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Quality over time
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Time window"
            value={window}
            onChange={(v) => setWindow(v as keyof typeof windows)}
            data={[
              { value: '1', label: '24 h' },
              { value: '7', label: '7 days' },
              { value: '30', label: '30 days' },
              { value: 'all', label: 'All' },
            ]}
          />
          <Button size="xs" variant="default" onClick={() => runs.refetch()} loading={runs.isFetching}>
            Refresh
          </Button>
        </Group>
      </Group>
      {points.length ? (
        <EChart
          label={`Share of rows passing checks over ${points.length} runs`}
          height={220}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 50, right: 50, top: 20, bottom: 30 },
            xAxis: { type: 'category', data: points.map((p) => p.run.id.slice(0, 8)) },
            yAxis: [
              { type: 'value', name: '% passing', min: (v: { min: number }) => Math.floor(v.min), max: 100 },
              { type: 'value', name: 'failing rows' },
            ],
            series: [
              {
                name: '% rows passing',
                type: 'line',
                data: points.map((p) => (p.kpi ? +(p.kpi.totals.passedRowsShare * 100).toFixed(2) : null)),
              },
              {
                name: 'failing rows',
                type: 'bar',
                yAxisIndex: 1,
                data: points.map((p) => p.kpi?.totals.rowsFailed ?? null),
              },
            ],
          }}
        />
      ) : (
        <Text size="sm" c="dimmed">
          No finished run in this window.
        </Text>
      )}
    </Card>
  );
}
