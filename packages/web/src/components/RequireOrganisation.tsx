import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useActiveOrganisation } from '../hooks/useActiveOrganisation';

/** Renders its children with the active organisation, or asks a super admin to choose one in the switcher. */
export function RequireOrganisation({ children }: { children: (orgId: string) => ReactNode }) {
  const { orgId } = useActiveOrganisation();
  if (!orgId) {
    return (
      <Alert color="ferry" title="Choose an organisation">
        Pick the organisation to administer in the switcher at the top of the page.
      </Alert>
    );
  }
  return <>{children(orgId)}</>;
}
