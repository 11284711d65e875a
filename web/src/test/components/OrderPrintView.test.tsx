import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { OrderPrintView } from '@/modules/workshop/components/OrderPrintView';
import { makeOrder, makeUser } from '../fixtures';
import { renderApp } from '../utils';

describe('OrderPrintView', () => {
  it('prints the km with the thousands separator and the plate as everywhere', () => {
    renderApp(
      <OrderPrintView order={makeOrder({ km_at_entry: 23450, motorcycle_plate: 'HGF3344' })} />,
      { user: makeUser() },
    );
    const printed = screen.getByTestId('print-view');
    expect(printed).toHaveTextContent('Km: 23.450');
    expect(printed).toHaveTextContent('Moto: HGF-3344');
  });
});
