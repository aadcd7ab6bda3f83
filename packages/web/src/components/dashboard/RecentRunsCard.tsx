import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { runsApi } from '../../api/runs-api';
import { EChart } from '../EChart';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../StatusBadge';

const seconds = (a: string | null, b: string | null) =>
  a && b ? (new Date(b).getTime() - new Date(a).getTime()) / 1000 : null;

/** The last runs: outcome and duration as a chart, and the five newest as a list. */
export function RecentRunsCard({ projectId }: { projectId: string }) {
  const runs = useQuery({ queryKey: ['runs', projectId, 1, 20], queryFn: () => runsApi.list(projectId, 1, 20) });
  if (runs.error) return <ErrorAlert error={runs.error} title="Runs unavailable" />;
  const items = runs.data?.items ?? [];
  const chronological = [...items].reverse();
  const colourOf = (outcome: string | null) => (outcome === 'PASS' ? '#007f3b' : outcome ? '#d5281b' : '#768692');
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Last runs
      </Title>
      {items.length ? (
        <>
          <EChart
            label={`Duration of the last ${items.length} runs, coloured by gate outcome`}
            height={160}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 50, right: 10, top: 10, bottom: 25 },
              xAxis: { type: 'category', data: chronological.map((r) => r.id.slice(0, 8)) },
              yAxis: { type: 'value', name: 's' },
              series: [
                {
                  type: 'bar',
                  name: 'seconds',
                  data: chronological.map((r) => ({
                    value: seconds(r.startedAt, r.finishedAt),
                    itemStyle: { color: colourOf(r.outcome) },
                  })),
                },
              ],
            }}
          />
          <Table aria-label="Last runs">
            <Table.Tbody>
              {items.slice(0, 5).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${projectId}/runs/${r.id}`} size="sm">
                      {r.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{new Date(r.createdAt).toLocaleString('en-GB')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.outcome ? <StatusBadge status={r.outcome} /> : null}</Table.Td>
                  <Table.Td>{r.releaseProfile.replace('_', ' ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No run yet: start one on the Lifecycle page.
        </Text>
      )}
    </Card>
  );
}
