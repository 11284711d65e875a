import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderDetail } from '@/modules/workshop/components/OrderDetail';
import { listOf, makeOrder, makeStaff, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const customer = () => ({ body: { id: 4, name: 'João Silva', phone: '11988887777' } });

/** What the server answers a mechanic for an open order. */
const mechanicView = makeOrder({
  allowed_transitions: ['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED'],
  can: {
    edit: false,
    edit_items: true,
    edit_prices: false,
    discount: false,
    cancel: false,
    reopen: false,
    assign_mechanic: false,
    assign_item_staff: false,
  },
});

const moveButtons = () =>
  within(screen.getByLabelText('Mudar situação'))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('OrderDetail', () => {
  it('shows items, totals and a button for each move the server offers', () => {
    mockFetch(customer);
    renderApp(<OrderDetail order={makeOrder()} />, { user: makeUser('OWNER') });
    expect(screen.getByText('OS #12', { selector: 'h1' })).toBeInTheDocument();
    expect(screen.getByTestId('total-parts')).toHaveTextContent('R$ 91,80');
    expect(screen.getByTestId('total-labor')).toHaveTextContent('R$ 120,00');
    expect(screen.getByTestId('total-amount')).toHaveTextContent('R$ 201,80');
    expect(screen.getAllByTestId('order-item')).toHaveLength(2);
    expect(moveButtons()).toEqual(['Iniciar serviço', 'Aguardar peças', 'Concluir', 'Cancelar OS']);
    expect(screen.getByRole('button', { name: 'Editar desconto' })).toBeInTheDocument();
  });

  it('gives a mechanic only the moves and controls the server offers', () => {
    mockFetch(customer);
    renderApp(<OrderDetail order={mechanicView} />, { user: makeUser('MECHANIC') });
    expect(moveButtons()).toEqual(['Iniciar serviço', 'Aguardar peças', 'Concluir']);
    expect(screen.queryByRole('button', { name: 'Editar desconto' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Editar' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Adicionar peça' })).toBeInTheDocument();
  });

  it("follows the order's answer, not the user's role", () => {
    mockFetch(customer);
    renderApp(
      <OrderDetail
        order={makeOrder({
          allowed_transitions: [],
          can: { ...mechanicView.can, edit_items: false },
        })}
      />,
      { user: makeUser('OWNER') },
    );
    expect(screen.queryByLabelText('Mudar situação')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Adicionar peça' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Editar/ })).toBeNull();
  });

  it('adds a labor line without a price for whom may not set prices', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 201,
            body: {
              id: 9,
              item_type: 'labor',
              part_id: null,
              description: 'Ajuste',
              quantity: 1,
              unit_price: 0,
              total: 0,
              order_totals: { total_parts: 0, total_labor: 0, discount: 0, total_amount: 0 },
            },
          }
        : customer(),
    );
    renderApp(<OrderDetail order={mechanicView} />, { user: makeUser('MECHANIC') });
    await userEvent.click(screen.getByRole('button', { name: 'Adicionar mão de obra' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Adicionar mão de obra' }));
    expect(dialog.queryByLabelText('Valor unitário (R$)')).toBeNull();
    await userEvent.type(dialog.getByLabelText('Descrição do serviço'), 'Ajuste');
    await userEvent.click(dialog.getByRole('button', { name: 'Adicionar mão de obra' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/management/os/3/items');
    expect(post?.body).toEqual({ item_type: 'labor', description: 'Ajuste', quantity: 1 });
  });

  it('shows the server reason when a move is refused', async () => {
    mockFetch(({ method }) =>
      method === 'PATCH'
        ? {
            status: 422,
            body: { error: { code: 'invalid_transition', message: 'Transição não permitida.' } },
          }
        : customer(),
    );
    renderApp(<OrderDetail order={makeOrder()} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Aguardar peças' }));
    expect(await screen.findByText(/Transição não permitida\./)).toBeInTheDocument();
  });

  it('names who moved the order, or falls back to the user number', () => {
    mockFetch(customer);
    renderApp(
      <OrderDetail
        order={makeOrder({
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
        })}
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
        : customer(),
    );
    renderApp(<OrderDetail order={makeOrder()} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Editar' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Editar dados da OS' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Salvar' }));
    expect(await dialog.findByText('Dados inválidos.')).toBeInTheDocument();
    expect(dialog.getByLabelText('Km na entrada')).toHaveAccessibleDescription(
      'menor que a anterior',
    );
  });

  it('labels reopening a completed order "Reabrir OS"', () => {
    mockFetch(customer);
    renderApp(
      <OrderDetail
        order={makeOrder({
          status: 'COMPLETED',
          allowed_transitions: ['IN_PROGRESS'],
          can: { ...mechanicView.can, edit_items: false, reopen: true },
        })}
      />,
      { user: makeUser('OWNER') },
    );
    expect(moveButtons()).toEqual(['Reabrir OS']);
  });

  it('asks before completing, and moves only when confirmed', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'PATCH' ? { body: { id: 3, status: 'COMPLETED' } } : customer(),
    );
    renderApp(<OrderDetail order={makeOrder()} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Concluir' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Concluir a OS #12?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Voltar' }));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Concluir' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Concluir a OS #12?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Concluir' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'COMPLETED' }),
    );
  });

  it('asks before cancelling', async () => {
    const calls = mockFetch(customer);
    renderApp(<OrderDetail order={makeOrder()} />, { user: makeUser('OWNER') });
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar OS' }));
    expect(await screen.findByRole('dialog', { name: 'Cancelar a OS #12?' })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  describe('the team on the order', () => {
    const staffAndCustomer = (req: { url: URL; method: string }) =>
      req.url.pathname === '/api/teamcrm/staff'
        ? listOf([makeStaff(), makeStaff({ id: 22, name: 'Rafael Teixeira' })])
        : req.method === 'GET'
          ? customer()
          : { status: 201, body: {} };

    it('lets whom the order lets edit pick its mechanic', async () => {
      const calls = mockFetch(staffAndCustomer);
      renderApp(
        <OrderDetail
          order={makeOrder({ assigned_staff_id: 21, assigned_staff_name: 'Carlos Mendes' })}
        />,
        {
          user: makeUser('ATTENDANT'),
        },
      );
      const select = screen.getByLabelText('Mecânico da OS');
      expect(select).toHaveValue('21');
      await waitFor(() =>
        expect(
          within(select)
            .getAllByRole('option')
            .map((o) => o.textContent),
        ).toEqual(['Sem mecânico', 'Carlos Mendes', 'Rafael Teixeira']),
      );
      await userEvent.selectOptions(select, '22');
      await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
      const patch = calls.find((c) => c.method === 'PATCH');
      expect(patch?.url.pathname).toBe('/api/management/os/3');
      expect(patch?.body).toEqual({ assigned_staff_id: 22 });
    });

    it("shows the order's mechanic by name to whom may not change it", () => {
      const calls = mockFetch(staffAndCustomer);
      renderApp(
        <OrderDetail
          order={{ ...mechanicView, assigned_staff_id: 21, assigned_staff_name: 'Carlos Mendes' }}
        />,
        { user: makeUser('MECHANIC') },
      );
      expect(screen.queryByLabelText('Mecânico da OS')).toBeNull();
      expect(screen.getByTestId('order-mechanic')).toHaveTextContent('Carlos Mendes');
      expect(calls.some((c) => c.url.pathname === '/api/teamcrm/staff')).toBe(false);
    });

    it("lets the front desk correct a completed order's mechanic", async () => {
      const calls = mockFetch(staffAndCustomer);
      renderApp(
        <OrderDetail
          order={makeOrder({
            status: 'COMPLETED',
            assigned_staff_id: 21,
            assigned_staff_name: 'Carlos Mendes',
            can: {
              ...makeOrder().can,
              edit: false,
              edit_items: false,
              edit_prices: false,
              discount: false,
              assign_item_staff: false,
              assign_mechanic: true,
            },
          })}
        />,
        { user: makeUser('ATTENDANT') },
      );
      const select = screen.getByLabelText('Mecânico da OS');
      await waitFor(() =>
        expect(within(select).getAllByRole('option', { name: 'Rafael Teixeira' })).toHaveLength(1),
      );
      await userEvent.selectOptions(select, '22');
      await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ assigned_staff_id: 22 });
    });

    it("offers naming a labor line's doer only where the order says so", async () => {
      mockFetch(staffAndCustomer);
      renderApp(
        <OrderDetail
          order={makeOrder({ can: { ...makeOrder().can, assign_item_staff: false } })}
        />,
        { user: makeUser('ATTENDANT') },
      );
      await userEvent.click(screen.getByRole('button', { name: 'Adicionar mão de obra' }));
      const dialog = within(screen.getByRole('dialog', { name: 'Adicionar mão de obra' }));
      expect(dialog.getByLabelText('Valor unitário (R$)')).toBeInTheDocument();
      expect(dialog.queryByLabelText('Feito por')).toBeNull();
    });

    it('shows price, discount and mechanic changes in the history, with who', () => {
      mockFetch(staffAndCustomer);
      const by = { user_id: 1, user_name: 'Ana Dona', item_id: null, description: null };
      const none = {
        from_staff_id: null,
        to_staff_id: null,
        from_staff_name: null,
        to_staff_name: null,
      };
      renderApp(
        <OrderDetail
          order={makeOrder({
            changes: [
              {
                ...by,
                ...none,
                kind: 'mechanic',
                from: null,
                to: null,
                at: '2026-11-24T12:30:00Z',
                to_staff_id: 21,
                to_staff_name: 'Carlos Mendes',
              },
              {
                ...by,
                ...none,
                kind: 'item_price',
                item_id: 2,
                description: 'Troca de óleo',
                from: 100,
                to: 120,
                at: '2026-11-24T13:00:00Z',
              },
              { ...by, ...none, kind: 'discount', from: 0, to: 10, at: '2026-11-24T13:30:00Z' },
            ],
          })}
        />,
        { user: makeUser('OWNER') },
      );
      const changes = screen
        .getAllByTestId('history-change')
        .map((li) => li.firstChild?.textContent);
      expect(changes).toEqual([
        'Mecânico: nenhum → Carlos Mendes',
        'Preço de “Troca de óleo”: R$ 100,00 → R$ 120,00',
        'Desconto: R$ 0,00 → R$ 10,00',
      ]);
      expect(screen.getAllByTestId('history-change')[0]).toHaveTextContent('Ana Dona');
    });

    it('names who did a labor line, chosen by the front desk', async () => {
      const calls = mockFetch(staffAndCustomer);
      renderApp(
        <OrderDetail
          order={makeOrder({
            items: [{ ...makeOrder().items[1]!, staff_id: 22, staff_name: 'Rafael Teixeira' }],
          })}
        />,
        { user: makeUser('ATTENDANT') },
      );
      expect(screen.getByTestId('item-staff')).toHaveTextContent('Feito por Rafael Teixeira');
      await userEvent.click(screen.getByRole('button', { name: 'Adicionar mão de obra' }));
      const dialog = within(screen.getByRole('dialog', { name: 'Adicionar mão de obra' }));
      await userEvent.type(dialog.getByLabelText('Descrição do serviço'), 'Regulagem');
      await userEvent.clear(dialog.getByLabelText('Quantidade'));
      await userEvent.type(dialog.getByLabelText('Quantidade'), '1,5');
      await userEvent.type(dialog.getByLabelText('Valor unitário (R$)'), '80');
      await waitFor(() =>
        expect(dialog.getAllByRole('option', { name: 'Carlos Mendes' })).toHaveLength(1),
      );
      await userEvent.selectOptions(dialog.getByLabelText('Feito por'), '21');
      await userEvent.click(dialog.getByRole('button', { name: 'Adicionar mão de obra' }));
      await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        item_type: 'labor',
        description: 'Regulagem',
        quantity: 1.5,
        unit_price: '80.00',
        staff_id: 21,
      });
    });

    it('lets a mechanic add 1,5 h of labor without a price nor a name', async () => {
      const calls = mockFetch(staffAndCustomer);
      renderApp(<OrderDetail order={mechanicView} />, { user: makeUser('MECHANIC') });
      await userEvent.click(screen.getByRole('button', { name: 'Adicionar mão de obra' }));
      const dialog = within(screen.getByRole('dialog', { name: 'Adicionar mão de obra' }));
      expect(dialog.queryByLabelText('Feito por')).toBeNull();
      expect(dialog.getByLabelText('Quantidade')).toHaveAccessibleDescription(
        'Horas, ex.: 1,5. O valor é definido pela recepção.',
      );
      await userEvent.type(dialog.getByLabelText('Descrição do serviço'), 'Regulagem');
      await userEvent.clear(dialog.getByLabelText('Quantidade'));
      await userEvent.type(dialog.getByLabelText('Quantidade'), '1,555');
      await userEvent.click(dialog.getByRole('button', { name: 'Adicionar mão de obra' }));
      expect(await dialog.findByText(/até duas casas decimais/)).toBeInTheDocument();
      await userEvent.clear(dialog.getByLabelText('Quantidade'));
      await userEvent.type(dialog.getByLabelText('Quantidade'), '1,5');
      await userEvent.click(dialog.getByRole('button', { name: 'Adicionar mão de obra' }));
      await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        item_type: 'labor',
        description: 'Regulagem',
        quantity: 1.5,
      });
    });
  });
});
