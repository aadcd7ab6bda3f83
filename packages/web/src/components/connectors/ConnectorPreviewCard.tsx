import { Alert, Button, Card, Group, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Connector, connectorsApi } from '../../api/connectors-api';
import { ErrorAlert } from '../ErrorAlert';

const pageSize = 25;

/**
 * A page of a source table's rows. These are patient-level data: only roles with connector.preview see this card, and
 * the server records every page shown in the audit trail.
 */
export function ConnectorPreviewCard({ connector }: { connector: Connector }) {
  const schema = useQuery({
    queryKey: ['connector-schema', connector.id],
    queryFn: () => connectorsApi.schema(connector.id),
    enabled: false,
  });
  const tables = schema.data?.tables.map((t) => t.name) ?? [];
  const [table, setTable] = useState<string | null>(null);
  const [shown, setShown] = useState<{ table: string; page: number } | null>(null);
  const rows = useQuery({
    queryKey: ['connector-rows', connector.id, shown?.table, shown?.page],
    queryFn: () => connectorsApi.rows(connector.id, shown!.table, shown!.page, pageSize),
    enabled: Boolean(shown),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const page = rows.data;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        Preview rows
      </Title>
      <Alert color="yellow" variant="light" mb="sm" title="Patient-level data">
        Every page you preview is recorded in the audit trail with your name.
      </Alert>
      <Group align="flex-end" mb="sm">
        <Select
          label="Table"
          placeholder={tables.length ? 'Choose a table' : 'Discover the schema first'}
          data={tables}
          value={table}
          onChange={setTable}
          disabled={!tables.length}
          w={260}
        />
        <Button disabled={!table} onClick={() => table && setShown({ table, page: 1 })}>
          Preview rows
        </Button>
      </Group>
      <ErrorAlert error={rows.error} title="The rows could not be read" />
      {page && shown ? (
        <>
          {page.masked ? (
            <Text size="xs" c="dimmed" mb="xs">
              Identifiers masked ({page.identifiers.map((c) => c.column).join(', ')}): the same value always shows the
              same ID- token. Seeing them needs the data.identifiable permission.
            </Text>
          ) : null}
          <ScrollArea>
            <Table aria-label={`Rows of ${page.table}`} striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  {page.lines ? <Table.Th>Line</Table.Th> : null}
                  {page.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.rows.map((r, i) => (
                  <Table.Tr key={page.lines?.[i] ?? i}>
                    {page.lines ? <Table.Td c="dimmed">{page.lines[i]}</Table.Td> : null}
                    {r.map((v, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their position
                      <Table.Td key={j}>
                        {v === null ? (
                          <Text span size="xs" c="dimmed">
                            NULL
                          </Text>
                        ) : (
                          v
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              Page {page.page}: rows {(page.page - 1) * page.pageSize + 1}–
              {(page.page - 1) * page.pageSize + page.rows.length}
            </Text>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="default"
                disabled={page.page <= 1}
                onClick={() => setShown({ ...shown, page: shown.page - 1 })}
              >
                Previous page
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={!page.hasMore}
                onClick={() => setShown({ ...shown, page: shown.page + 1 })}
              >
                Next page
              </Button>
            </Group>
          </Group>
        </>
      ) : null}
    </Card>
  );
}
