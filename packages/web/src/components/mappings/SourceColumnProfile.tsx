import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { columnProfileApi } from '../../api/profile-api';
import { ErrorAlert } from '../ErrorAlert';
import { formatsSeen } from './formats-seen';

const count = (n: number) => n.toLocaleString('en-GB');
const share = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '-');

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={120} fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The profile of one source column beside a contract row, from the latest run that profiled the project's source:
 * detected type and how much conforms, formats seen, nulls and blanks, distinct values, lengths, and the most
 * frequent values (values seen fewer times than the small-cell threshold, and identifying columns, are not shown;
 * nor is the range of a code or text column, whose first or last value may be a small cell).
 */
export function SourceColumnProfile({
  projectId,
  table,
  column,
}: {
  projectId: string;
  table: string;
  column: string;
}) {
  const profile = useQuery({
    queryKey: ['profile', projectId, table, column],
    queryFn: () => columnProfileApi.column(projectId, table, column),
    retry: false,
    staleTime: 60_000,
  });
  const heading = (
    <Title order={3} size="h6">
      Profile of {table}.{column}
    </Title>
  );
  if (profile.isPending) {
    return (
      <Group gap="xs">
        {heading}
        <Loader size="xs" />
      </Group>
    );
  }
  if (profile.error) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <Stack gap={4}>
        {heading}
        {missing ? (
          <Text size="sm" c="dimmed">
            {profile.error.message}.
          </Text>
        ) : (
          <ErrorAlert error={profile.error} />
        )}
      </Stack>
    );
  }
  const { column: c, table: t, runId, profiledAt, smallCellThreshold } = profile.data;
  const formats = formatsSeen(c.dateFormats);
  return (
    <Stack gap="xs" data-testid="column-profile">
      {heading}
      <Text size="xs" c="dimmed">
        {runId ? `Run ${runId.slice(0, 8)}` : 'Source draft'}, profiled {new Date(profiledAt).toLocaleString('en-GB')};{' '}
        {count(t.rows)} rows in {t.name}
      </Text>
      <Table aria-label={`Profile of ${table}.${column}`} fz="sm" withRowBorders={false}>
        <Table.Tbody>
          <Stat label="Type seen">
            <Group gap={6}>
              <Badge variant="light" color={c.detectedType === 'text' ? 'gray' : 'blue'}>
                {c.detectedType}
              </Badge>
              <Text size="xs">{(100 * c.conformingShare).toFixed(1)}% of non-empty values conform</Text>
            </Group>
          </Stat>
          <Stat label="Formats seen">
            {c.format === 'mixed' ? (
              <Text size="sm" fw={700} c="red.9">
                mixed: {formats}
              </Text>
            ) : (
              formats || c.format || '-'
            )}
          </Stat>
          <Stat label="Nulls">
            {count(c.nulls)} ({share(c.nulls, c.rows)}){c.blanks ? `, ${count(c.blanks)} blank` : ''}
          </Stat>
          <Stat label="Distinct">
            {c.distinctIsEstimate ? '~' : ''}
            {count(c.distinct)}
          </Stat>
          {c.minLength !== undefined ? (
            <Stat label="Length">{c.minLength === c.maxLength ? c.minLength : `${c.minLength} to ${c.maxLength}`}</Stat>
          ) : null}
          {/* Only numeric and chronological ranges: the lexical extremes of codes or text can be small cells. */}
          {c.min !== undefined && (c.extremes === 'numeric' || c.extremes === 'chronological') ? (
            <Stat label="Range">
              {c.min} to {c.max}
            </Stat>
          ) : null}
        </Table.Tbody>
      </Table>
      {c.topValuesWithheld ? (
        <Text size="xs" c="dimmed">
          Values are not shown: the column identifies people or records
          {c.identifier ? ` (${c.identifier.replaceAll('_', ' ')})` : ''}.
        </Text>
      ) : (
        <>
          <Table aria-label={`Top values of ${table}.${column}`} fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Top value</Table.Th>
                <Table.Th ta="right">Count</Table.Th>
                <Table.Th ta="right">Share</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.topValues.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="xs" c="dimmed">
                      No value is common enough to show.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                c.topValues.map((v) => (
                  <Table.Tr key={v.value}>
                    <Table.Td>
                      <code>{v.value}</code>
                    </Table.Td>
                    <Table.Td ta="right">{count(v.count)}</Table.Td>
                    <Table.Td ta="right">{share(v.count, c.rows)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
          {c.suppressed > 0 ? (
            <Text size="xs" c="dimmed">
              {count(c.suppressed)} value(s) seen fewer than {smallCellThreshold} times are not shown (small cells).
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}
