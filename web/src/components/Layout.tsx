import { Anchor, Box, Burger, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { apiFetch } from '../api/client';
import { queryKeys, useMe } from '../api/queries';
import { hasSessionHint, setSessionHint } from '../lib/storage';
import { PageLoader } from './PageLoader';

function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setSessionHint(false);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      navigate('/', { replace: true });
    },
  });
}

const FOOTER_LINKS = [
  { to: '/about', label: 'About' },
  { to: '/sample', label: 'Sample report' },
  { to: '/confidentiality', label: 'Confidentiality' },
  { to: '/terms', label: 'Terms' },
  { to: '/privacy', label: 'Privacy' },
  { to: '/refunds', label: 'Refunds' },
  { to: '/contact', label: 'Contact' },
];

interface NavItem {
  to: string;
  label: string;
}

function navItems(me: ReturnType<typeof useMe>['data']): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/profile', label: 'Company profile' },
  ];
  if (me.user.role === 'founder') items.push({ to: '/admin', label: 'Founder console' });
  if (me.settings.localMode) items.push({ to: '/outbox', label: 'Outbox' });
  return items;
}

function HeaderLink({ to, label, onClick }: NavItem & { onClick?: () => void }) {
  return (
    <Anchor component={NavLink} to={to} onClick={onClick} fw={600} c="gray.9" className="nav-link">
      {label}
    </Anchor>
  );
}

export function Layout() {
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, menu] = useDisclosure(false);
  const user = me.data?.user;
  const items = navItems(me.data);

  // Close the phone menu on every navigation.
  const { close } = menu;
  useEffect(() => close(), [location.pathname, close]);

  // Signed in but the API does not answer yet (or right now): keep the signed-in header's place, not "Log in".
  const unsure = !user && hasSessionHint() && (me.isPending || me.isError || me.failureCount > 0);
  const account = unsure ? (
    <Text size="sm" c="dimmed" aria-hidden="true">
      {me.failureCount > 0 ? 'Reconnecting…' : ''}
    </Text>
  ) : user ? (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed" visibleFrom="md">
        {user.firstName} {user.lastName}
      </Text>
      <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
        Log out
      </Button>
    </Group>
  ) : (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} to="/login" fw={600}>
        Log in
      </Anchor>
      <Button component={Link} to="/register" size="xs">
        Sign up
      </Button>
    </Group>
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Box
        component="header"
        bg="white"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          position: 'sticky',
          top: 0,
          zIndex: 100,
        }}
      >
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Anchor
                component={Link}
                to={user ? '/dashboard' : '/'}
                fw={800}
                fz="lg"
                c="indigo.9"
                underline="never"
              >
                ScaleMap
              </Anchor>
              {items.length > 0 && (
                <Group component="nav" aria-label="Main" gap="md" visibleFrom="sm">
                  {items.map((item) => (
                    <HeaderLink key={item.to} {...item} />
                  ))}
                </Group>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              {account}
              {items.length > 0 && (
                <Burger
                  opened={menuOpen}
                  onClick={menu.toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={menuOpen ? 'Close menu' : 'Open menu'}
                  aria-expanded={menuOpen}
                  aria-controls="mobile-menu"
                />
              )}
            </Group>
          </Group>
          {menuOpen && items.length > 0 && (
            <Stack component="nav" id="mobile-menu" aria-label="Main" gap="xs" pt="sm" hiddenFrom="sm">
              {items.map((item) => (
                <HeaderLink key={item.to} {...item} onClick={menu.close} />
              ))}
            </Stack>
          )}
        </Container>
      </Box>
      <Container component="main" id="main" size="lg" py="lg" px="md">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
      <Box component="footer" py="lg">
        <Container size="lg">
          <Group component="nav" aria-label="About ScaleMap" gap="md" mb="xs">
            {FOOTER_LINKS.map((l) => (
              <Anchor key={l.to} component={Link} to={l.to} size="sm" c="gray.8">
                {l.label}
              </Anchor>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            ScaleMap: an operational assessment for scaling companies, delivered in 72 hours.
          </Text>
        </Container>
      </Box>
    </>
  );
}
