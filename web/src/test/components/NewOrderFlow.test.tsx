import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewOrderFlow } from '@/modules/workshop/components/NewOrderFlow';
import { makeCustomer, makeMoto, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const list = (items: unknown[]) => ({
  body: items,
  headers: { 'X-Total-Count': String(items.length) },
});

describe('NewOrderFlow', () => {
  it("moves focus to each step's heading and carries the new motorcycle's km", async () => {
    let created = false;
    const calls = mockFetch(({ method, url }) => {
      const path = url.pathname;
      if (path === '/api/management/customers') return list([makeCustomer()]);
      if (path === '/api/management/customers/4') return { body: makeCustomer() };
      if (path === '/api/management/motos' && method === 'GET') {
        return list(created ? [makeMoto({ id: 8 })] : []);
      }
      if (path === '/api/management/motos' && method === 'POST') {
        created = true;
        return { status: 201, body: { id: 8, plate: 'HGF3344' } };
      }
      if (path === '/api/management/motos/8') {
        return {
          body: { ...makeMoto({ id: 8, plate: 'HGF3344', km_current: 23450 }), service_orders: [] },
        };
      }
      return undefined;
    });
    const { router } = renderApp(<NewOrderFlow onCreated={vi.fn()} />, {
      user: makeUser(),
      route: '/os/nova',
    });
    await userEvent.type(screen.getByLabelText(/Buscar cliente/), 'João');
    await userEvent.click(await screen.findByRole('button', { name: /João Silva/ }));
    await waitFor(() => expect(screen.getByRole('heading', { name: /Moto/ })).toHaveFocus());
    expect(router.state.location.search).toBe('?cliente=4');

    await userEvent.type(await screen.findByLabelText('Placa'), 'HGF3344');
    await userEvent.type(screen.getByLabelText('Km atual'), '23450');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar e continuar' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: /Serviço/ })).toHaveFocus());
    expect(router.state.location.search).toBe('?cliente=4&moto=8');
    expect(await screen.findByLabelText('Km na entrada')).toHaveValue('23450');
    expect(screen.getByTestId('picked-moto')).toHaveTextContent('HGF-3344');
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ km_current: 23450 });
  });

  it('warns, without blocking, about a km below the odometer and a past date', async () => {
    mockFetch(({ url }) => {
      if (url.pathname === '/api/management/customers/4') return { body: makeCustomer() };
      if (url.pathname === '/api/management/motos/5') {
        return { body: { ...makeMoto({ km_current: 23450 }), service_orders: [] } };
      }
      return undefined;
    });
    renderApp(<NewOrderFlow onCreated={vi.fn()} />, {
      user: makeUser(),
      route: '/os/nova?cliente=4&moto=5',
    });
    const km = await screen.findByLabelText('Km na entrada');
    await userEvent.clear(km);
    await userEvent.type(km, '12000');
    expect(km).toHaveAccessibleDescription('Abaixo do km atual da moto (23.450 km). Confira.');
    const date = screen.getByLabelText('Agendada para');
    await userEvent.type(date, '2020-01-10');
    expect(date).toHaveAccessibleDescription('Esta data já passou. Confira.');
    expect(screen.getByRole('button', { name: 'Abrir OS' })).toBeEnabled();
  });
});
