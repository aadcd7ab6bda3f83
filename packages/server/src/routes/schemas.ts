import { z } from 'zod';
import { orgRoles } from '../rbac/permissions.js';

/** An email as Ferry stores it: trimmed and lower-case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((s) => s.toLowerCase());

export const displayNameSchema = z.string().trim().min(1).max(200);
/** A password as sent; the policy is checked by the handler (to name every problem at once). */
export const passwordSchema = z.string().min(1).max(256);
export const orgRoleSchema = z.enum(orgRoles);
export const idSchema = z.uuid();

export const orgParams = z.object({ orgId: idSchema });
export const orgUserParams = z.object({ orgId: idSchema, userId: idSchema });

/** Server-side paging: page numbers from 1, at most 500 rows a page. */
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const okSchema = z.object({ ok: z.literal(true) });

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.string().nullable(),
  isSuperAdmin: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** A user row as the API shows it (never the password hash or TOTP secret). */
export function userSummaryOf(u: {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string | null;
  is_super_admin: boolean;
}): UserSummary {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    organisationId: u.organisation_id,
    isSuperAdmin: u.is_super_admin,
  };
}
