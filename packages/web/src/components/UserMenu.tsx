import { Avatar, Badge, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { identityApi } from '../api/identity-api';
import { useSession } from '../hooks/useSession';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** The signed-in user in the top bar: name, roles, and sign out. */
export function UserMenu() {
  const { user } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (!user) return null;
  const signOut = async () => {
    try {
      await identityApi.logout();
    } finally {
      client.clear();
      navigate('/login');
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Signed in as ${user.displayName}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size="sm" color="ferry" radius="xl">
              {initialsOf(user.displayName || user.email)}
            </Avatar>
            <Box visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.1}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {user.isSuperAdmin ? 'super admin' : user.roles.join(', ').replaceAll('_', ' ')}
              </Text>
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        {user.isSuperAdmin ? (
          <Menu.Item disabled>
            <Badge size="xs">platform access</Badge>
          </Menu.Item>
        ) : null}
        <Menu.Item onClick={() => navigate('/settings')}>Settings</Menu.Item>
        <Menu.Item color="red" onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
