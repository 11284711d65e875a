import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrdersPage } from '@/pages/OrdersPage';
import { listOf, makeListOrder, makeStaff, makeUser, NO_STAFF_RECORD } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const mine = makeListOrder({ assigned_staff_id: 21, assigned_staff_name: 'Carlos Mendes' });

function server(linked: boolean) {
  return (req: MockRequest) => {
    if (req.url.pathname === '/api/teamcrm/staff/me')
      return linked ? { body: makeStaff() } : NO_STAFF_RECORD;
    if (req.url.pathname === '/api/teamcrm/staff') return listOf([makeStaff()]);
    if (req.url.pathname === '/api/management/os') {
      const open = req.url.searchParams.get('status');
      return listOf(open === null || open === 'OPEN' ? [mine] : []);
    }
    return undefined;
  };
}

const orderQueries = (calls: MockRequest[]) =>
  calls.filter((c) => c.url.pathname === '/api/management/os');

describe('"Minhas OS"', () => {
  it('shows a mechanic with a staff record his own orders, on the board and the list', async () => {
    const calls = mockFetch(server(true));
    renderApp(<OrdersPage />, { user: makeUser('MECHANIC'), route: '/os' });
    const card = await within(await screen.findByTestId('column-OPEN')).findByTestId('os-card-12');
    expect(within(card).getByTestId('os-card-mechanic')).toHaveTextContent('Carlos Mendes');
    const toggle = await screen.findByRole('button', { name: 'Minhas OS' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() =>
      expect(
        orderQueries(calls).filter((c) => c.url.searchParams.get('mine') === '1'),
      ).toHaveLength(5),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Lista' }));
    const table = await screen.findByRole('table', { name: 'Ordens de serviço' });
    expect(within(table).getByTestId('order-row-mechanic')).toHaveTextContent('Carlos Mendes');
    const last = orderQueries(calls).at(-1)?.url.searchParams;
    expect(last?.get('mine')).toBe('1');
    expect(last?.get('status')).toBeNull();
    expect(screen.getByRole('button', { name: 'Minhas OS' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('is not offered to a login without a staff record', async () => {
    const calls = mockFetch(server(false));
    renderApp(<OrdersPage />, { user: makeUser('OWNER'), route: '/os?mine=1' });
    await within(await screen.findByTestId('column-OPEN')).findByTestId('os-card-12');
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/teamcrm/staff/me')).toBe(true),
    );
    expect(screen.queryByRole('button', { name: 'Minhas OS' })).toBeNull();
    expect(orderQueries(calls).every((c) => c.url.searchParams.get('mine') === null)).toBe(true);
  });
});
