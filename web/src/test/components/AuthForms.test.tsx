import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegisterForm } from '@/modules/identity/components/RegisterForm';
import { LoginForm } from '@/modules/identity/components/LoginForm';
import { tokenStore } from '@/lib/api/tokens';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

describe('RegisterForm', () => {
  it('validates before sending', async () => {
    const calls = mockFetch(() => undefined);
    renderApp(<RegisterForm onSuccess={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Senha'), 'curta');
    await userEvent.click(screen.getByRole('button', { name: 'Criar conta' }));
    expect(
      await screen.findByText('A senha precisa ter pelo menos 8 caracteres.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Informe o nome da oficina.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows the server message and maps details to fields', async () => {
    mockFetch(() => ({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'E-mail já cadastrado.',
          details: { email: 'já em uso' },
        },
      },
    }));
    renderApp(<RegisterForm onSuccess={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Nome da oficina'), 'Moto Center');
    await userEvent.type(screen.getByLabelText('Seu nome'), 'Bia');
    await userEvent.type(screen.getByLabelText('E-mail'), 'bia@x.com');
    await userEvent.type(screen.getByLabelText('Senha'), 'segredo123');
    await userEvent.click(screen.getByRole('button', { name: 'Criar conta' }));
    expect(await screen.findByText('E-mail já cadastrado.')).toBeInTheDocument();
    expect(screen.getByText('já em uso')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
  });

  it('stores the tokens on success', async () => {
    const calls = mockFetch(() => ({
      status: 201,
      body: { access_token: 'A', refresh_token: 'R', user: makeUser() },
    }));
    const onSuccess = vi.fn();
    renderApp(<RegisterForm onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText('Nome da oficina'), 'Moto Center');
    await userEvent.type(screen.getByLabelText('Seu nome'), 'Bia');
    await userEvent.type(screen.getByLabelText('E-mail'), 'bia@x.com');
    await userEvent.type(screen.getByLabelText('Senha'), 'segredo123');
    await userEvent.click(screen.getByRole('button', { name: 'Criar conta' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({
      tenant_name: 'Moto Center',
      name: 'Bia',
      email: 'bia@x.com',
      password: 'segredo123',
    });
    expect(tokenStore.getAccess()).toBe('A');
  });
});

describe('LoginForm', () => {
  it('shows invalid credentials', async () => {
    mockFetch(() => ({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'E-mail ou senha inválidos.' } },
    }));
    renderApp(<LoginForm onSuccess={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('E-mail'), 'a@b.com');
    await userEvent.type(screen.getByLabelText('Senha'), 'errada123');
    await userEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByText('E-mail ou senha inválidos.')).toBeInTheDocument();
  });
});
