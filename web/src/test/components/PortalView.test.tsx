import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PortalView } from '@/modules/portal/components/PortalView';
import type { PortalQuote } from '@/modules/portal/types';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const TOKEN = 'a'.repeat(43);

function quote(overrides: Partial<PortalQuote['quote']> = {}): PortalQuote {
  return {
    workshop: { name: 'Oficina do Zé', phone: '1133334444' },
    order: { number: 12, status: 'OPEN', motorcycle: { model: 'CG 160', plate: 'ABC1D23' } },
    quote: {
      version: 2,
      state: 'PENDING',
      expires_at: '2026-12-11T14:03:00Z',
      items: [
        {
          id: 1,
          item_type: 'part',
          description: 'Filtro de óleo',
          quantity: 2,
          unit_price: 35.5,
          total: 71,
        },
        {
          id: 2,
          item_type: 'part',
          description: 'Pneu traseiro',
          quantity: 1,
          unit_price: 120,
          total: 120,
        },
        {
          id: 3,
          item_type: 'labor',
          description: 'Troca de pastilhas',
          quantity: 1.5,
          unit_price: 80,
          total: 120,
        },
      ],
      totals: { total_parts: 191, total_labor: 120, discount: 1, total_amount: 310 },
      ...overrides,
    },
  };
}

const portalUrl = `/api/portal/${TOKEN}`;

describe('PortalView', () => {
  it('shows the workshop, the bike and every item checked, the total following the choice', async () => {
    mockFetch(({ url }) => (url.pathname === portalUrl ? { body: quote() } : undefined));
    renderApp(<PortalView token={TOKEN} />);
    expect(await screen.findByText('Oficina do Zé')).toBeInTheDocument();
    expect(screen.getByText(/OS #12 · CG 160 · ABC1D23/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /\(11\) 3333-4444/ })).toHaveAttribute(
      'href',
      'tel:1133334444',
    );
    const boxes = screen.getAllByRole('checkbox', { name: /Filtro|Pneu|Troca/ });
    expect(boxes).toHaveLength(3);
    boxes.forEach((b) => expect(b).toBeChecked());
    expect(screen.getByTestId('portal-total')).toHaveTextContent('R$ 310,00');
    await userEvent.click(screen.getByRole('checkbox', { name: /Pneu traseiro/ }));
    expect(screen.getByTestId('portal-total')).toHaveTextContent('R$ 190,00');
    expect(screen.getByText(/1,5 ×/)).toBeInTheDocument();
  });

  it('needs the name and "Li e aceito", then sends the approved items and shows the result', async () => {
    const calls = mockFetch(({ url, method }) => {
      if (url.pathname === portalUrl) return { body: quote() };
      if (url.pathname === `${portalUrl}/decision` && method === 'POST')
        return { body: { state: 'PARTIALLY_APPROVED' } };
      return undefined;
    });
    renderApp(<PortalView token={TOKEN} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: /Pneu traseiro/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Aprovar' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Digite seu nome.');
    await userEvent.type(screen.getByLabelText('Seu nome'), 'Maria da Silva');
    await userEvent.click(screen.getByRole('button', { name: 'Aprovar' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Li e aceito');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Li e aceito' }));
    await userEvent.click(screen.getByRole('button', { name: 'Aprovar' }));
    expect(await screen.findByTestId('portal-result')).toHaveTextContent(
      'Orçamento aprovado em parte.',
    );
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      approved_item_ids: [1, 3],
      name: 'Maria da Silva',
      accept_terms: true,
    });
    expect(post?.headers).not.toHaveProperty('Authorization');
  });

  it('offers "Recusar orçamento" when nothing is checked', async () => {
    mockFetch(({ url }) => (url.pathname === portalUrl ? { body: quote() } : undefined));
    renderApp(<PortalView token={TOKEN} />);
    for (const name of [/Filtro/, /Pneu/, /Troca/])
      await userEvent.click(await screen.findByRole('checkbox', { name }));
    expect(screen.getByRole('button', { name: 'Recusar orçamento' })).toBeInTheDocument();
    expect(screen.getByTestId('portal-total')).toHaveTextContent('R$ 0,00');
  });

  it('says when the link expired, was replaced or does not exist', async () => {
    const answers: Record<string, unknown> = {
      expired: {
        error: {
          code: 'not_found',
          message: 'Este orçamento expirou em 11/12/2026.',
          details: { token: 'expired' },
        },
      },
      superseded: {
        error: {
          code: 'not_found',
          message: 'Este link foi substituído.',
          details: { token: 'superseded' },
        },
      },
      missing: { error: { code: 'not_found', message: 'Orçamento não encontrado.' } },
    };
    const titles = {
      expired: 'Orçamento expirado',
      superseded: 'Há uma versão mais nova',
      missing: 'Orçamento não encontrado',
    };
    for (const [reason, body] of Object.entries(answers)) {
      mockFetch(() => ({ status: 404, body }));
      const view = renderApp(<PortalView token={TOKEN} />);
      expect(
        await screen.findByRole('heading', { name: titles[reason as keyof typeof titles] }),
      ).toBeInTheDocument();
      view.unmount();
    }
  });

  it('shows a quote already answered instead of the form', async () => {
    mockFetch(() => ({ body: quote({ state: 'APPROVED' }) }));
    renderApp(<PortalView token={TOKEN} />);
    expect(await screen.findByTestId('portal-result')).toHaveTextContent('Orçamento aprovado.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Aprovar' })).toBeNull());
  });
});
