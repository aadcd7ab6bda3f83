import { z } from 'zod';
import { orgRoles } from '../rbac/permissions.js';

export const orgUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'locked']),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  roles: z.array(z.enum(orgRoles)),
  createdAt: z.string(),
});
export type OrgUser = z.infer<typeof orgUserSchema>;

export function orgUserView(
  u: {
    id: string;
    email: string;
    display_name: string;
    status: 'active' | 'locked';
    locked_until: Date | null;
    totp_enabled: boolean;
    created_at: Date;
  },
  roles: string[],
): OrgUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    status: u.status,
    lockedUntil: u.locked_until ? new Date(u.locked_until).toISOString() : null,
    totpEnabled: u.totp_enabled,
    roles: orgRoles.filter((r) => roles.includes(r)),
    createdAt: new Date(u.created_at).toISOString(),
  };
}
