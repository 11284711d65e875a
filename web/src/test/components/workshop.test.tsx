import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerForm } from '@/modules/workshop/components/CustomerForm';
import { OrderBoard } from '@/modules/workshop/components/OrderBoard';
import { OrderDetail } from '@/modules/workshop/components/OrderDetail';
import { PartList } from '@/modules/workshop/components/PartList';
import type { Part, ServiceOrder, ServiceOrderDetail } from '@/modules/workshop/types';
import { makeUser, mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const part: Part = {
  id: 7,
  sku: 'OLEO-10W30',
  name: 'Óleo 10W30',
  unit_price: 45.9,
  cost_price: 30,
  quantity_in_stock: 2,
  min_stock: 5,
  location: 'A1',
  is_active: true,
};

const order: ServiceOrderDetail = {
  id: 3,
  number: 12,
  status: 'OPEN',
  customer_id: 4,
  customer_name: 'João Silva',
  motorcycle_id: 5,
  motorcycle_plate: 'ABC1D23',
  motorcycle_model: 'CG 160',
  description: 'Revisão',
  total_parts: 91.8,
  total_labor: 120,
  discount: 10,
  total_amount: 201.8,
  created_at: '2026-11-24T12:00:00Z',
  scheduled_date: null,
  closed_at: null,
  km_at_entry: 12000,
  items: [
    {
      id: 1,
      item_type: 'part',
      part_id: 7,
      description: 'Óleo 10W30',
      quantity: 2,
      unit_price: 45.9,
      total: 91.8,
    },
    {
      id: 2,
      item_type: 'labor',
      part_id: null,
      description: 'Troca de óleo',
      quantity: 1,
      unit_price: 120,
      total: 120,
    },
  ],
  history: [{ status: 'OPEN', at: '2026-11-24T12:00:00Z', user_id: 1 }],
};

describe('CustomerForm', () => {
  it('refuses a CPF with wrong check digits and masks input', async () => {
    const calls = mockFetch(() => undefined);
    renderApp(<CustomerForm onSaved={vi.fn()} />, { user: makeUser() });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    await userEvent.type(screen.getByLabelText('CPF/CNPJ'), '52998224724');
    await userEvent.type(screen.getByLabelText('Telefone'), '11988887777');
    expect(screen.getByLabelText('CPF/CNPJ')).toHaveValue('529.982.247-24');
    expect(screen.getByLabelText('Telefone')).toHaveValue('(11) 98888-7777');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    expect(await screen.findByText(/CPF\/CNPJ inválido/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sends digits only and reports the new id', async () => {
    const calls = mockFetch(() => ({ status: 201, body: { id: 9, name: 'Maria' } }));
    const onSaved = vi.fn();
    renderApp(<CustomerForm onSaved={onSaved} />, { user: makeUser() });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    await userEvent.type(screen.getByLabelText('CPF/CNPJ'), '52998224725');
    await userEvent.type(screen.getByLabelText('Telefone'), '11988887777');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: 9, name: 'Maria' }));
    expect(calls[0]?.body).toMatchObject({
      name: 'Maria',
      document: '52998224725',
      phone: '11988887777',
    });
  });
});

describe('PartList', () => {
  const handler = () => ({ body: [part], headers: { 'X-Total-Count': '1' } });
  it('shows stock editing to a manager', async () => {
    mockFetch(handler);
    renderApp(<PartList />, { user: makeUser('MANAGER') });
    expect(await screen.findByText('Óleo 10W30')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nova peça' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Movimentar estoque de Óleo 10W30' }),
    ).toBeInTheDocument();
    expect(screen.getByText('R$ 45,90')).toBeInTheDocument();
  });
  it('hides stock editing from a mechanic', async () => {
    mockFetch(handler);
    renderApp(<PartList />, { user: makeUser('MECHANIC') });
    expect(await screen.findByText('Óleo 10W30')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nova peça' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Movimentar/ })).toBeNull();
  });
});

