import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PartPickerDialog } from '@/modules/workshop/components/ItemDialogs';
import { makePart, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

describe('PartPickerDialog', () => {
  it('reports more than the stock once, on the quantity, before and after sending', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 422,
            body: {
              error: {
                code: 'insufficient_stock',
                message: 'Estoque insuficiente de Óleo 10W30: disponível 2, pedido 5.',
                details: { quantity: 'disponível: 2' },
              },
            },
          }
        : { body: [makePart({ quantity_in_stock: 2 })], headers: { 'X-Total-Count': '1' } },
    );
    renderApp(<PartPickerDialog orderId={3} prices open onClose={vi.fn()} />, {
      user: makeUser(),
    });
    const dialog = within(screen.getByRole('dialog', { name: 'Adicionar peça' }));
    await userEvent.click(await dialog.findByRole('button', { name: /Óleo 10W30/ }));
    const quantity = dialog.getByLabelText('Quantidade');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '5');
    expect(dialog.getAllByText(/Estoque insuficiente/)).toHaveLength(1);
    expect(quantity).toHaveAccessibleDescription('Estoque insuficiente: há 2 em estoque.');

    await userEvent.click(dialog.getByRole('button', { name: 'Adicionar peça' }));
    expect(
      await dialog.findByText('Estoque insuficiente de Óleo 10W30: disponível 2, pedido 5.'),
    ).toBeInTheDocument();
    expect(dialog.getAllByText(/insuficiente|disponível/)).toHaveLength(1);
  });

  it('sends no unit price for whom may not set prices', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST'
        ? { status: 201, body: {} }
        : { body: [makePart({ quantity_in_stock: 9 })], headers: { 'X-Total-Count': '1' } },
    );
    renderApp(<PartPickerDialog orderId={3} prices={false} open onClose={vi.fn()} />, {
      user: makeUser('MECHANIC'),
    });
    const dialog = within(screen.getByRole('dialog', { name: 'Adicionar peça' }));
    await userEvent.click(await dialog.findByRole('button', { name: /Óleo 10W30/ }));
    expect(dialog.queryByLabelText('Preço unitário (R$)')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Adicionar peça' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      item_type: 'part',
      part_id: 7,
      description: 'Óleo 10W30',
      quantity: 1,
    });
  });
});
