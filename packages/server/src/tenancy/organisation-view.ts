import { z } from 'zod';

export const organisationSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  requireTotp: z.boolean(),
  createdAt: z.string(),
});

export function organisationView(o: {
  id: string;
  slug: string;
  name: string;
  require_totp: boolean;
  created_at: Date;
}) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    requireTotp: o.require_totp,
    createdAt: new Date(o.created_at).toISOString(),
  };
}