describe('OrderDetail', () => {
  it('shows items, totals and all status actions to the owner', () => {
    mockFetch(() => ({ body: { id: 4, name: 'João Silva', phone: '11988887777' } }));
    renderApp(<OrderDetail order={order} />, { user: makeUser('OWNER') });
    expect(screen.getByText('OS #12', { selector: 'h1' })).toBeInTheDocument();
    expect(screen.getByTestId('total-parts')).toHaveTextContent('R$ 91,80');
    expect(screen.getByTestId('total-labor')).toHaveTextContent('R$ 120,00');
    expect(screen.getByTestId('total-amount')).toHaveTextContent('R$ 201,80');
    expect(screen.getAllByTestId('order-item')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Cancelar OS' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Concluir' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Editar desconto' })).toBeInTheDocument();
  });

  it('gives a mechanic items but no cancel or discount', () => {
    mockFetch(() => ({ body: { id: 4, name: 'João Silva' } }));
    renderApp(<OrderDetail order={order} />, { user: makeUser('MECHANIC') });
    expect(screen.queryByRole('button', { name: 'Cancelar OS' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Editar desconto' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Adicionar peça' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Concluir' })).toBeInTheDocument();
  });

  it('shows the server reason when a move is refused', async () => {
    mockFetch(({ method }) =>
      method === 'PATCH'
        ? {
            status: 422,
            body: { error: { code: 'invalid_transition', message: 'Transição não permitida.' } },
          }
        : { body: { id: 4, name: 'João Silva' } },
    );
    renderApp(<OrderDetail order={order} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Concluir' }));
    expect(await screen.findByText(/Transição não permitida\./)).toBeInTheDocument();
  });

  it('locks items of a completed order', () => {
    mockFetch(() => ({ body: { id: 4, name: 'João Silva' } }));
    renderApp(<OrderDetail order={{ ...order, status: 'COMPLETED' }} />, {
      user: makeUser('OWNER'),
    });
    expect(screen.queryByRole('button', { name: 'Adicionar peça' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Iniciar serviço' })).toBeInTheDocument();
  });

  it('names who moved the order, or falls back to the user number', () => {
    mockFetch(() => ({ body: { id: 4, name: 'João Silva' } }));
    renderApp(
      <OrderDetail
        order={{
          ...order,
          status: 'IN_PROGRESS',
          history: [
            { status: 'OPEN', at: '2026-11-24T12:00:00Z', user_id: 6 },
            {
              status: 'IN_PROGRESS',
              at: '2026-11-24T13:00:00Z',
              user_id: 7,
              user_name: 'Zé Mecânico',
            },
          ],
        }}
      />,
      { user: makeUser('OWNER') },
    );
    const history = within(screen.getByRole('list', { name: 'Histórico' }));
    expect(history.getByText('usuário 6')).toBeInTheDocument();
    expect(history.getByText('Zé Mecânico')).toBeInTheDocument();
    expect(history.queryByText('usuário 7')).toBeNull();
  });

  it('puts the server field problems on the edit dialog fields', async () => {
    mockFetch(({ method }) =>
      method === 'PATCH'
        ? {
            status: 422,
            body: {
              error: {
                code: 'validation_error',
                message: 'Dados inválidos.',
                details: { km_at_entry: 'menor que a anterior' },
              },
            },
          }
        : { body: { id: 4, name: 'João Silva' } },
    );
    renderApp(<OrderDetail order={order} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Editar' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Editar dados da OS' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Salvar' }));
    expect(await dialog.findByText('Dados inválidos.')).toBeInTheDocument();
    expect(dialog.getByLabelText('Km na entrada')).toHaveAccessibleDescription(
      'menor que a anterior',
    );
  });
});

describe('OrderBoard', () => {
  it('lists orders per status and moves one through the select', async () => {
    const listItem: ServiceOrder = { ...order };
    const calls = mockFetch(({ method, url }) => {
      if (method === 'PATCH') return { body: { id: 3, status: 'IN_PROGRESS' } };
      const status = url.searchParams.get('status');
      return status === 'OPEN'
        ? { body: [listItem], headers: { 'X-Total-Count': '1' } }
        : { body: [], headers: { 'X-Total-Count': '0' } };
    });
    renderApp(<OrderBoard />, { user: makeUser('ATTENDANT') });
    const column = await screen.findByTestId('column-OPEN');
    const card = await within(column).findByTestId('os-card-12');
    const select = within(card).getByLabelText('Mover OS #12 para');
    expect(within(select).queryByText('Cancelada')).toBeNull();
    await userEvent.selectOptions(select, 'IN_PROGRESS');
    await waitFor(() => {
      const patch = calls.find((c) => c.method === 'PATCH');
      expect(patch?.url.pathname).toBe('/api/management/os/3/status');
      expect(patch?.body).toEqual({ status: 'IN_PROGRESS' });
    });
  });
});
