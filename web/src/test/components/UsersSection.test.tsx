import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UsersSection } from '@/modules/identity/components/UsersSection';
import { listOf, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const users = () => ({
  body: [
    {
      id: 2,
      name: 'Zé',
      email: 'ze@x.com',
      tenant_id: 10,
      role: 'MECHANIC',
      plan: 'BASIC',
      is_active: true,
      login_locked: false,
    },
  ],
  headers: { 'X-Total-Count': '1' },
});

describe('UsersSection', () => {
  it('lets whom may manage users change roles and add users', async () => {
    mockFetch(users);
    renderApp(<UsersSection />, { user: makeUser('OWNER') });
    const row = await screen.findByTestId('user-row');
    expect(within(row).getByLabelText('Papel de Zé')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Novo usuário' })).toBeInTheDocument();
  });

  it('shows the users read-only to whom may only read them', async () => {
    mockFetch(users);
    renderApp(<UsersSection />, { user: makeUser('MANAGER') });
    const row = await screen.findByTestId('user-row');
    expect(within(row).getByText('Mecânico')).toBeInTheDocument();
    expect(within(row).queryByRole('combobox')).toBeNull();
    expect(within(row).queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Novo usuário' })).toBeNull();
  });
});

function server() {
  let locked = true;
  return ({ method, url }: { method: string; url: URL }) => {
    if (method === 'POST' && url.pathname === '/api/users/2/unlock') {
      locked = false;
      return { body: { message: 'Login desbloqueado.', id: 2 } };
    }
    return listOf([
      {
        id: 2,
        name: 'Zé',
        email: 'ze@x.com',
        tenant_id: 10,
        role: 'MECHANIC',
        plan: 'BASIC',
        is_active: true,
        login_locked: locked,
      },
    ]);
  };
}

describe('locked logins', () => {
  it('lets the owner unlock a login that failed attempts locked', async () => {
    const calls = mockFetch(server());
    renderApp(<UsersSection />, { user: makeUser('OWNER') });
    const row = await screen.findByTestId('user-row');
    expect(within(row).getByText('Login bloqueado')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Desbloquear login de Zé' }));
    await waitFor(() => expect(within(row).queryByText('Login bloqueado')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/users/2/unlock',
    ]);
  });

  it('shows a manager the lock without the button', async () => {
    mockFetch(server());
    renderApp(<UsersSection />, { user: makeUser('MANAGER') });
    const row = await screen.findByTestId('user-row');
    expect(within(row).getByText('Login bloqueado')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Desbloquear/ })).toBeNull();
  });
});
