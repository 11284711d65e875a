import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { identityKeys } from '@/modules/identity/keys';
import { SessionProvider } from '@/modules/identity/session';
import type { Role, User } from '@/modules/identity/types';
import { tokenStore } from '@/lib/api/tokens';
import { ToastProvider } from '@/ui/Toast';

export function makeUser(role: Role = 'OWNER', overrides: Partial<User> = {}): User {
  return {
    id: 1,
    name: 'Ana Dona',
    email: 'ana@oficina.com',
    tenant_id: 10,
    tenant_name: 'Oficina da Ana',
    plan: 'BASIC',
    role,
    ...overrides,
  };
}

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: {
  method: string;
  url: URL;
  body: unknown;
}) => MockResponse | undefined;

/** Replaces fetch with a router of handlers; unknown calls answer 404. Returns the call log. */
export function mockFetch(handler: Handler) {
  const calls: { method: string; url: URL; body: unknown; headers: Record<string, string> }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    calls.push({ method, url, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const res = handler({ method, url, body }) ?? {
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

export function renderApp(
  ui: ReactElement,
  { user, route = '/', path = '*' }: { user?: User; route?: string; path?: string } = {},
) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  if (user) {
    tokenStore.set({ access_token: 'access', refresh_token: 'refresh' });
    client.setQueryData(identityKeys.me(), user);
  }
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter
        initialEntries={[route]}
        future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
      >
        <ToastProvider>
          <SessionProvider>
            <Routes>
              <Route path={path} element={ui} />
              <Route path="/login" element={<p>Tela de login</p>} />
            </Routes>
          </SessionProvider>
        </ToastProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
