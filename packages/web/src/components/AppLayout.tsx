import { Anchor, AppShell, Burger, Center, Group, Loader } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useProjectContext } from '../hooks/useProjectContext';
import { useSession } from '../hooks/useSession';
import { ContextSwitcher } from './ContextSwitcher';
import { NavSidebar } from './NavSidebar';
import { UserMenu } from './UserMenu';

/**
 * The signed-in shell: a top bar (brand, context switcher, user) and the grouped sidebar around the page.
 * Signed-out visitors are sent to the sign-in page and come back afterwards.
 */
export function AppLayout() {
  const { user, loading } = useSession();
  const { projectId } = useProjectContext();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // Below Mantine's md breakpoint (62em) the header has room for the brand and the user menu only.
  const narrow = useMediaQuery('(max-width: 61.99em)') ?? false;
  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            {/* The brand is a link home; each page's own title is its h1. */}
            <Anchor component={Link} to="/" underline="never" c="ferry.7" fw={700} fz="h4" aria-label="Ferry home">
              Ferry
            </Anchor>
            {/* On a narrow screen the switchers move into the navigation, so the user menu stays on screen. */}
            {narrow ? null : <ContextSwitcher />}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        {narrow ? <ContextSwitcher stacked /> : null}
        <NavSidebar projectId={projectId} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
