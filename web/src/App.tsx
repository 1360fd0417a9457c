import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType } from 'react';
import { RouterProvider, type createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { LandingPage } from './pages/LandingPage';
import { ErrorPage } from './pages/ErrorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { cssVariablesResolver, theme } from './theme';

/** React.lazy for a named export: every screen but the landing page is its own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const RegisterPage = page(() => import('./pages/auth/RegisterPage'), 'RegisterPage');
const ConfirmPage = page(() => import('./pages/auth/ConfirmPage'), 'ConfirmPage');
const LoginPage = page(() => import('./pages/auth/LoginPage'), 'LoginPage');
const ForgotPage = page(() => import('./pages/auth/ForgotPage'), 'ForgotPage');
const ResetPage = page(() => import('./pages/auth/ResetPage'), 'ResetPage');
const DashboardPage = page(() => import('./pages/DashboardPage'), 'DashboardPage');
const ProfilePage = page(() => import('./pages/ProfilePage'), 'ProfilePage');
const AssessmentRedirect = page(() => import('./pages/AssessmentRedirect'), 'AssessmentRedirect');
const QuestionnairePage = page(() => import('./questionnaire/QuestionnairePage'), 'QuestionnairePage');
const DocumentsPage = page(() => import('./documents/DocumentsPage'), 'DocumentsPage');
const ReviewPage = page(() => import('./pages/ReviewPage'), 'ReviewPage');
const StatusPage = page(() => import('./pages/StatusPage'), 'StatusPage');
const DeliverablePage = page(() => import('./pages/DeliverablePage'), 'DeliverablePage');
const ValidatePage = page(() => import('./pages/ValidatePage'), 'ValidatePage');
const AdminPage = page(() => import('./pages/AdminPage'), 'AdminPage');
const OutboxPage = page(() => import('./pages/OutboxPage'), 'OutboxPage');
const info = () => import('./pages/InfoPages');
const AboutPage = page(info, 'AboutPage');
const ConfidentialityPage = page(info, 'ConfidentialityPage');
const TermsPage = page(info, 'TermsPage');
const PrivacyPage = page(info, 'PrivacyPage');
const RefundsPage = page(info, 'RefundsPage');
const ContactPage = page(info, 'ContactPage');
const StartPage = page(() => import('./pages/StartPage'), 'StartPage');
const SamplePage = page(() => import('./pages/SamplePage'), 'SamplePage');

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <LandingPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/confirm', element: <ConfirmPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot', element: <ForgotPage /> },
      { path: '/reset', element: <ResetPage /> },
      { path: '/about', element: <AboutPage /> },
      { path: '/confidentiality', element: <ConfidentialityPage /> },
      { path: '/terms', element: <TermsPage /> },
      { path: '/privacy', element: <PrivacyPage /> },
      { path: '/refunds', element: <RefundsPage /> },
      { path: '/contact', element: <ContactPage /> },
      { path: '/sample', element: <SamplePage /> },
      { path: '/sample/:stage', element: <SamplePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/dashboard', element: <DashboardPage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '/start', element: <StartPage /> },
          { path: '/assessments/:id', element: <AssessmentRedirect /> },
          { path: '/assessments/:id/questionnaire', element: <QuestionnairePage /> },
          { path: '/assessments/:id/documents', element: <DocumentsPage /> },
          { path: '/assessments/:id/review', element: <ReviewPage /> },
          { path: '/assessments/:id/status', element: <StatusPage /> },
          { path: '/assessments/:id/deliverables/:stage', element: <DeliverablePage /> },
          { path: '/assessments/:id/validate', element: <ValidatePage /> },
          // Local mode only (the API answers 404 elsewhere, and only to signed-in users).
          { path: '/outbox', element: <OutboxPage /> },
        ],
      },
      {
        element: <RequireAuth role="founder" />,
        children: [{ path: '/admin', element: <AdminPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function Providers({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: React.ReactNode;
}) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

export function App({
  queryClient,
  router,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createBrowserRouter>;
}) {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
