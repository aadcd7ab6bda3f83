import { Accordion, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Connector, connectorsApi } from '../../api/connectors-api';
import { ErrorAlert } from '../ErrorAlert';

/** Discovers the source's tables and columns with their inferred types (no values). */
export function ConnectorSchemaCard({ connector }: { connector: Connector }) {
  const schema = useQuery({
    queryKey: ['connector-schema', connector.id],
    queryFn: () => connectorsApi.schema(connector.id),
    enabled: false,
    retry: false,
  });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Schema
        </Title>
        <Button size="xs" variant="light" onClick={() => schema.refetch()} loading={schema.isFetching}>
          Discover schema
        </Button>
      </Group>
      <ErrorAlert error={schema.error} title="The schema could not be read" />
      {schema.data ? (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {schema.data.tables.length} table(s)
            {schema.data.sampleRows
              ? `; types inferred from the first ${schema.data.sampleRows} rows of each file`
              : ''}
          </Text>
          <Accordion multiple variant="separated" aria-label="Discovered tables">
            {schema.data.tables.map((t) => (
              <Accordion.Item key={t.name} value={t.name}>
                <Accordion.Control>
                  {t.name}{' '}
                  <Badge size="xs" variant="outline">
                    {t.columns.length} columns
                  </Badge>
                </Accordion.Control>
                <Accordion.Panel>
                  <Table aria-label={`Columns of ${t.name}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Column</Table.Th>
                        <Table.Th>Type</Table.Th>
                        <Table.Th>Max length</Table.Th>
                        <Table.Th>Nullable</Table.Th>
                        <Table.Th>Key</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {t.columns.map((c) => (
                        <Table.Tr key={c.name}>
                          <Table.Td>{c.name}</Table.Td>
                          <Table.Td>{c.dataType}</Table.Td>
                          <Table.Td>{c.maxLength ?? ''}</Table.Td>
                          <Table.Td>{c.nullable ? 'yes' : 'no'}</Table.Td>
                          <Table.Td>{c.primaryKey ? 'primary' : (c.references ?? '')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Lists the tables and columns with types inferred by Ferry's catalog introspection.
        </Text>
      )}
    </Card>
  );
}
