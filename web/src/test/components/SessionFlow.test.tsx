import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { RedirectIfAuthenticated, RequireAuth } from '@/app/RequireAuth';
import { tokenStore } from '@/lib/api/tokens';
import { CustomerForm } from '@/modules/workshop/components/CustomerForm';
import { LoginPage } from '@/pages/LoginPage';
import { makeUser } from '../fixtures';
import { mockFetch, renderRoutes } from '../utils';

afterEach(() => vi.unstubAllGlobals());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

/** /clientes with a customer form; the login screen is the app's. */
const routes = [
  { element: <RedirectIfAuthenticated />, children: [{ path: '/login', element: <LoginPage /> }] },
  {
    element: <RequireAuth />,
    children: [
      {
        path: '/clientes',
        element: (
          <>
            <Where />
            <CustomerForm onSaved={vi.fn()} />
          </>
        ),
      },
    ],
  },
];

const revoked = {
  status: 401,
  body: { error: { code: 'token_revoked', message: 'Sessão revogada.' } },
};

describe('losing the session', () => {
  it('says so on the login screen, comes back to the page and keeps the typed form', async () => {
    let signedIn = true;
    mockFetch(({ method, url }) => {
      if (url.pathname === '/api/auth/login') {
        signedIn = true;
        return { body: { access_token: 'A2', refresh_token: 'R2', user: makeUser() } };
      }
      if (!signedIn) return revoked;
      if (method === 'POST') {
        signedIn = false;
        return revoked;
      }
      return { body: makeUser() };
    });
    renderRoutes(routes, { user: makeUser(), route: '/clientes?q=ana' });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria Pe');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));

    expect(await screen.findByText('Sua sessão expirou. Entre novamente.')).toBeInTheDocument();
    expect(tokenStore.getAccess()).toBeNull();
    await userEvent.type(screen.getByLabelText('E-mail'), 'ana@oficina.com');
    await userEvent.type(screen.getByLabelText('Senha'), 'senha-forte-123');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));

    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/clientes?q=ana'));
    expect(screen.getByLabelText('Nome')).toHaveValue('Maria Pe');
  });

  it('does not keep the draft of another user', async () => {
    mockFetch(() => ({ body: makeUser() }));
    const first = renderRoutes(routes, { user: makeUser(), route: '/clientes' });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    first.unmount();
    renderRoutes(routes, { user: makeUser('OWNER', { id: 2 }), route: '/clientes' });
    expect(screen.getByLabelText('Nome')).toHaveValue('');
  });
});
