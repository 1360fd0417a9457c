import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import { hasSessionHint } from '../lib/storage';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';
import { Alert, Loader, Group, Text } from '@mantine/core';

export function Reconnecting() {
  return (
    <Alert color="gray" title="Reconnecting to ScaleMap" role="status">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm">
          ScaleMap cannot be reached at the moment. This page tries again by itself and opens as soon as the
          connection is back; you are still signed in.
        </Text>
      </Group>
    </Alert>
  );
}
import { ForbiddenPage } from '../pages/ForbiddenPage';

/**
 * Guards every route except the landing and auth pages: no session (GET /api/me answers 401) sends the visitor
 * to /login?next=…. A browser that never signed in (no session hint) goes there without asking the API.
 */
export function RequireAuth({ role }: { role?: string }) {
  const signedIn = hasSessionHint();
  const me = useMe({ enabled: signedIn });
  const location = useLocation();
  const toLogin = (
    <Navigate to={`/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />
  );
  if (!signedIn && !me.data) return toLogin;
  // The API is unreachable for now: useMe keeps retrying, and the page appears as soon as it answers.
  if (me.isPending && me.failureCount > 0) return <Reconnecting />;
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return toLogin;
  if (role && me.data.user.role !== role) return <ForbiddenPage />;
  return <Outlet />;
}
