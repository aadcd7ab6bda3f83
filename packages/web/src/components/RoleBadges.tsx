import { Badge, Group } from '@mantine/core';

/** Roles as small badges, underscores shown as spaces. */
export function RoleBadges({ roles }: { roles: readonly string[] }) {
  if (!roles.length) return null;
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} size="sm" variant="light" color="ferry.8">
          {r.replaceAll('_', ' ')}
        </Badge>
      ))}
    </Group>
  );
}
