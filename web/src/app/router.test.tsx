import { afterEach, describe, expect, it, vi } from 'vitest';
import { isValidElement } from 'react';
import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { mockFetch } from '@/test/utils';
import { routes } from './router';

afterEach(() => vi.unstubAllGlobals());

interface Route {
  path?: string;
  element?: unknown;
  children?: Route[];
}

const pages = (list: Route[]): Route[] =>
  list.flatMap((r) => [...(r.path ? [r] : []), ...pages(r.children ?? [])]);

const LAZY = Symbol.for('react.lazy');

describe('routes', () => {
  it('load every page lazily, in its own chunk', () => {
    const all = pages(routes as Route[]);
    expect(all.length).toBeGreaterThan(10);
    for (const route of all) {
      expect(isValidElement(route.element), route.path).toBe(true);
      const type = (route.element as ReactElement).type as { $$typeof?: symbol };
      expect(type.$$typeof, route.path).toBe(LAZY);
    }
  });

  it('show the loading state, then the page', async () => {
    mockFetch(() => undefined);
    const router = createMemoryRouter(routes, { initialEntries: ['/login'] });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} future={{ v7_startTransition: true }} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Carregando…');
    expect(await screen.findByRole('heading', { name: 'Entrar' })).toBeInTheDocument();
  });
});
