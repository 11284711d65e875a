import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MotoList } from '@/modules/workshop/components/MotoList';
import { makeMoto, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

describe('MotoList', () => {
  it("names each motorcycle's owner and shows the plate as everywhere", async () => {
    mockFetch(() => ({
      body: [makeMoto({ plate: 'HGF3344', customer_name: 'Paula Souza' })],
      headers: { 'X-Total-Count': '1' },
    }));
    renderApp(<MotoList />, { user: makeUser() });
    const table = await screen.findByRole('table', { name: 'Motos' });
    expect(within(table).getByRole('link', { name: 'Paula Souza' })).toHaveAttribute(
      'href',
      '/clientes/4',
    );
    expect(within(table).getByRole('link', { name: 'HGF-3344' })).toBeInTheDocument();
    expect(within(table).queryByText('Ver cliente')).toBeNull();
  });

  it('reads its search and page from the URL', async () => {
    const calls = mockFetch(() => ({ body: [makeMoto()], headers: { 'X-Total-Count': '41' } }));
    renderApp(<MotoList />, { user: makeUser(), route: '/motos?q=honda&offset=20' });
    expect(await screen.findByLabelText('Buscar moto')).toHaveValue('honda');
    expect(await screen.findByText(/Página 2 de 3/)).toBeInTheDocument();
    const query = calls[calls.length - 1]?.url.searchParams;
    expect(query?.get('q')).toBe('honda');
    expect(query?.get('offset')).toBe('20');
  });
});
