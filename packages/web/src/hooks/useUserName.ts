import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { adminApi } from '../api/admin-api';
import { useActiveOrganisation } from './useActiveOrganisation';
import { useSession } from './useSession';

/**
 * Names a user id for display: "you", the person's name when the caller may read the directory, else a short id.
 *
 * @example
 * const nameOf = useUserName();
 * nameOf(decision.decidedBy) // 'Colin Cutover'
 */
export function useUserName(): (userId: string) => string {
  const { user, can } = useSession();
  const { orgId } = useActiveOrganisation();
  const users = useQuery({
    queryKey: ['users', orgId],
    queryFn: () => adminApi.users(orgId!),
    enabled: Boolean(orgId) && can('users.read'),
    staleTime: 5 * 60_000,
  });
  return useCallback(
    (userId: string) => {
      if (userId === user?.id) return 'you';
      const found = users.data?.find((u) => u.id === userId);
      return found ? `${found.displayName} (${found.email})` : `user ${userId.slice(0, 8)}`;
    },
    [user, users.data],
  );
}
