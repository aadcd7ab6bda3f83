import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { metaApi } from '../api/meta-api';
import { AccountCard } from '../components/AccountCard';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrganisationCard } from '../components/OrganisationCard';
import { PageHeader } from '../components/PageHeader';
import { ProjectSettingsCard } from '../components/ProjectSettingsCard';
import { useProjectContext } from '../hooks/useProjectContext';

function Check({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Group gap="xs">
      <Badge color={ok ? 'green.9' : 'red.9'} variant="filled" w={56}>
        {ok ? 'OK' : 'FAIL'}
      </Badge>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** Settings: version manifest, connectivity checks, and the signed-in account. */
export function SettingsPage() {
  const { project } = useProjectContext();
  const version = useQuery({ queryKey: ['meta', 'version'], queryFn: metaApi.version });
  const ready = useQuery({ queryKey: ['meta', 'ready'], queryFn: metaApi.ready, retry: false });
  return (
    <>
      <PageHeader title="Settings" description="Version, connectivity and your account" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {project ? <ProjectSettingsCard projectId={project.id} projectName={project.name} /> : null}
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            Version
          </Title>
          <ErrorAlert error={version.error} />
          {version.data ? (
            <Table withRowBorders={false} striped={false} aria-label="Version">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Ferry</Table.Th>
                  <Table.Td>{version.data.ferry}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>API</Table.Th>
                  <Table.Td>{version.data.api}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Node</Table.Th>
                  <Table.Td>{version.data.node}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Platform schema</Table.Th>
                  <Table.Td>{version.data.schema ?? 'none applied'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Packs</Table.Th>
                  <Table.Td>{version.data.packs.map((p) => p.name).join(', ')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          ) : null}
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              Connectivity
            </Title>
            <Button size="xs" variant="light" onClick={() => ready.refetch()} loading={ready.isFetching}>
              Check again
            </Button>
          </Group>
          {ready.data ? (
            <Stack gap={6}>
              <Check ok={ready.data.checks.database} label="Database answers" />
              <Check ok={ready.data.checks.migrations} label="Every platform migration applied, unchanged" />
              <Check ok={ready.data.checks.appRole} label="Application role cannot bypass row-level security" />
              {ready.data.problems.length ? (
                <List size="sm">
                  {ready.data.problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          ) : (
            <ErrorAlert error={ready.error} title="Not ready" />
          )}
        </Card>
        <OrganisationCard />
        <AccountCard />
      </SimpleGrid>
    </>
  );
}
