import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppShell } from '@/app/AppShell';
import { NAV } from '@/app/nav';
import { routes } from '@/app/router';
import { customerQuery } from '@/modules/workshop/components/NewOrderFlow';
import { parseQuantity } from '@/modules/workshop/components/ItemDialogs';
import { makeUser, mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

function routePaths(list: { path?: string; children?: unknown[] }[]): string[] {
  return list.flatMap((r) => [
    ...(r.path ? [r.path] : []),
    ...routePaths((r.children ?? []) as { path?: string; children?: unknown[] }[]),
  ]);
}

describe('AppShell', () => {
  it('shows the workshop, the plan and the menu', async () => {
    mockFetch(() => ({
      body: {
        tenant: { id: 10, name: 'X', plan: 'BASIC' },
        themes: [],
        custom_palette: null,
        custom_allowed: false,
      },
    }));
    renderApp(<AppShell />, { user: makeUser('OWNER', { plan: 'PREMIUM' }) });
    expect(screen.getByTestId('tenant-name')).toHaveTextContent('Oficina da Ana');
    expect(screen.getByTestId('tenant-plan')).toHaveTextContent('Premium');
    const nav = screen.getByRole('navigation', { name: 'Menu principal' });
    for (const label of [
      'Painel',
      'Ordens de serviço',
      'Clientes',
      'Motos',
      'Estoque',
      'Configurações',
    ]) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument();
    }
  });

  it('opens the phone menu and signs out', async () => {
    const calls = mockFetch(() => ({ body: {} }));
    renderApp(<AppShell />, { user: makeUser() });
    await userEvent.click(screen.getByRole('button', { name: 'Abrir menu' }));
    expect(screen.getByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fechar menu' }));
    await userEvent.click(screen.getByRole('button', { name: /Ana Dona/ }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Sair' }));
    expect(await screen.findByText('Tela de login')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/auth/logout')).toBe(
      true,
    );
    expect(localStorage.getItem('motogestor.access_token')).toBeNull();
  });

  it('has no dead links: every menu entry has a route', () => {
    const paths = routePaths(routes);
    for (const item of NAV.flatMap((s) => s.items)) expect(paths).toContain(item.to);
  });
});

describe('input helpers', () => {
  it('sends phones and documents as digits in searches', () => {
    expect(customerQuery('(11) 98888-7777')).toBe('11988887777');
    expect(customerQuery('529.982.247-25')).toBe('52998224725');
    expect(customerQuery('João')).toBe('João');
    expect(customerQuery('ABC1D23')).toBe('ABC1D23');
  });
  it('parses quantities', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity('1,5', true)).toBeNull();
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('abc')).toBeNull();
  });
});
