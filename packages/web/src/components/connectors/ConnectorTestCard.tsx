import { Badge, Button, Card, Group, List, ScrollArea, Text, Title } from '@mantine/core';
import { type Connector, connectorsApi } from '../../api/connectors-api';
import { useNotifyingMutation } from '../../hooks/useNotifyingMutation';
import { ErrorAlert } from '../ErrorAlert';

/** Tests a connector (files readable, or the database reachable) and lists what each check found. */
export function ConnectorTestCard({ connector }: { connector: Connector }) {
  const test = useNotifyingMutation(() => connectorsApi.test(connector.id), {
    success: (r) => (r.ok ? 'The connector works' : 'The test found problems'),
  });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Test
        </Title>
        <Button size="xs" variant="light" onClick={() => test.mutate(undefined)} loading={test.isPending}>
          Test connector
        </Button>
      </Group>
      <ErrorAlert error={test.error} />
      {test.data ? (
        <>
          <Badge color={test.data.ok ? 'green.9' : 'red.9'} variant="filled" mb="xs">
            {test.data.ok ? 'Test passed' : 'Test failed'}
          </Badge>
          <ScrollArea.Autosize mah={480} type="auto">
            <List size="sm" spacing={4} aria-label="Test results">
              {test.data.checks.map((c) => (
                <List.Item key={c.name}>
                  <Text span size="sm" fw={600} c={c.ok ? 'green.9' : 'red.9'}>
                    {c.ok ? 'OK' : 'Problem'}
                  </Text>{' '}
                  <Text span size="sm" fw={500}>
                    {c.name}
                  </Text>
                  : {c.message}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Checks that the source can be read, without changing anything.
        </Text>
      )}
    </Card>
  );
}
