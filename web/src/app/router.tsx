import { createBrowserRouter, Outlet } from 'react-router-dom';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';
import { RedirectIfAuthenticated, RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';
import { LoginPage } from '@/pages/LoginPage';
import { RegisterPage } from '@/pages/RegisterPage';
import { DashboardPage } from '@/pages/DashboardPage';
import { OrdersPage } from '@/pages/OrdersPage';
import { NewOrderPage } from '@/pages/NewOrderPage';
import { OrderDetailPage } from '@/pages/OrderDetailPage';
import { CustomersPage } from '@/pages/CustomersPage';
import { CustomerDetailPage } from '@/pages/CustomerDetailPage';
import { MotosPage } from '@/pages/MotosPage';
import { MotoDetailPage } from '@/pages/MotoDetailPage';
import { PartsPage } from '@/pages/PartsPage';
import { PartDetailPage } from '@/pages/PartDetailPage';
import { SettingsPage } from '@/pages/SettingsPage';
import { NotFoundPage } from '@/pages/NotFoundPage';

function Root() {
  return (
    <AppProviders>
      <Outlet />
    </AppProviders>
  );
}

export const routes = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        element: <RedirectIfAuthenticated />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/cadastro', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { path: '/', element: <DashboardPage /> },
              { path: '/os', element: <OrdersPage /> },
              { path: '/os/nova', element: <NewOrderPage /> },
              { path: '/os/:id', element: <OrderDetailPage /> },
              { path: '/clientes', element: <CustomersPage /> },
              { path: '/clientes/:id', element: <CustomerDetailPage /> },
              { path: '/motos', element: <MotosPage /> },
              { path: '/motos/:id', element: <MotoDetailPage /> },
              { path: '/estoque', element: <PartsPage /> },
              { path: '/estoque/:id', element: <PartDetailPage /> },
              { path: '/configuracoes', element: <SettingsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, {
    future: {
      v7_relativeSplatPath: true,
      v7_fetcherPersist: true,
      v7_normalizeFormMethod: true,
      v7_partialHydration: true,
      v7_skipActionErrorRevalidation: true,
    },
  });
}
