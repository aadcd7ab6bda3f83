import { NavLink as MantineNavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { NavLink, useLocation } from 'react-router';
import { hrefOf, navigation } from '../app/navigation';
import { useSession } from '../hooks/useSession';

/** The sidebar, grouped Overview / Design / Execution / Ops; entries the caller may not use are not shown. */
export function NavSidebar({ projectId, onNavigate }: { projectId: string | null; onNavigate?: () => void }) {
  const { can } = useSession();
  const { pathname } = useLocation();
  return (
    <ScrollArea h="100%" type="auto">
      <nav aria-label="Main">
        <Stack gap="md" p="xs">
          {navigation.map((group) => {
            const items = group.items.filter((item) => !item.permission || can(item.permission));
            if (!items.length) return null;
            return (
              <div key={group.label}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4} component="h2">
                  {group.label}
                </Text>
                {items.map((item) => {
                  const href = hrefOf(item, projectId);
                  if (!href) {
                    return (
                      <MantineNavLink key={item.label} label={item.label} disabled description="Choose a project" />
                    );
                  }
                  return (
                    <MantineNavLink
                      key={item.label}
                      component={NavLink}
                      to={href}
                      label={item.label}
                      active={pathname === href || pathname.startsWith(`${href}/`)}
                      onClick={onNavigate}
                    />
                  );
                })}
              </div>
            );
          })}
        </Stack>
      </nav>
    </ScrollArea>
  );
}
