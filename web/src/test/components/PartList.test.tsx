import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { PartList } from '@/modules/workshop/components/PartList';
import type { Part } from '@/modules/workshop/types';
import { makePart, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const serve = (part: Part) =>
  mockFetch(() => ({ body: [part], headers: { 'X-Total-Count': '1' } }));

const headers = () =>
  within(screen.getByRole('table', { name: 'Peças' }))
    .getAllByRole('columnheader')
    .map((h) => h.textContent);

describe('PartList', () => {
  it("shows a manager stock editing, by the row's answer, and the cost price", async () => {
    serve(makePart());
    renderApp(<PartList />, { user: makeUser('MANAGER') });
    expect(await screen.findByText('Óleo 10W30')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nova peça' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Movimentar estoque de Óleo 10W30' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Editar Óleo 10W30' })).toBeInTheDocument();
    expect(headers()).toContain('Custo');
    expect(screen.getByTestId('part-cost')).toHaveTextContent('R$ 30,00');
    expect(screen.getByText('R$ 45,90')).toBeInTheDocument();
  });

  it('hides stock editing when the row says so', async () => {
    serve(
      makePart({ cost_price: null, can: { edit: false, move_stock: false, deactivate: false } }),
    );
    renderApp(<PartList />, { user: makeUser('MECHANIC') });
    expect(await screen.findByText('Óleo 10W30')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nova peça' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Movimentar|Editar/ })).toBeNull();
  });

  it('shows an attendant no cost price', async () => {
    serve(
      makePart({ cost_price: null, can: { edit: false, move_stock: false, deactivate: false } }),
    );
    renderApp(<PartList />, { user: makeUser('ATTENDANT') });
    expect(await screen.findByText('Óleo 10W30')).toBeInTheDocument();
    expect(headers()).not.toContain('Custo');
    expect(screen.queryByTestId('part-cost')).toBeNull();
  });
});
