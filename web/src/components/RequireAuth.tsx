import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import { hasSessionHint } from '../lib/storage';
import { ErrorAlert } from './ErrorAlert';
import { PageLoader } from './PageLoader';
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
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return toLogin;
  if (role && me.data.user.role !== role) return <ForbiddenPage />;
  return <Outlet />;
}
