import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../api/api-error';
import { identityApi, type Me } from '../api/identity-api';

/** What pages need to know about the caller. */
export interface Session {
  user: Me | null;
  loading: boolean;
  /** True when the user holds the permission (super admins hold every one). */
  can(permission: string): boolean;
  /** Forgets the cached user (after sign-in or sign-out). */
  refresh(): Promise<void>;
}

export const sessionQueryKey = ['session'] as const;

/**
 * The signed-in user, read once from the API and shared by every component. A 401 means "signed out", not an error.
 *
 * @example
 * const { user, can } = useSession();
 * if (can('contract.approve')) ...
 */
export function useSession(): Session {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await identityApi.me(signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const user = query.data ?? null;
  const can = useCallback(
    (permission: string) => Boolean(user && (user.isSuperAdmin || user.permissions.includes(permission))),
    [user],
  );
  const refresh = useCallback(async () => {
    await client.invalidateQueries({ queryKey: sessionQueryKey });
  }, [client]);
  return { user, loading: query.isPending, can, refresh };
}
