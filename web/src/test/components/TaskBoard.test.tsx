import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TasksPage } from '@/pages/TasksPage';
import { todayIso } from '@/lib/dates';
import { listOf, makeStaff, makeTask, makeUser, NO_STAFF_RECORD } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const mechanicTask = makeTask({
  id: 32,
  title: 'Testar a moto',
  can: { edit: false, change_status: true },
});

/** The server: one task in OPEN, staff/me as given, PATCH echoes the move. */
function server(me: 'linked' | 'none' = 'linked') {
  return (req: MockRequest) => {
    const path = req.url.pathname;
    if (path === '/api/teamcrm/staff/me')
      return me === 'linked' ? { body: makeStaff() } : NO_STAFF_RECORD;
    if (path === '/api/teamcrm/staff') return listOf([makeStaff()]);
    if (path === '/api/teamcrm/tasks') {
      const status = req.url.searchParams.get('status');
      return listOf(status === null || status === 'OPEN' ? [makeTask(), mechanicTask] : []);
    }
    if (req.method === 'PATCH') return { body: { ...mechanicTask, ...(req.body as object) } };
    return undefined;
  };
}

const taskQueries = (calls: MockRequest[]) =>
  calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/teamcrm/tasks');

describe('TasksPage board', () => {
  it('has a column per status and moves a task with only its status', async () => {
    const calls = mockFetch(server());
    renderApp(<TasksPage />, { user: makeUser('MECHANIC'), route: '/tarefas' });
    for (const name of ['A fazer', 'Em andamento', 'Aguardando', 'Concluída', 'Cancelada']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    }
    const open = within(screen.getByRole('region', { name: 'A fazer' }));
    const select = await open.findByLabelText('Mover tarefa Testar a moto para');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Mover para…', 'Em andamento', 'Aguardando', 'Concluída', 'Cancelada']);
    // The task's `can` says a mechanic moves it but does not edit it.
    expect(open.queryByRole('button', { name: 'Editar tarefa Testar a moto' })).toBeNull();
    expect(
      open.getByRole('button', { name: 'Editar tarefa Ligar para o cliente' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(select, 'DONE');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/teamcrm/tasks/32');
    expect(patch?.body).toEqual({ status: 'DONE' });
  });

  it('offers no move for a task the server does not let move', async () => {
    mockFetch((req) =>
      req.url.pathname === '/api/teamcrm/tasks'
        ? listOf(
            req.url.searchParams.get('status') === 'OPEN'
              ? [makeTask({ can: { edit: false, change_status: false } })]
              : [],
          )
        : server()(req),
    );
    renderApp(<TasksPage />, { user: makeUser('MECHANIC'), route: '/tarefas' });
    const card = await screen.findByTestId('task-card-31');
    expect(within(card).queryByRole('combobox')).toBeNull();
    expect(card).toHaveAttribute('draggable', 'false');
  });
});

describe('TasksPage list', () => {
  it('asks the server for the quick filters in its own words', async () => {
    const calls = mockFetch(server());
    renderApp(<TasksPage />, { user: makeUser('OWNER'), route: '/tarefas?view=list' });
    await screen.findByRole('list', { name: 'Lista de tarefas' });

    await userEvent.click(await screen.findByRole('button', { name: 'Minhas' }));
    await waitFor(() => expect(taskQueries(calls).at(-1)?.url.searchParams.get('mine')).toBe('1'));

    await userEvent.click(screen.getByRole('button', { name: 'Atrasadas' }));
    await waitFor(() => expect(taskQueries(calls).at(-1)?.url.searchParams.get('late')).toBe('1'));
    expect(screen.getByRole('button', { name: 'Atrasadas' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Hoje' }));
    await waitFor(() =>
      expect(taskQueries(calls).at(-1)?.url.searchParams.get('due_until')).toBe(todayIso()),
    );
    const today = taskQueries(calls).at(-1)?.url.searchParams;
    expect(today?.get('due_from')).toBe(todayIso());
    expect(today?.get('only_open')).toBe('1');
    expect(today?.get('late')).toBeNull();
  });

  it('hides "Minhas" from a login without a staff record', async () => {
    mockFetch(server('none'));
    renderApp(<TasksPage />, { user: makeUser('OWNER'), route: '/tarefas?view=list' });
    await screen.findByRole('list', { name: 'Lista de tarefas' });
    expect(screen.getByRole('button', { name: 'Atrasadas' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Minhas' })).toBeNull());
  });

  it('shows due dates dd/mm/aaaa, priorities and late tasks', async () => {
    mockFetch((req) =>
      req.url.pathname === '/api/teamcrm/tasks'
        ? listOf([makeTask({ late: true, priority: 'URGENT', due_date: '2026-11-20' })])
        : server()(req),
    );
    renderApp(<TasksPage />, { user: makeUser('OWNER'), route: '/tarefas?view=list&filter=late' });
    const row = await screen.findByTestId('task-row');
    expect(within(row).getByTestId('task-due')).toHaveTextContent('20/11/2026');
    expect(within(row).getByTestId('task-priority')).toHaveTextContent('Prioridade Urgente');
    expect(within(row).getByText('Atrasada')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'OS #12' })).toHaveAttribute('href', '/os/3');
  });
});
