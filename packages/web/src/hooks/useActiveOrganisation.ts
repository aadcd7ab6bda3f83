import { useCallback, useSyncExternalStore } from 'react';
import { useSession } from './useSession';

const storageKey = 'ferry.activeOrganisation';
const listeners = new Set<() => void>();
let chosen: string | null = readStored();

function readStored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Chooses the organisation admin pages and the switcher work in (remembered across visits). */
export function chooseOrganisation(orgId: string | null): void {
  if (orgId === chosen) return;
  chosen = orgId;
  try {
    if (orgId) localStorage.setItem(storageKey, orgId);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage may be disabled; the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The organisation the caller works in: their own, or for a super admin (who belongs to none) the one chosen in
 * the switcher.
 *
 * @example
 * const { orgId } = useActiveOrganisation();
 */
export function useActiveOrganisation(): { orgId: string | null; choose: (orgId: string | null) => void } {
  const { user } = useSession();
  const picked = useSyncExternalStore(subscribe, () => chosen);
  const orgId = user && !user.isSuperAdmin ? user.organisationId : picked;
  const choose = useCallback((id: string | null) => chooseOrganisation(id), []);
  return { orgId, choose };
}
