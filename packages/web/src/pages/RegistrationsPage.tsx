import { Button, Group, MultiSelect, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi, type OrgRole, orgRoles, type Registration } from '../api/admin-api';
import { ConfirmChangeDialog, counted, type PendingChange } from '../components/ConfirmChangeDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireOrganisation } from '../components/RequireOrganisation';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';

const roleOptions = orgRoles.map((r) => ({ value: r, label: r.replaceAll('_', ' ') }));

function PendingRow({ orgId, registration }: { orgId: string; registration: Registration }) {
  // No role is chosen for the admin: they pick what the person needs.
  const [roles, setRoles] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<PendingChange | null>(null);
  const invalidate = [
    ['registrations', orgId],
    ['users', orgId],
  ];
  const approve = useNotifyingMutation(() => adminApi.approveRegistration(orgId, registration.id, roles as OrgRole[]), {
    success: `${registration.displayName} approved`,
    invalidate,
  });
  const reject = useNotifyingMutation(() => adminApi.rejectRegistration(orgId, registration.id, note || undefined), {
    success: `${registration.displayName} rejected`,
    invalidate,
  });
  const roleNames = roles.map((r) => r.replaceAll('_', ' ')).join(', ');
  const askApprove = () =>
    setConfirming({
      title: `Approve ${registration.displayName} as ${roleNames}?`,
      summary: `An account is created for ${registration.displayName} (${registration.email}) in this organisation with ${counted(roles.length, 'role', 'roles')}: ${roleNames}. They can sign in at once with the password they chose.`,
      items: [],
      total: 0,
      confirmLabel: `Approve as ${roleNames}`,
      onConfirm: () => approve.mutate(undefined, { onSettled: () => setConfirming(null) }),
    });
  const askReject = () =>
    setConfirming({
      title: `Reject ${registration.displayName}'s request?`,
      summary: `${registration.displayName} (${registration.email}) gets no account${note ? `; the note says: ${note}` : ''}.`,
      items: [],
      total: 0,
      confirmLabel: 'Reject the request',
      danger: true,
      onConfirm: () => reject.mutate(undefined, { onSettled: () => setConfirming(null) }),
    });
  return (
    <Table.Tr data-testid={`registration-${registration.email}`}>
      <Table.Td>{registration.displayName}</Table.Td>
      <Table.Td>{registration.email}</Table.Td>
      <Table.Td>{new Date(registration.createdAt).toLocaleString('en-GB')}</Table.Td>
      <Table.Td>
        <MultiSelect
          size="xs"
          aria-label={`Roles for ${registration.email}`}
          data={roleOptions}
          placeholder="Choose roles"
          value={roles}
          onChange={setRoles}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`Rejection note for ${registration.email}`}
          placeholder="Note (if rejecting)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" onClick={askApprove} loading={approve.isPending} disabled={!roles.length}>
            Approve
          </Button>
          <Button size="compact-sm" color="red.9" variant="outline" onClick={askReject} loading={reject.isPending}>
            Reject
          </Button>
        </Group>
        <ConfirmChangeDialog
          change={confirming}
          pending={approve.isPending || reject.isPending}
          onClose={() => setConfirming(null)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function Registrations({ orgId }: { orgId: string }) {
  const [status, setStatus] = useState<Registration['status']>('pending');
  const list = useQuery({
    queryKey: ['registrations', orgId, status],
    queryFn: () => adminApi.registrations(orgId, status),
  });
  return (
    <>
      <PageHeader
        title="Registration requests"
        description="People who asked for access; approving creates their account with the roles chosen"
      />
      <SegmentedControl
        mb="sm"
        aria-label="Show requests"
        value={status}
        onChange={(v) => setStatus(v as Registration['status'])}
        data={[
          { value: 'pending', label: 'Pending' },
          { value: 'approved', label: 'Approved' },
          { value: 'rejected', label: 'Rejected' },
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table aria-label="Registration requests">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Requested</Table.Th>
            {status === 'pending' ? (
              <>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Decision</Table.Th>
              </>
            ) : (
              <>
                <Table.Th>Decided</Table.Th>
                <Table.Th>Note</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((r) =>
            status === 'pending' ? (
              <PendingRow key={r.id} orgId={orgId} registration={r} />
            ) : (
              <Table.Tr key={r.id}>
                <Table.Td>{r.displayName}</Table.Td>
                <Table.Td>{r.email}</Table.Td>
                <Table.Td>{new Date(r.createdAt).toLocaleString('en-GB')}</Table.Td>
                <Table.Td>{r.decidedAt ? new Date(r.decidedAt).toLocaleString('en-GB') : ''}</Table.Td>
                <Table.Td>{r.decisionNote}</Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      {list.data && !list.data.length ? (
        <Text size="sm" c="dimmed" mt="sm">
          No {status} requests.
        </Text>
      ) : null}
    </>
  );
}

/** Registration approvals: pending requests with roles to grant, and the decided ones. */
export function RegistrationsPage() {
  return <RequireOrganisation>{(orgId) => <Registrations orgId={orgId} />}</RequireOrganisation>;
}
