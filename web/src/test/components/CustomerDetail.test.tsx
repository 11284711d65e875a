import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
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
});
