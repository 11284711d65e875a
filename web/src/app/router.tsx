import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { Loading } from '@/ui/States';
import { AppShell } from './AppShell';
import { lazyPage } from './lazyPage';
import { AppProviders } from './providers';
import { RedirectIfAuthenticated, RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';
import { ToastProvider } from '@/ui/Toast';

// Every page is its own chunk, loaded when first visited: the first load carries only the
// shell, the session and the router.
const LoginPage = lazyPage(() => import('@/pages/LoginPage'), 'LoginPage');
const RegisterPage = lazyPage(() => import('@/pages/RegisterPage'), 'RegisterPage');
const DashboardPage = lazyPage(() => import('@/pages/DashboardPage'), 'DashboardPage');
const OrdersPage = lazyPage(() => import('@/pages/OrdersPage'), 'OrdersPage');
const NewOrderPage = lazyPage(() => import('@/pages/NewOrderPage'), 'NewOrderPage');
const OrderDetailPage = lazyPage(() => import('@/pages/OrderDetailPage'), 'OrderDetailPage');
const CustomersPage = lazyPage(() => import('@/pages/CustomersPage'), 'CustomersPage');
const CustomerDetailPage = lazyPage(
  () => import('@/pages/CustomerDetailPage'),
  'CustomerDetailPage',
);
const MotosPage = lazyPage(() => import('@/pages/MotosPage'), 'MotosPage');
const MotoDetailPage = lazyPage(() => import('@/pages/MotoDetailPage'), 'MotoDetailPage');
const PartsPage = lazyPage(() => import('@/pages/PartsPage'), 'PartsPage');
const PartDetailPage = lazyPage(() => import('@/pages/PartDetailPage'), 'PartDetailPage');
const TasksPage = lazyPage(() => import('@/pages/TasksPage'), 'TasksPage');
const StaffPage = lazyPage(() => import('@/pages/StaffPage'), 'StaffPage');
const CommissionsPage = lazyPage(() => import('@/pages/CommissionsPage'), 'CommissionsPage');
const ReceivablesPage = lazyPage(() => import('@/pages/ReceivablesPage'), 'ReceivablesPage');
const ReceivableDetailPage = lazyPage(
  () => import('@/pages/ReceivableDetailPage'),
  'ReceivableDetailPage',
);
const PayablesPage = lazyPage(() => import('@/pages/PayablesPage'), 'PayablesPage');
const PayableDetailPage = lazyPage(() => import('@/pages/PayableDetailPage'), 'PayableDetailPage');
const CashFlowPage = lazyPage(() => import('@/pages/CashFlowPage'), 'CashFlowPage');
const CashRegisterPage = lazyPage(() => import('@/pages/CashRegisterPage'), 'CashRegisterPage');
const FinanceReportsPage = lazyPage(
  () => import('@/pages/FinanceReportsPage'),
  'FinanceReportsPage',
);
const SettingsPage = lazyPage(() => import('@/pages/SettingsPage'), 'SettingsPage');
const NotFoundPage = lazyPage(() => import('@/pages/NotFoundPage'), 'NotFoundPage');
const PortalPage = lazyPage(() => import('@/pages/PortalPage'), 'PortalPage');

/** Where a page shows while its chunk loads. */
function PageOutlet() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

function Root() {
  return (
    <AppProviders>
      <PageOutlet />
    </AppProviders>
  );
}

/** The customer's portal: no session, no app shell. */
function PortalRoot() {
  return (
    <ToastProvider>
      <PageOutlet />
    </ToastProvider>
  );
}

export const routes = [
  {
    element: <PortalRoot />,
    errorElement: <RouteError />,
    children: [{ path: '/portal/:token', element: <PortalPage /> }],
  },
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
              { path: '/tarefas', element: <TasksPage /> },
              { path: '/equipe', element: <StaffPage /> },
              { path: '/comissoes', element: <CommissionsPage /> },
              { path: '/financeiro/receber', element: <ReceivablesPage /> },
              { path: '/financeiro/receber/:id', element: <ReceivableDetailPage /> },
              { path: '/financeiro/pagar', element: <PayablesPage /> },
              { path: '/financeiro/pagar/:id', element: <PayableDetailPage /> },
              { path: '/financeiro/fluxo', element: <CashFlowPage /> },
              { path: '/financeiro/caixa', element: <CashRegisterPage /> },
              { path: '/financeiro/relatorios', element: <FinanceReportsPage /> },
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
