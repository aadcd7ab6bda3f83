import { Card, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import { type Organisation, tenancyApi } from '../api/tenancy-api';
import { useActiveOrganisation } from '../hooks/useActiveOrganisation';
import { useNotifyingMutation } from '../hooks/useNotifyingMutation';
import { useSession } from '../hooks/useSession';
import { ErrorAlert } from './ErrorAlert';

/** The organisation's own settings: its code for access requests, and whether every member must use TOTP. */
export function OrganisationCard() {
  const { can } = useSession();
  const { orgId } = useActiveOrganisation();
  const org = useQuery({
    queryKey: ['organisation', orgId],
    queryFn: () => api.get<Organisation>(`/api/orgs/${orgId}`),
    enabled: Boolean(orgId),
  });
  const update = useNotifyingMutation(
    (requireTotp: boolean) => tenancyApi.updateOrganisation(orgId!, { requireTotp }),
    {
      success: (o) => (o.requireTotp ? 'Every member must now use a second factor' : 'A second factor is now optional'),
      invalidate: [['organisation', orgId], ['organisations']],
    },
  );
  if (!orgId || !can('org.manage')) return null;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Organisation
      </Title>
      <ErrorAlert error={org.error} />
      {org.data ? (
        <>
          <Text size="sm" mb="xs">
            {org.data.name} · code for access requests: <b>{org.data.slug}</b>
          </Text>
          <Switch
            label="Every member must use a second factor (TOTP)"
            checked={org.data.requireTotp}
            disabled={update.isPending}
            onChange={(e) => update.mutate(e.currentTarget.checked)}
          />
        </>
      ) : null}
    </Card>
  );
}
