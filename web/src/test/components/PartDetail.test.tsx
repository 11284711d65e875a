import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { PartDetail } from '@/modules/workshop/components/PartDetail';
import { makePart, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const noMovements = () => ({ body: [], headers: { 'X-Total-Count': '0' } });

describe('PartDetail', () => {
  it('offers what the part says the user may do, with the cost price', () => {
    mockFetch(noMovements);
    renderApp(<PartDetail part={makePart()} />, { user: makeUser('MANAGER') });
    expect(screen.getByRole('button', { name: 'Movimentar estoque' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Editar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Desativar' })).toBeInTheDocument();
    expect(screen.getByText('Preço de custo')).toBeInTheDocument();
    expect(screen.getByText('R$ 30,00')).toBeInTheDocument();
  });

  it('shows an attendant neither stock editing nor the cost price', () => {
    mockFetch(noMovements);
    renderApp(
      <PartDetail
        part={makePart({
          cost_price: null,
          can: { edit: false, move_stock: false, deactivate: false },
        })}
      />,
      { user: makeUser('ATTENDANT') },
    );
    expect(screen.queryByRole('button', { name: /Movimentar|Editar|Desativar/ })).toBeNull();
    expect(screen.queryByText('Preço de custo')).toBeNull();
  });
});
