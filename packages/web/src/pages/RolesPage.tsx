import { Button, Checkbox, Group, ScrollArea, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { adminApi, type OrgRole, orgRoles } from '../api/admin-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireOrganisation } from '../components/RequireOrganisation';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';

function Matrix({ orgId }: { orgId: string }) {
  const { can } = useSession();
  const editable = can('roles.manage');
  const matrix = useQuery({ queryKey: ['roles', orgId], queryFn: () => adminApi.roleMatrix(orgId) });
  const [draft, setDraft] = useState<Record<string, string[]>>({});
  useEffect(() => {
    if (matrix.data) setDraft(structuredClone(matrix.data.roles));
  }, [matrix.data]);
  const changed = orgRoles.filter(
    (r) => matrix.data && [...(draft[r] ?? [])].sort().join() !== [...(matrix.data.roles[r] ?? [])].sort().join(),
  );
  const save = useNotifyingMutation(
    async () => {
      for (const role of changed) await adminApi.setRolePermissions(orgId, role as OrgRole, draft[role] ?? []);
    },
    { success: () => `Saved ${changed.length} role(s)`, invalidate: [['roles', orgId], ['session']] },
  );
  const toggle = (role: string, permission: string) => {
    const current = new Set(draft[role] ?? []);
    if (current.has(permission)) current.delete(permission);
    else current.add(permission);
    setDraft({ ...draft, [role]: [...current] });
  };
  return (
    <>
      <PageHeader
        title="Roles and permissions"
        description="What each role may do in this organisation. The org admin always keeps user and role management."
        actions={
          editable ? (
            <Group gap="xs">
              <Button
                variant="default"
                disabled={!changed.length}
                onClick={() => matrix.data && setDraft(structuredClone(matrix.data.roles))}
              >
                Discard
              </Button>
              <Button disabled={!changed.length} loading={save.isPending} onClick={() => save.mutate(undefined)}>
                Save changes
              </Button>
            </Group>
          ) : null
        }
      />
      <ErrorAlert error={matrix.error} />
      {matrix.data ? (
        <ScrollArea type="auto">
          <Table aria-label="Role-permission matrix" withColumnBorders striped={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Permission</Table.Th>
                {orgRoles.map((r) => (
                  <Table.Th key={r} style={{ textAlign: 'center' }}>
                    {r.replaceAll('_', ' ')}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.permissions.map((p) => (
                <Table.Tr key={p}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm" ff="monospace">
                      {p}
                    </Text>
                  </Table.Th>
                  {orgRoles.map((r) => (
                    <Table.Td key={r} style={{ textAlign: 'center' }}>
                      <Checkbox
                        aria-label={`${r} has ${p}`}
                        checked={(draft[r] ?? []).includes(p)}
                        disabled={!editable}
                        onChange={() => toggle(r, p)}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ) : null}
    </>
  );
}

/** The role-permission matrix an org admin edits within their organisation. */
export function RolesPage() {
  return <RequireOrganisation>{(orgId) => <Matrix orgId={orgId} />}</RequireOrganisation>;
}
