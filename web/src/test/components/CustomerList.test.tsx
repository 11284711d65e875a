import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerList } from '@/modules/workshop/components/CustomerList';
import { makeCustomer, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

describe('CustomerList', () => {
  it('keeps its search and page in the URL', async () => {
    const calls = mockFetch(() => ({
      body: [makeCustomer()],
      headers: { 'X-Total-Count': '45' },
    }));
    const { router } = renderApp(<CustomerList />, { user: makeUser(), route: '/clientes' });
    await userEvent.click(await screen.findByRole('button', { name: /Próxima/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?offset=20'));
    await userEvent.type(screen.getByLabelText('Buscar cliente'), 'ana');
    await waitFor(() => expect(router.state.location.search).toBe('?q=ana'));
    await waitFor(() => expect(calls[calls.length - 1]?.url.searchParams.get('q')).toBe('ana'));
  });

  it('opens on the search and page of the URL (back, reload)', async () => {
    const calls = mockFetch(() => ({
      body: [makeCustomer()],
      headers: { 'X-Total-Count': '45' },
    }));
    renderApp(<CustomerList />, { user: makeUser(), route: '/clientes?q=silva&offset=40' });
    expect(await screen.findByLabelText('Buscar cliente')).toHaveValue('silva');
    expect(await screen.findByText(/Página 3 de 3/)).toBeInTheDocument();
    expect(calls[0]?.url.searchParams.get('offset')).toBe('40');
  });
});
