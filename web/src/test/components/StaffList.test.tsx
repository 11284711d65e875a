import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StaffPage } from '@/pages/StaffPage';
import { listOf, makeStaff, makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';
import type { MockRequest } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const users = listOf([
  {
    id: 2,
    name: 'Carlos',
    email: 'carlos@oficina.com',
    tenant_id: 10,
    role: 'MECHANIC',
    plan: 'BASIC',
    is_active: true,
    login_locked: false,
  },
  {
    id: 5,
    name: 'Rafa',
    email: 'rafa@oficina.com',
    tenant_id: 10,
    role: 'MECHANIC',
    plan: 'BASIC',
    is_active: true,
    login_locked: false,
  },
]);

function server(req: MockRequest) {
  if (req.url.pathname === '/api/users') return users;
  if (req.url.pathname === '/api/teamcrm/staff' && req.method === 'GET')
    return listOf([makeStaff()]);
  if (req.method === 'POST') return { status: 201, body: makeStaff({ id: 23 }) };
  if (req.method === 'PATCH') return { body: makeStaff({ is_active: false }) };
  return undefined;
}

describe('StaffList', () => {
  it('lists the active staff with their commission, and filters by situation', async () => {
    const calls = mockFetch(server);
    renderApp(<StaffPage />, { user: makeUser('OWNER'), route: '/equipe' });
    const row = await screen.findByTestId('staff-row');
    expect(within(row).getByText('Carlos Mendes')).toBeInTheDocument();
    expect(within(row).getByTestId('staff-commission')).toHaveTextContent('MO 10 %Peças 3 %');
    expect(calls[0]?.url.searchParams.get('active')).toBe('1');
    await userEvent.selectOptions(screen.getByLabelText('Situação'), '0');
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('active')).toBe('0'));
  });

  it('creates a staff member with the commission rule and a login', async () => {
    const calls = mockFetch(server);
    renderApp(<StaffPage />, { user: makeUser('OWNER'), route: '/equipe' });
    await userEvent.click(await screen.findByRole('button', { name: 'Novo membro' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Novo membro da equipe' }));
    await userEvent.type(dialog.getByLabelText('Nome'), 'Rafael Teixeira');
    await userEvent.type(dialog.getByLabelText('Função'), 'Mecânico');
    await userEvent.type(dialog.getByLabelText('Telefone'), '11991230002');
    await userEvent.type(dialog.getByLabelText('Comissão sobre mão de obra (%)'), '8,555');
    await userEvent.selectOptions(dialog.getByLabelText('Login no sistema'), '5');
    await userEvent.click(dialog.getByRole('button', { name: 'Cadastrar' }));
    expect(await dialog.findByText(/Percentual de 0 a 100/)).toBeInTheDocument();
    await userEvent.clear(dialog.getByLabelText('Comissão sobre mão de obra (%)'));
    await userEvent.type(dialog.getByLabelText('Comissão sobre mão de obra (%)'), '8,5');
    await userEvent.click(dialog.getByRole('button', { name: 'Cadastrar' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url.pathname).toBe('/api/teamcrm/staff');
    expect(post?.body).toEqual({
      name: 'Rafael Teixeira',
      role: 'Mecânico',
      phone: '11991230002',
      email: null,
      labor_commission_percent: '8.5',
      parts_commission_percent: '0',
      user_id: 5,
    });
  });

  it('says who already has a login', async () => {
    mockFetch(server);
    renderApp(<StaffPage />, { user: makeUser('OWNER'), route: '/equipe' });
    await userEvent.click(await screen.findByRole('button', { name: 'Novo membro' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Novo membro da equipe' }));
    expect(
      await dialog.findByRole('option', { name: 'Carlos (carlos@oficina.com) — de Carlos Mendes' }),
    ).toBeInTheDocument();
  });

  it('asks before deactivating, then sends is_active false', async () => {
    const calls = mockFetch(server);
    renderApp(<StaffPage />, { user: makeUser('MANAGER'), route: '/equipe' });
    await userEvent.click(await screen.findByRole('button', { name: 'Desativar Carlos Mendes' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Desativar membro da equipe?' }));
    await userEvent.click(confirm.getByRole('button', { name: 'Desativar' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/teamcrm/staff/21');
    expect(patch?.body).toEqual({ is_active: false });
  });

  it("shows a mechanic the team without controls nor colleagues' commissions", async () => {
    mockFetch((req) =>
      req.url.pathname === '/api/teamcrm/staff'
        ? listOf([
            makeStaff({
              can: { edit: false },
              labor_commission_percent: null,
              parts_commission_percent: null,
              user_email: null,
            }),
          ])
        : undefined,
    );
    renderApp(<StaffPage />, { user: makeUser('MECHANIC'), route: '/equipe' });
    const row = await screen.findByTestId('staff-row');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Comissão' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Novo membro' })).toBeNull();
  });
});
