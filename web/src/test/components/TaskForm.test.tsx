import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderTasks } from '@/modules/team/components/RelatedTasks';
import { NewTaskButton } from '@/modules/team/components/NewTaskButton';
import { listOf, makeStaff, makeTask, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const colleague = makeStaff({ id: 22, name: 'Rafael Teixeira', user_id: 3 });

function server(req: MockRequest) {
  const path = req.url.pathname;
  if (path === '/api/teamcrm/staff/me') return { body: makeStaff() };
  if (path === '/api/teamcrm/staff') return listOf([makeStaff(), colleague]);
  if (path === '/api/teamcrm/tasks' && req.method === 'GET') return listOf([]);
  if (path === '/api/teamcrm/tasks' && req.method === 'POST')
    return { status: 201, body: makeTask({ id: 40 }) };
  return undefined;
}

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the task form', () => {
  it("gives a mechanic only himself or nobody, and creates the order's task", async () => {
    const calls = mockFetch(server);
    renderApp(<OrderTasks order={{ id: 3, number: 12, customer_name: 'João Silva' }} />, {
      user: makeUser('MECHANIC'),
    });
    expect(await screen.findByText('Nenhuma tarefa para esta OS.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Nova tarefa' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Nova tarefa' }));
    expect(dialog.getByText('OS #12 · João Silva')).toBeInTheDocument();
    await waitFor(() =>
      expect(options(dialog.getByLabelText('Responsável'))).toEqual([
        'Ninguém',
        'Carlos Mendes (eu)',
      ]),
    );
    await userEvent.type(dialog.getByLabelText('Título'), '  Trocar o óleo  ');
    await userEvent.selectOptions(dialog.getByLabelText('Responsável'), '21');
    await userEvent.click(dialog.getByRole('button', { name: 'Criar tarefa' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers['Idempotency-Key']).toMatch(/.+/);
    expect(post?.body).toEqual({
      title: 'Trocar o óleo',
      description: null,
      priority: 'NORMAL',
      assigned_to_id: 21,
      due_date: null,
      related_order_id: 3,
    });
    // No staff list is asked for whom may not assign tasks to others.
    expect(calls.some((c) => c.url.pathname === '/api/teamcrm/staff')).toBe(false);
  });

  it('lets whom may assign tasks give one to anyone active, from the header', async () => {
    const calls = mockFetch(server);
    renderApp(<NewTaskButton compact />, { user: makeUser('MANAGER') });
    await userEvent.click(screen.getByRole('button', { name: 'Nova tarefa' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Nova tarefa' }));
    await waitFor(() =>
      expect(options(dialog.getByLabelText('Responsável'))).toEqual([
        'Ninguém',
        'Carlos Mendes',
        'Rafael Teixeira',
      ]),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Criar tarefa' }));
    expect(await dialog.findByText('Informe o título.')).toBeInTheDocument();
    await userEvent.type(dialog.getByLabelText('Título'), 'Revisar estoque');
    await userEvent.selectOptions(dialog.getByLabelText('Prioridade'), 'URGENT');
    await userEvent.selectOptions(dialog.getByLabelText('Responsável'), '22');
    await userEvent.type(dialog.getByLabelText('Prazo'), '2026-12-05');
    await userEvent.click(dialog.getByRole('button', { name: 'Criar tarefa' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Revisar estoque',
      description: null,
      priority: 'URGENT',
      assigned_to_id: 22,
      due_date: '2026-12-05',
    });
  });

  it('shows no "Nova tarefa" to whom may not work tasks', () => {
    mockFetch(server);
    renderApp(<NewTaskButton compact />, {
      user: makeUser('MECHANIC', {
        can: { ...makeUser('MECHANIC').can, work_tasks: false },
      }),
    });
    expect(screen.queryByRole('button', { name: 'Nova tarefa' })).toBeNull();
  });

  it('edits a task with its own fields only, keeping what it is about', async () => {
    const task = makeTask({ assigned_to_id: 22, assigned_to_name: 'Rafael Teixeira' });
    const calls = mockFetch((req) => {
      if (req.url.pathname === '/api/teamcrm/tasks' && req.method === 'GET') return listOf([task]);
      if (req.method === 'PATCH') return { body: task };
      return server(req);
    });
    renderApp(<OrderTasks order={{ id: 3, number: 12, customer_name: 'João Silva' }} />, {
      user: makeUser('OWNER'),
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Editar tarefa Ligar para o cliente' }),
    );
    const dialog = within(screen.getByRole('dialog', { name: 'Editar tarefa' }));
    expect(dialog.getByLabelText('Responsável')).toHaveValue('22');
    expect(dialog.getByLabelText('Prazo')).toHaveValue('2026-11-24');
    await userEvent.clear(dialog.getByLabelText('Título'));
    await userEvent.type(dialog.getByLabelText('Título'), 'Ligar de novo');
    await userEvent.selectOptions(dialog.getByLabelText('Responsável'), '');
    await userEvent.clear(dialog.getByLabelText('Prazo'));
    await userEvent.click(dialog.getByRole('button', { name: 'Salvar tarefa' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/teamcrm/tasks/31');
    expect(patch?.body).toEqual({
      title: 'Ligar de novo',
      description: null,
      priority: 'HIGH',
      assigned_to_id: null,
      due_date: null,
    });
  });
});
