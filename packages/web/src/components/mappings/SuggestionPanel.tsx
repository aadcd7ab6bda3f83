import { Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ContractRow } from '../../api/contract-api';
import { runsApi } from '../../api/runs-api';
import { suggestionApi } from '../../api/suggestion-api';
import { useSession } from '../../hooks/useSession';
import { ErrorAlert } from '../ErrorAlert';

/**
 * What the map stage of the latest run suggested for this field: the best source column with its confidence and
 * reason, and the ranked alternatives, beside what the contract says.
 */
export function SuggestionPanel({ projectId, row }: { projectId: string; row: ContractRow }) {
  const { can } = useSession();
  const allowed = can('run.read') && can('evidence.download');
  const runs = useQuery({
    queryKey: ['runs', projectId, 1, 20],
    queryFn: () => runsApi.list(projectId, 1, 20),
    enabled: allowed,
  });
  const run = runs.data?.items.find((r) => r.status === 'succeeded') ?? null;
  const suggestions = useQuery({
    queryKey: ['run', run?.id, 'suggestion'],
    queryFn: () => suggestionApi.suggestions(run!.id),
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!allowed) return null;
  const s = suggestions.data?.fields.get(`${row.table}.${row.column}`);
  const agrees = s?.best && s.best.table === row.sourceTable && row.source.includes(s.best.column);
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        Automatic suggestion
      </Title>
      {!run ? (
        <Text size="sm" c="dimmed">
          No finished run has suggested mappings yet.
        </Text>
      ) : !suggestions.data ? (
        <Group>
          <Button size="xs" variant="light" onClick={() => suggestions.refetch()} loading={suggestions.isFetching}>
            Show the suggestion of run {run.id.slice(0, 8)}
          </Button>
        </Group>
      ) : !s ? (
        <Text size="sm" c="dimmed">
          The run suggested nothing for this field.
        </Text>
      ) : (
        <>
          {s.constant ? (
            <Text size="sm">
              Constant {s.constant.value}: {s.constant.reason}
            </Text>
          ) : null}
          {s.best ? (
            <Text size="sm" fw={600} c={agrees ? 'green.9' : 'red.9'}>
              {agrees ? 'The contract agrees with the suggestion.' : 'The contract differs from the suggestion.'}
            </Text>
          ) : (
            <Text size="sm">No candidate reached the minimum confidence ({suggestions.data.minConfidence}).</Text>
          )}
          <Table aria-label="Suggested source columns" fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Source column</Table.Th>
                <Table.Th w={110}>Confidence</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...(s.best ? [s.best] : []), ...s.alternatives].slice(0, 6).map((c, i) => (
                <Table.Tr key={`${c.table}.${c.column}`}>
                  <Table.Td fw={i === 0 && s.best ? 700 : 400}>
                    {c.table}.{c.column}
                  </Table.Td>
                  <Table.Td>
                    <Progress
                      value={c.confidence * 100}
                      size="sm"
                      aria-label={`confidence ${c.confidence.toFixed(2)}`}
                    />
                    {c.confidence.toFixed(2)}
                  </Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <ErrorAlert error={suggestions.error} />
    </Stack>
  );
}
