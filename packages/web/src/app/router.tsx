import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '../components/AppLayout';
import { AuditPage } from '../pages/AuditPage';
import { DashboardPage } from '../pages/DashboardPage';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { MappingsPage } from '../pages/MappingsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OnboardingPage } from '../pages/OnboardingPage';
import { RegisterPage } from '../pages/RegisterPage';
import { RegistrationsPage } from '../pages/RegistrationsPage';
import { RolesPage } from '../pages/RolesPage';
import { SchemasPage } from '../pages/SchemasPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UsersPage } from '../pages/UsersPage';

/** Every page of the control plane. Project pages live under /projects/:projectId. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'onboarding', element: <OnboardingPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/registrations', element: <RegistrationsPage /> },
      { path: 'admin/roles', element: <RolesPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      {
        path: 'projects/:projectId',
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'mappings', element: <MappingsPage /> },
          { path: 'schemas', element: <SchemasPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
