import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adminApi, type OrgRole, type OrgUser, orgRoles, type PasswordCode } from '../api/admin-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PasswordCodeNotice } from '../components/PasswordCodeNotice';
import { RequireOrganisation } from '../components/RequireOrganisation';
import { RoleBadges } from '../components/RoleBadges';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';

const roleOptions = orgRoles.map((r) => ({ value: r, label: r.replaceAll('_', ' ') }));

function RolesEditor({ orgId, user, onDone }: { orgId: string; user: OrgUser; onDone: () => void }) {
  const [roles, setRoles] = useState<string[]>(user.roles);
  const save = useNotifyingMutation(() => adminApi.setUserRoles(orgId, user.id, roles as OrgRole[]), {
    success: `Roles of ${user.displayName} saved`,
    invalidate: [['users', orgId]],
  });
  return (
    <Stack>
      <MultiSelect label={`Roles of ${user.displayName}`} data={roleOptions} value={roles} onChange={setRoles} />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate(undefined, { onSuccess: onDone })} loading={save.isPending}>
          Save roles
        </Button>
      </Group>
    </Stack>
  );
}

/** A code to pass on: whose it is and the code. */
interface IssuedCode {
  who: string;
  passwordCode: PasswordCode;
}

function CreateUserForm({ orgId, onDone }: { orgId: string; onDone: (issued: IssuedCode) => void }) {
  const [form, setForm] = useState({ email: '', displayName: '', roles: ['viewer'] as string[] });
  const create = useNotifyingMutation(() => adminApi.createUser(orgId, { ...form, roles: form.roles as OrgRole[] }), {
    success: (u) => `${u.displayName} is created: pass on the one-time code`,
    invalidate: [['users', orgId]],
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, {
      onSuccess: (u) => onDone({ who: u.displayName, passwordCode: u.setPasswordCode }),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Create user">
      <Stack gap="sm">
        <TextInput
          label="Full name"
          required
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
        />
        <Text size="sm" c="dimmed">
          No password to choose: you get a one-time code to pass on, with which they set their own.
        </Text>
        <Checkbox.Group label="Roles" value={form.roles} onChange={(roles) => setForm({ ...form, roles })}>
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {roleOptions.map((r) => (
              <Checkbox key={r.value} value={r.value} label={r.label} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UsersTable({ orgId }: { orgId: string }) {
  const { can, user: me } = useSession();
  const manage = can('users.manage');
  const users = useQuery({ queryKey: ['users', orgId], queryFn: () => adminApi.users(orgId) });
  const [editing, setEditing] = useState<OrgUser | null>(null);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [filter, setFilter] = useState('');
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const invalidate = [['users', orgId]];
  const lock = useNotifyingMutation((u: OrgUser) => adminApi.lockUser(orgId, u.id), {
    success: (_, u) => `${u.displayName} is locked`,
    invalidate,
  });
  const unlock = useNotifyingMutation((u: OrgUser) => adminApi.unlockUser(orgId, u.id), {
    success: (_, u) => `${u.displayName} is unlocked`,
    invalidate,
  });
  const reset = useNotifyingMutation((u: OrgUser) => adminApi.resetUser(orgId, u.id), {
    success: (r, u) => `${u.displayName}: ${r.sessionsEnded} sessions ended, ${r.tokensRevoked} tokens revoked`,
    invalidate,
  });
  const resetPassword = useNotifyingMutation((u: OrgUser) => adminApi.resetUser(orgId, u.id, { resetPassword: true }), {
    success: (_, u) => `${u.displayName}: password reset, sessions and tokens ended`,
    invalidate,
  });
  const shown = (users.data ?? []).filter((u) =>
    `${u.displayName} ${u.email} ${u.roles.join(' ')}`.toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <>
      <PageHeader
        title="Users"
        description="The people of this organisation, their roles and their sign-in state"
        actions={manage ? <Button onClick={openCreate}>Create user</Button> : null}
      />
      <TextInput
        label="Filter users"
        placeholder="Name, email or role"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={360}
        mb="sm"
      />
      <ErrorAlert error={users.error} />
      {issued ? (
        <Modal
          closeButtonProps={{ 'aria-label': 'Close' }}
          opened
          onClose={() => setIssued(null)}
          title={`One-time code for ${issued.who}`}
        >
          <PasswordCodeNotice who={issued.who} passwordCode={issued.passwordCode} />
        </Modal>
      ) : null}
      <Table aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>TOTP</Table.Th>
            {manage ? <Table.Th>Actions</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((u) => (
            <Table.Tr key={u.id} data-testid={`user-${u.email}`}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>
                <RoleBadges roles={u.roles} />
              </Table.Td>
              <Table.Td>
                <Badge color={u.status === 'active' ? 'green.9' : 'red.9'} variant="filled" size="sm">
                  {u.status}
                </Badge>
              </Table.Td>
              <Table.Td>{u.totpEnabled ? 'on' : 'off'}</Table.Td>
              {manage ? (
                <Table.Td>
                  <Menu withinPortal position="bottom-end">
                    <Menu.Target>
                      <Button size="compact-xs" variant="default" aria-label={`Actions for ${u.displayName}`}>
                        Actions
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing(u)}>Edit roles</Menu.Item>
                      {u.status === 'active' ? (
                        <Menu.Item disabled={u.id === me?.id} onClick={() => lock.mutate(u)}>
                          Lock
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => unlock.mutate(u)}>Unlock</Menu.Item>
                      )}
                      <Menu.Item onClick={() => reset.mutate(u)}>Reset sessions and tokens</Menu.Item>
                      <Menu.Item
                        disabled={u.id === me?.id}
                        onClick={() =>
                          resetPassword.mutate(u, {
                            onSuccess: (r) =>
                              r.setPasswordCode && setIssued({ who: u.displayName, passwordCode: r.setPasswordCode }),
                          })
                        }
                      >
                        Reset password
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {users.data && !shown.length ? (
        <Text size="sm" c="dimmed" mt="sm">
          No user matches.
        </Text>
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={Boolean(editing)}
        onClose={() => setEditing(null)}
        title="Edit roles"
      >
        {editing ? <RolesEditor orgId={orgId} user={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened={creating} onClose={closeCreate} title="Create user">
        <CreateUserForm
          orgId={orgId}
          onDone={(code) => {
            closeCreate();
            setIssued(code);
          }}
        />
      </Modal>
    </>
  );
}

/**
 * Users and admin: the directory, roles, lock / unlock, reset (ends every session and token) and password reset.
 * Passwords are never typed by an administrator: creating a user or resetting a password gives a one-time code.
 */
export function UsersPage() {
  return <RequireOrganisation>{(orgId) => <UsersTable orgId={orgId} />}</RequireOrganisation>;
}
