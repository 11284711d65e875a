import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router-dom';
import { CustomerForm } from '@/modules/workshop/components/CustomerForm';
import { makeUser } from '../fixtures';
import { mockFetch, renderRoutes } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const routes = [
  {
    path: '/clientes',
    element: (
      <>
        <Link to="/motos">Motos</Link>
        <CustomerForm onSaved={vi.fn()} />
      </>
    ),
  },
  { path: '/motos', element: <h1>Tela de motos</h1> },
];

function unload() {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('UnsavedChangesPrompt', () => {
  it('asks before leaving a form with unsaved changes', async () => {
    mockFetch(() => undefined);
    renderRoutes(routes, { user: makeUser(), route: '/clientes' });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    await userEvent.click(screen.getByRole('link', { name: 'Motos' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Sair sem salvar?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Continuar editando' }));
    expect(screen.getByLabelText('Nome')).toHaveValue('Maria');

    await userEvent.click(screen.getByRole('link', { name: 'Motos' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Sair sem salvar?' })).getByRole('button', {
        name: 'Sair sem salvar',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Tela de motos' })).toBeInTheDocument();
    expect(Object.keys(sessionStorage).filter((k) => k.includes('customer:new'))).toEqual([]);
  });

  it('lets the browser warn on reload or close only while there are changes', async () => {
    mockFetch(() => undefined);
    renderRoutes(routes, { user: makeUser(), route: '/clientes' });
    expect(unload()).toBe(false);
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    expect(unload()).toBe(true);
  });

  it('does not ask when nothing was typed', async () => {
    mockFetch(() => undefined);
    renderRoutes(routes, { user: makeUser(), route: '/clientes' });
    fireEvent.click(screen.getByRole('link', { name: 'Motos' }));
    expect(await screen.findByRole('heading', { name: 'Tela de motos' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
