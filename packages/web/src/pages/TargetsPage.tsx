import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type ConnectorCheck, connectorsApi } from '../api/connectors-api';
import { type NewTarget, type TargetDatabase, targetsApi } from '../api/targets-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireOrganisation } from '../components/RequireOrganisation';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';

const emptyTarget: NewTarget = { name: '', host: '', port: 5432, database: '', schema: 'public', user: '' };

/** Registers a target database: where it is and the account that loads; the password is sent once, never shown. */
function RegisterTargetForm({ orgId, allowedHosts }: { orgId: string; allowedHosts: string[] }) {
  const [draft, setDraft] = useState<NewTarget>(emptyTarget);
  const create = useNotifyingMutation(() => targetsApi.create(orgId, draft), {
    success: (t) => `Target database ${t.name} registered`,
    invalidate: [['targets', orgId]],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: () => setDraft(emptyTarget) });
  };
  const set = (patch: Partial<NewTarget>) => setDraft({ ...draft, ...patch });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Register a target database
      </Title>
      {allowedHosts.length === 0 ? (
        <Alert color="yellow" mb="sm" title="No database host allowed yet">
          The operator (a super admin) decides which database hosts this organisation may load into. Ask them to allow
          the staging database's host.
        </Alert>
      ) : null}
      <form onSubmit={submit} aria-label="Register a target database">
        <Stack gap="sm">
          <TextInput label="Name" required value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <Group grow align="flex-start">
            <TextInput
              label="Host"
              required
              description={allowedHosts.length ? `Allowed: ${allowedHosts.join(', ')}` : undefined}
              value={draft.host}
              onChange={(e) => set({ host: e.currentTarget.value })}
            />
            <NumberInput
              label="Port"
              required
              min={1}
              max={65535}
              value={draft.port}
              onChange={(v) => set({ port: typeof v === 'number' ? v : 5432 })}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Database"
              required
              value={draft.database}
              onChange={(e) => set({ database: e.currentTarget.value })}
            />
            <TextInput
              label="Schema"
              required
              description="Where the load creates its tables"
              value={draft.schema}
              onChange={(e) => set({ schema: e.currentTarget.value })}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="User"
              required
              value={draft.user}
              onChange={(e) => set({ user: e.currentTarget.value })}
            />
            <PasswordInput
              label="Password"
              description="Stored encrypted; never shown again"
              value={draft.password ?? ''}
              onChange={(e) => set({ password: e.currentTarget.value || undefined })}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The operator's list of database hosts this organisation's targets and source connectors may name (super admins). */
