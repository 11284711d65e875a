import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RequireAuth } from '@/app/RequireAuth';
import { tokenStore } from '@/lib/api/tokens';
import { ApiError } from '@/lib/api/errors';
import { ErrorState } from '@/ui/States';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

describe('a server that cannot be reached', () => {
  it('is named as such, with "Tentar novamente"', async () => {
    const retry = vi.fn();
    renderApp(
      <ErrorState
        error={new ApiError(0, { code: 'network_error', message: 'Sem rede.' })}
        onRetry={retry}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Sem conexão com o servidor.');
    await userEvent.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(retry).toHaveBeenCalled();
  });

  it('does not sign the user out when their session cannot be checked; retrying gets in', async () => {
    tokenStore.set({ access_token: 'A', refresh_token: 'R' });
    let up = false;
    mockFetch(() => {
      if (!up) throw new TypeError('Failed to fetch');
      return { body: makeUser() };
    });
    renderApp(<RequireAuth />, {
      path: '/',
      children: [{ index: true, element: <p>Painel</p> }],
    });
    expect(await screen.findByText('Sem conexão com o servidor.')).toBeInTheDocument();
    expect(screen.queryByText('Tela de login')).toBeNull();
    up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Tentar novamente' }));
    expect(await screen.findByText('Painel')).toBeInTheDocument();
  });
});
