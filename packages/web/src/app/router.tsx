import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { AuditPage } from '../pages/AuditPage';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { MappingsPage } from '../pages/MappingsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OnboardingPage } from '../pages/OnboardingPage';
import { RegisterPage } from '../pages/RegisterPage';
import { RegistrationsPage } from '../pages/RegistrationsPage';
import { RolesPage } from '../pages/RolesPage';
import { RouteErrorPage } from '../pages/RouteErrorPage';
import { SchemasPage } from '../pages/SchemasPage';
import { SetPasswordPage } from '../pages/SetPasswordPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UsersPage } from '../pages/UsersPage';

/** Every page of the control plane. Project pages live under /projects/:projectId. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'onboarding', element: <OnboardingPage /> },
      { path: 'settings', element: <SettingsPage /> },
      {
        path: 'settings/targets',
        lazy: async () => ({ Component: (await import('../pages/TargetsPage')).TargetsPage }),
      },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/registrations', element: <RegistrationsPage /> },
      { path: 'admin/roles', element: <RolesPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      {
        path: 'projects/:projectId',
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          {
            path: 'dashboard',
            lazy: async () => ({ Component: (await import('../pages/DashboardPage')).DashboardPage }),
          },
          { path: 'mappings', element: <MappingsPage /> },
          { path: 'schemas', element: <SchemasPage /> },
          { path: 'erd', lazy: async () => ({ Component: (await import('../pages/ErdPage')).ErdPage }) },
          {
            path: 'crosswalks',
            lazy: async () => ({ Component: (await import('../pages/CrosswalksPage')).CrosswalksPage }),
          },
          {
            path: 'connectors',
            lazy: async () => ({ Component: (await import('../pages/ConnectorsPage')).ConnectorsPage }),
          },
          {
            path: 'lifecycle',
            lazy: async () => ({ Component: (await import('../pages/LifecyclePage')).LifecyclePage }),
          },
          { path: 'runs', lazy: async () => ({ Component: (await import('../pages/RunsPage')).RunsPage }) },
          {
            path: 'runs/:runId',
            lazy: async () => ({ Component: (await import('../pages/RunDetailPage')).RunDetailPage }),
          },
          { path: 'quality', lazy: async () => ({ Component: (await import('../pages/QualityPage')).QualityPage }) },
          {
            path: 'documents',
            lazy: async () => ({ Component: (await import('../pages/DocumentsPage')).DocumentsPage }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
