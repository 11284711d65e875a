import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ModuleSummaries } from '@/modules/gateway/components/ModuleSummaries';
import { OrderCounts, TodayOrders } from '@/modules/workshop/components/DashboardWidgets';
import { todayIso } from '@/lib/dates';
import { makeListOrder, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const overview = {
  service_orders: {
    total: 10,
    open: 6,
    completed: 3,
    by_status: { OPEN: 4, IN_PROGRESS: 1, WAITING_PARTS: 1, COMPLETED: 3, CANCELLED: 1 },
  },
  receivables: { error: 'unavailable' },
  tasks: { error: 'unavailable' },
};

describe('OrderCounts', () => {
  it('shows the five counts from one overview request', async () => {
    const calls = mockFetch(() => ({ body: overview }));
    renderApp(<OrderCounts />, { user: makeUser() });
    await waitFor(() => expect(screen.getByTestId('count-OPEN')).toHaveTextContent('Aberta4'));
    expect(screen.getByTestId('count-COMPLETED')).toHaveTextContent('Concluída3');
    expect(screen.getByTestId('count-CANCELLED')).toHaveTextContent('Cancelada1');
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/overview']);
  });

  it('says so when the orders module is unavailable', async () => {
    mockFetch(() => ({ body: { ...overview, service_orders: { error: 'unavailable' } } }));
    renderApp(<OrderCounts />, { user: makeUser() });
    expect(
      await screen.findByText(/Contagem de ordens indisponível no momento/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('count-OPEN')).toHaveTextContent('—');
  });
});

describe('TodayOrders', () => {
  it("asks the server for the orders scheduled for the browser's today", async () => {
    const calls = mockFetch(() => ({
      body: [
        makeListOrder({ scheduled_date: todayIso() }),
        makeListOrder({ id: 8, number: 13, status: 'CANCELLED', scheduled_date: todayIso() }),
      ],
      headers: { 'X-Total-Count': '2' },
    }));
    renderApp(<TodayOrders />, { user: makeUser() });
    const list = await screen.findByRole('list', { name: 'Agendadas para hoje' });
    expect(within(list).getByRole('link', { name: 'OS #12' })).toBeInTheDocument();
    expect(within(list).queryByRole('link', { name: 'OS #13' })).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.pathname).toBe('/api/management/os');
    expect(calls[0]?.url.searchParams.get('scheduled_date')).toBe(todayIso());
  });
});

describe('ModuleSummaries', () => {
  it('says in pt-BR which modules are unavailable', async () => {
    mockFetch(() => ({ body: overview }));
    renderApp(<ModuleSummaries />, { user: makeUser('OWNER') });
    expect(await screen.findByTestId('summary-receivables')).toHaveTextContent(
      'Módulo financeiro indisponível no momento.',
    );
    expect(screen.getByTestId('summary-tasks')).toHaveTextContent(
      'Módulo de equipe e tarefas indisponível no momento.',
    );
  });

  it("shows a module's figures when it answers, and no finance to a mechanic", async () => {
    mockFetch(() => ({
      body: {
        ...overview,
        receivables: { pending_count: 2 },
        tasks: { open_count: 5, late_count: 2, due_today: 1 },
      },
    }));
    renderApp(<ModuleSummaries />, { user: makeUser('MECHANIC') });
    await screen.findByTestId('summary-tasks');
    expect(screen.getByTestId('tasks-open')).toHaveTextContent('5em aberto');
    expect(screen.getByTestId('tasks-open')).toHaveAttribute('href', '/tarefas?view=list');
    expect(screen.getByTestId('tasks-late')).toHaveTextContent('2atrasadas');
    expect(screen.getByTestId('tasks-late')).toHaveAttribute(
      'href',
      '/tarefas?view=list&filter=late',
    );
    expect(screen.getByTestId('tasks-today')).toHaveTextContent('1para hoje');
    expect(screen.getByTestId('tasks-today')).toHaveAttribute(
      'href',
      '/tarefas?view=list&filter=today',
    );
    expect(screen.queryByTestId('summary-receivables')).toBeNull();
  });

  it("shows today's revenue, overdue receivables and this week's payables in pt-BR", async () => {
    const money = (count: number, total: number) => ({
      pending_count: count + 1,
      pending_total: total + 10,
      overdue_count: count,
      overdue_total: total,
      due_7d_count: count,
      due_7d_total: total,
    });
    const answer = (count: number) => ({
      body: {
        ...overview,
        receivables: money(count, 150.5),
        payables: money(count, 80),
        revenue: { today: 321.4, today_payments: count },
      },
    });
    mockFetch(() => answer(1));
    const one = renderApp(<ModuleSummaries />, { user: makeUser('OWNER') });
    expect(await screen.findByTestId('receivables-overdue')).toHaveTextContent(
      'R$ 150,501 conta vencida',
    );
    expect(screen.getByTestId('receivables-overdue')).toHaveAttribute(
      'href',
      '/financeiro/receber?vencidas=1',
    );
    expect(screen.getByTestId('payables-week')).toHaveTextContent('1 conta a pagar em 7 dias');
    expect(screen.getByTestId('revenue-today')).toHaveTextContent(
      'R$ 321,40recebido hoje (1 pagamento)',
    );
    one.unmount();
    vi.unstubAllGlobals();
    mockFetch(() => answer(2));
    renderApp(<ModuleSummaries />, { user: makeUser('MANAGER') });
    expect(await screen.findByTestId('receivables-overdue')).toHaveTextContent('2 contas vencidas');
    expect(screen.getByTestId('payables-week')).toHaveTextContent('2 contas a pagar em 7 dias');
    expect(screen.getByTestId('revenue-today')).toHaveTextContent('(2 pagamentos)');
    expect(screen.getByTestId('summary-receivables')).toHaveTextContent(
      '3 contas a receber em aberto · R$ 160,50',
    );
  });
});
