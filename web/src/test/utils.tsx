import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { vi } from 'vitest';
import { identityKeys } from '@/modules/identity/keys';
import { SessionProvider } from '@/modules/identity/session';
import type { User } from '@/modules/identity/types';
import { tokenStore } from '@/lib/api/tokens';
import { ToastProvider } from '@/ui/Toast';
import { UnsavedChangesPrompt } from '@/ui/UnsavedChangesPrompt';

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MockRequest {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
}

/** Answers a request; `undefined` answers 404; a thrown error is a lost connection. */
export type Handler = (req: MockRequest) => MockResponse | undefined;

/** Replaces fetch with a router of handlers; unknown calls answer 404. Returns the call log. */
export function mockFetch(handler: Handler) {
  const calls: MockRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    const request = { method, url, body, headers: (init?.headers ?? {}) as Record<string, string> };
    calls.push(request);
    const res = handler(request) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'Não encontrado.' } },
    };
    return new Response(res.body === undefined ? '' : JSON.stringify(res.body), {
      status: res.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...(res.headers ?? {}) },
    });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

function Providers() {
  return (
    <ToastProvider>
      <SessionProvider>
        <UnsavedChangesPrompt>
          <Outlet />
        </UnsavedChangesPrompt>
      </SessionProvider>
    </ToastProvider>
  );
}

/**
 * Renders `routes` at `route` inside the app's providers and a memory data router (so
 * blockers work), signed in as `user` when given.
 */
export function renderRoutes(
  routes: RouteObject[],
  { user, route = '/' }: { user?: User; route?: string } = {},
) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (user) {
    tokenStore.set({ access_token: 'access', refresh_token: 'refresh' });
    client.setQueryData(identityKeys.me(), user);
  }
  const router = createMemoryRouter([{ element: <Providers />, children: routes }], {
    initialEntries: [route],
    future: { v7_relativeSplatPath: true },
  });
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </QueryClientProvider>,
  );
  return { ...view, router, client };
}

/**
 * Renders `ui` (with child routes `children`) at `route`, signed in as `user` when given;
 * `/login` renders "Tela de login".
 */
export function renderApp(
  ui: ReactElement,
  {
    user,
    route = '/',
    path = '*',
    children,
  }: { user?: User; route?: string; path?: string; children?: RouteObject[] } = {},
) {
  return renderRoutes(
    [
      { path: '/login', element: <p>Tela de login</p> },
      { path, element: ui, children },
    ],
    { user, route },
  );
}
