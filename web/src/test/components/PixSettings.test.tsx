import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PixSettingsSection } from '@/modules/finance/components/PixSettingsSection';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

const settings = (edit: boolean, configured = false) => ({
  pix_key: configured ? '11222333000181' : null,
  pix_key_type: configured ? 'CNPJ' : null,
  merchant_name: configured ? 'Oficina da Ana' : null,
  merchant_city: configured ? 'Sao Paulo' : null,
  updated_at: null,
  updated_by: null,
  configured,
  can: { edit },
});

describe('PixSettingsSection', () => {
  it('lets the owner set the key, name and city', async () => {
    const calls = mockFetch((req) =>
      req.method === 'PATCH' ? { body: settings(true, true) } : { body: settings(true) },
    );
    renderApp(<PixSettingsSection />, { user: makeUser('OWNER') });
    const form = within(await screen.findByRole('form', { name: 'PIX da oficina' }));
    await userEvent.type(form.getByLabelText('Chave PIX'), '11.222.333/0001-81');
    await userEvent.selectOptions(form.getByLabelText('Tipo da chave'), 'CNPJ');
    await userEvent.type(form.getByLabelText('Nome do recebedor'), 'Oficina da Ana');
    await userEvent.type(form.getByLabelText('Cidade'), 'São Paulo');
    await userEvent.click(form.getByRole('button', { name: 'Salvar PIX' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      pix_key: '11.222.333/0001-81',
      pix_key_type: 'CNPJ',
      merchant_name: 'Oficina da Ana',
      merchant_city: 'São Paulo',
    });
  });

  it("puts the server's problems on the fields", async () => {
    mockFetch((req) =>
      req.method === 'PATCH'
        ? {
            status: 422,
            body: {
              error: {
                code: 'validation_error',
                message: 'Dados inválidos.',
                details: { merchant_city: 'até 15 caracteres sem acentos' },
              },
            },
          }
        : { body: settings(true) },
    );
    renderApp(<PixSettingsSection />, { user: makeUser('OWNER') });
    const form = within(await screen.findByRole('form', { name: 'PIX da oficina' }));
    await userEvent.type(form.getByLabelText('Cidade'), 'São José dos Campos');
    await userEvent.click(form.getByRole('button', { name: 'Salvar PIX' }));
    expect(await form.findByText('até 15 caracteres sem acentos')).toBeInTheDocument();
  });

  it('shows a manager the settings without letting them change', async () => {
    mockFetch(() => ({ body: settings(false, true) }));
    renderApp(<PixSettingsSection />, { user: makeUser('MANAGER') });
    const form = within(await screen.findByRole('form', { name: 'PIX da oficina' }));
    expect(form.getByLabelText('Chave PIX')).toHaveValue('11222333000181');
    expect(form.getByLabelText('Chave PIX')).toBeDisabled();
    expect(form.queryByRole('button', { name: 'Salvar PIX' })).toBeNull();
    expect(form.getByText('Só o proprietário altera o PIX.')).toBeInTheDocument();
  });
});
