import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderBoard } from '@/modules/workshop/components/OrderBoard';
import { makeListOrder, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

/** The OPEN column holds one order whose allowed moves are what the server said. */
function serve(allowed: ReturnType<typeof makeListOrder>['allowed_transitions']) {
  const order = makeListOrder({ allowed_transitions: allowed });
  return mockFetch(({ method, url }) => {
    if (method === 'PATCH') return { body: { id: 3, status: 'WAITING_PARTS' } };
    return url.searchParams.get('status') === 'OPEN'
      ? { body: [order], headers: { 'X-Total-Count': '1' } }
      : { body: [], headers: { 'X-Total-Count': '0' } };
  });
}

/** A drag's dataTransfer, as far as the board uses it. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'all',
  };
}

describe('OrderBoard', () => {
  it('offers in "Mover para…" exactly the moves of the order, and makes one', async () => {
    const calls = serve(['IN_PROGRESS', 'WAITING_PARTS', 'COMPLETED']);
    renderApp(<OrderBoard />, { user: makeUser('MECHANIC') });
    const card = await within(await screen.findByTestId('column-OPEN')).findByTestId('os-card-12');
    const select = within(card).getByLabelText('Mover OS #12 para');
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Mover para…', 'Em andamento', 'Aguardando peças', 'Concluída']);
    await userEvent.selectOptions(select, 'WAITING_PARTS');
    await waitFor(() => {
      const patch = calls.find((c) => c.method === 'PATCH');
      expect(patch?.url.pathname).toBe('/api/management/os/3/status');
      expect(patch?.body).toEqual({ status: 'WAITING_PARTS' });
    });
  });

  it('lets a card be dropped only on the columns of its moves', async () => {
    const calls = serve(['WAITING_PARTS']);
    renderApp(<OrderBoard />, { user: makeUser('MECHANIC') });
    const card = await screen.findByTestId('os-card-12');
    const transfer = dataTransfer();
    fireEvent.dragStart(card, { dataTransfer: transfer });
    const targets = screen
      .getAllByTestId(/^column-/)
      .filter((c) => c.hasAttribute('data-drop-target'))
      .map((c) => c.dataset.testid);
    expect(targets).toEqual(['column-WAITING_PARTS']);

    // Dropping on a column the server did not offer does nothing.
    fireEvent.dragOver(screen.getByTestId('column-CANCELLED'), { dataTransfer: transfer });
    fireEvent.drop(screen.getByTestId('column-CANCELLED'), { dataTransfer: transfer });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.dragStart(card, { dataTransfer: transfer });
    fireEvent.drop(screen.getByTestId('column-WAITING_PARTS'), { dataTransfer: transfer });
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'WAITING_PARTS' }),
    );
  });

  it('gives a card without moves neither a select nor dragging', async () => {
    serve([]);
    renderApp(<OrderBoard />, { user: makeUser('OWNER') });
    const card = await screen.findByTestId('os-card-12');
    expect(within(card).queryByLabelText('Mover OS #12 para')).toBeNull();
    expect(card).toHaveAttribute('draggable', 'false');
  });

  it('asks before completing or cancelling from the board', async () => {
    const calls = serve(['COMPLETED', 'CANCELLED']);
    renderApp(<OrderBoard />, { user: makeUser('OWNER') });
    const select = await screen.findByLabelText('Mover OS #12 para');
    await userEvent.selectOptions(select, 'CANCELLED');
    const dialog = within(await screen.findByRole('dialog', { name: 'Cancelar a OS #12?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Voltar' }));
    await userEvent.selectOptions(select, 'COMPLETED');
    await screen.findByRole('dialog', { name: 'Concluir a OS #12?' });
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
