import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { UsersSection } from '@/modules/identity/components/UsersSection';
import { makeUser } from '../fixtures';
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
