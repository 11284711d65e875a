import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppShell } from '@/app/AppShell';
import { RequireAuth } from '@/app/RequireAuth';
import { tokenStore } from '@/lib/api/tokens';
import { CAN_BY_ROLE, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const theme = {
  tenant: { id: 10, name: 'X', plan: 'BASIC' },
  themes: [],
  current_theme: null,
  custom_palette: null,
  custom_allowed: false,
  custom_only_enterprise: true,
};

describe('AppShell', () => {
  it('shows the workshop, the plan and the menu', () => {
    mockFetch(() => ({ body: theme }));
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

  it('offers the finance group to whom may see money only', () => {
    mockFetch(() => ({ body: theme }));
    const finance = [
      'Contas a receber',
      'Contas a pagar',
      'Fluxo de caixa',
      'Caixa do dia',
      'Relatórios',
    ];
    const first = renderApp(<AppShell />, { user: makeUser('MANAGER') });
    let nav = screen.getByRole('navigation', { name: 'Menu principal' });
    expect(within(nav).getByText('Financeiro')).toBeInTheDocument();
    for (const label of finance) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument();
    }
    expect(within(nav).getByRole('link', { name: 'Caixa do dia' })).toHaveAttribute(
      'href',
      '/financeiro/caixa',
    );
    first.unmount();
    for (const role of ['MECHANIC', 'ATTENDANT'] as const) {
      const view = renderApp(<AppShell />, { user: makeUser(role) });
      nav = screen.getByRole('navigation', { name: 'Menu principal' });
      expect(within(nav).queryByText('Financeiro')).toBeNull();
      for (const label of finance)
        expect(within(nav).queryByRole('link', { name: label })).toBeNull();
      view.unmount();
    }
  });

  it('reads /me on load, so a stored session gets what the user may do', async () => {
    tokenStore.set({ access_token: 'A', refresh_token: 'R' });
    const mechanic = makeUser('MECHANIC', {
      can: { ...CAN_BY_ROLE.MECHANIC, read_workshop: false },
    });
    const calls = mockFetch(({ url }) =>
      url.pathname === '/api/auth/me' ? { body: mechanic } : { body: theme },
    );
    renderApp(<RequireAuth />, {
      path: '/',
      children: [{ element: <AppShell />, children: [{ index: true, element: <p>Painel</p> }] }],
    });
    const nav = await screen.findByRole('navigation', { name: 'Menu principal' });
    expect(calls[0]?.url.pathname).toBe('/api/auth/me');
    expect(within(nav).queryByRole('link', { name: 'Painel' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Configurações' })).toBeInTheDocument();
  });

  it('opens the phone menu and signs out', async () => {
    const calls = mockFetch(() => ({ body: {} }));
    renderApp(<RequireAuth />, {
      user: makeUser(),
      children: [{ element: <AppShell />, children: [{ index: true, element: <p>Painel</p> }] }],
    });
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
});
