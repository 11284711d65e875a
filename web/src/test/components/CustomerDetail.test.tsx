import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerDetail } from '@/modules/workshop/components/CustomerDetail';
import { makeCustomer, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const empty = () => ({ body: [], headers: { 'X-Total-Count': '0' } });

describe('CustomerDetail', () => {
  it("offers editing and deactivating as the customer's answer allows", () => {
    mockFetch(empty);
    renderApp(<CustomerDetail customer={makeCustomer()} />, { user: makeUser('MANAGER') });
    expect(screen.getByRole('button', { name: 'Editar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Desativar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nova moto' })).toBeInTheDocument();
  });

  it('hides what the answer does not allow', () => {
    mockFetch(empty);
    renderApp(
      <CustomerDetail customer={makeCustomer({ can: { edit: true, deactivate: false } })} />,
      { user: makeUser('ATTENDANT') },
    );
    expect(screen.getByRole('button', { name: 'Editar' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Desativar' })).toBeNull();
  });

  it('names how many open orders the customer has before deactivating', async () => {
    const open: Record<string, number> = { OPEN: 1, IN_PROGRESS: 1, WAITING_PARTS: 0 };
    mockFetch(({ url }) => {
      const status = url.searchParams.get('status');
      const total = url.pathname === '/api/management/os' && status ? open[status] : 0;
      return { body: [], headers: { 'X-Total-Count': String(total ?? 0) } };
    });
    renderApp(<CustomerDetail customer={makeCustomer()} />, { user: makeUser('MANAGER') });
    await userEvent.click(screen.getByRole('button', { name: 'Desativar' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Desativar cliente?' }));
    expect(
      dialog.getByText(
        'João Silva tem 2 OS em aberto, que continuam no sistema. João Silva deixará de aparecer nas buscas.',
      ),
    ).toBeInTheDocument();
  });
});