function AllowedHostsCard({ orgId, allowedHosts }: { orgId: string; allowedHosts: string[] }) {
  const [hosts, setHosts] = useState<string[]>(allowedHosts);
  useEffect(() => setHosts(allowedHosts), [allowedHosts]);
  const save = useNotifyingMutation(() => targetsApi.setHosts(orgId, hosts), {
    success: 'Allowed database hosts saved',
    invalidate: [['targets', orgId]],
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Allowed database hosts (operator)
      </Title>
      <Stack gap="sm">
        <TagsInput
          label="Hosts this organisation's targets and source connectors may name"
          description="host or host:port. Loopback, link-local and the platform's own database stay refused unless the server's FERRY_DB_LOCAL_HOSTS lists them."
          value={hosts}
          onChange={setHosts}
        />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
            Save hosts
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function TargetsTable({ orgId }: { orgId: string }) {
  const { can, user } = useSession();
  const manage = can('target.manage');
  const list = useQuery({ queryKey: ['targets', orgId], queryFn: () => targetsApi.list(orgId) });
  const [tested, setTested] = useState<{ target: TargetDatabase; ok: boolean; checks: ConnectorCheck[] } | null>(null);
  const [deleting, setDeleting] = useState<TargetDatabase | null>(null);
  const test = useNotifyingMutation((t: TargetDatabase) => targetsApi.test(t.id), {
    success: (r, t) => (r.ok ? `${t.name}: every check passed` : `${t.name}: a check failed`),
  });
  const remove = useNotifyingMutation((t: TargetDatabase) => targetsApi.remove(t.id), {
    success: (_, t) => `Target database ${t.name} deleted`,
    invalidate: [['targets', orgId]],
  });
  const allowedHosts = list.data?.allowedHosts ?? [];
  return (
    <Stack>
      <ErrorAlert error={list.error} />
      <Card withBorder>
        <Table aria-label="Target databases" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Where</Table.Th>
              <Table.Th>Schema</Table.Th>
              <Table.Th>User</Table.Th>
              <Table.Th>Password</Table.Th>
              {manage ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.targets ?? []).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>
                  {t.host}:{t.port}/{t.database}
                </Table.Td>
                <Table.Td>{t.schema}</Table.Td>
                <Table.Td>{t.user}</Table.Td>
                <Table.Td>{t.passwordSet ? <Badge variant="light">set</Badge> : <Text size="sm">none</Text>}</Table.Td>
                {manage ? (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Test ${t.name}`}
                        loading={test.isPending && test.variables?.id === t.id}
                        onClick={() => test.mutate(t, { onSuccess: (r) => setTested({ target: t, ...r }) })}
                      >
                        Test
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => setDeleting(t)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {list.data && list.data.targets.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={manage ? 6 : 5}>
                  <Text size="sm">
                    No target database yet: runs load into each project's embedded database or CSV files
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {manage && list.data ? <RegisterTargetForm orgId={orgId} allowedHosts={allowedHosts} /> : null}
        {user?.isSuperAdmin && list.data ? <AllowedHostsCard orgId={orgId} allowedHosts={allowedHosts} /> : null}
        {list.data && (user?.isSuperAdmin || can('connector.read')) ? (
          <SourceFoldersCard orgId={orgId} editable={Boolean(user?.isSuperAdmin)} />
        ) : null}
      </SimpleGrid>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={Boolean(tested)}
        onClose={() => setTested(null)}
        title={tested ? `Test of ${tested.target.name}` : ''}
      >
        {tested ? (
          <List spacing="xs" aria-label="Connection checks">
            {tested.checks.map((c) => (
              <List.Item key={c.name}>
                <Badge color={c.ok ? 'green.9' : 'red.9'} variant="filled" mr="xs">
                  {c.ok ? 'OK' : 'FAIL'}
                </Badge>
                <b>{c.name}</b>: {c.message}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={Boolean(deleting)}
        onClose={() => setDeleting(null)}
        title={deleting ? `Delete ${deleting.name}?` : ''}
      >
        <Text size="sm" mb="md">
          Runs can no longer load into it, nor roll back from here what they loaded. The database itself is not touched.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => deleting && remove.mutate(deleting, { onSettled: () => setDeleting(null) })}
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/**
 * The operator's list of server folders this organisation's csv-directory connectors may read; shown to members
 * (read-only), edited by super admins. Each must lie inside the server's FERRY_SOURCE_ROOTS.
 */
function SourceFoldersCard({ orgId, editable }: { orgId: string; editable: boolean }) {
  const list = useQuery({ queryKey: ['source-folders', orgId], queryFn: () => connectorsApi.sourceFolders(orgId) });
  const [folders, setFolders] = useState<string[]>([]);
  useEffect(() => setFolders(list.data?.folders ?? []), [list.data]);
  const save = useNotifyingMutation(() => connectorsApi.setSourceFolders(orgId, folders), {
    success: 'Allowed source folders saved',
    invalidate: [['source-folders', orgId]],
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Allowed source folders{editable ? ' (operator)' : ''}
      </Title>
      <ErrorAlert error={list.error} />
      {editable ? (
        <Stack gap="sm">
          <TagsInput
            label="Server folders this organisation's folder connectors may read"
            description="Absolute paths inside the server's FERRY_SOURCE_ROOTS. Another organisation's folder is never readable from here, nor through a link."
            value={folders}
            onChange={setFolders}
          />
          <Group justify="flex-end">
            <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
              Save folders
            </Button>
          </Group>
        </Stack>
      ) : list.data && list.data.folders.length === 0 ? (
        <Text size="sm">
          None yet: the operator (a super admin) decides which server folders this organisation's folder connectors may
          read.
        </Text>
      ) : (
        <List size="sm" aria-label="Allowed source folders">
          {(list.data?.folders ?? []).map((f) => (
            <List.Item key={f}>
              <code>{f}</code>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** Settings → Targets: the organisation's PostgreSQL target databases (register, test, delete). */
export function TargetsPage() {
  return (
    <>
      <PageHeader
        title="Target databases"
        description="The staging databases of the systems this organisation moves to: projects load into them and roll loads back from the Runs page. The operator's allowances of database hosts and server folders also bound the projects' source connectors."
      />
      <RequireOrganisation>{(orgId) => <TargetsTable orgId={orgId} />}</RequireOrganisation>
    </>
  );
}
