import { Avatar, Badge, Box, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
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

/** What the menu shows under the name: super admin, or the member's roles. */
function roleLine(user: { isSuperAdmin: boolean; roles: readonly string[] }): string {
  return user.isSuperAdmin ? 'super admin' : user.roles.join(', ').replaceAll('_', ' ');
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
        {/* Named by what it shows (no aria-label that could drift from the visible text); on a phone, where the name
            and roles are hidden, by the same words visually hidden. */}
        <UnstyledButton data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            {/* The initials are drawn by CSS (app.css): the button's name is the text beside them, not "AD Admin". */}
            <Avatar
              size="sm"
              color="ferry"
              radius="xl"
              aria-hidden
              className="initials-avatar"
              style={{ '--initials': JSON.stringify(initialsOf(user.displayName || user.email)) } as CSSProperties}
            >
              {' '}
            </Avatar>
            <VisuallyHidden hiddenFrom="xs">{`${user.displayName}, ${roleLine(user)}`}</VisuallyHidden>
            <Box visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.1}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {roleLine(user)}
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
