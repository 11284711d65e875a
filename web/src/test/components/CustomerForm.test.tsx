import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerForm } from '@/modules/workshop/components/CustomerForm';
import { makeUser } from '../fixtures';
import { mockFetch, renderApp } from '../utils';

afterEach(() => vi.unstubAllGlobals());

async function fill(name: string) {
  await userEvent.clear(screen.getByLabelText('Nome'));
  await userEvent.type(screen.getByLabelText('Nome'), name);
}

describe('CustomerForm', () => {
  it('refuses a CPF with wrong check digits and masks input', async () => {
    const calls = mockFetch(() => undefined);
    renderApp(<CustomerForm onSaved={vi.fn()} />, { user: makeUser() });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    await userEvent.type(screen.getByLabelText('CPF/CNPJ'), '52998224724');
    await userEvent.type(screen.getByLabelText('Telefone'), '11988887777');
    expect(screen.getByLabelText('CPF/CNPJ')).toHaveValue('529.982.247-24');
    expect(screen.getByLabelText('Telefone')).toHaveValue('(11) 98888-7777');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    expect(await screen.findByText(/CPF\/CNPJ inválido/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sends digits only and reports the new id', async () => {
    const calls = mockFetch(() => ({ status: 201, body: { id: 9, name: 'Maria' } }));
    const onSaved = vi.fn();
    renderApp(<CustomerForm onSaved={onSaved} />, { user: makeUser() });
    await userEvent.type(screen.getByLabelText('Nome'), 'Maria');
    await userEvent.type(screen.getByLabelText('CPF/CNPJ'), '52998224725');
    await userEvent.type(screen.getByLabelText('Telefone'), '11988887777');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: 9, name: 'Maria' }));
    expect(calls[0]?.body).toMatchObject({
      name: 'Maria',
      document: '52998224725',
      phone: '11988887777',
    });
  });

  it('keeps the Idempotency-Key when the same submission is retried, a new one after', async () => {
    let lose = true;
    const calls = mockFetch(() => {
      if (lose) throw new TypeError('Failed to fetch');
      return { status: 201, body: { id: 9, name: 'Maria' } };
    });
    renderApp(<CustomerForm onSaved={vi.fn()} />, { user: makeUser() });
    await fill('Maria');
    const submit = screen.getByRole('button', { name: 'Cadastrar cliente' });
    await userEvent.click(submit);
    expect(await screen.findByText(/Não foi possível falar com o servidor/)).toBeInTheDocument();
    lose = false;
    await userEvent.click(submit);
    await waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.click(submit);
    await waitFor(() => expect(calls).toHaveLength(3));

    const keys = calls.map((c) => c.headers['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('uses a new key when the submission changed', async () => {
    const calls = mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    renderApp(<CustomerForm onSaved={vi.fn()} />, { user: makeUser() });
    await fill('Maria');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    await fill('Mariana');
    await userEvent.click(screen.getByRole('button', { name: 'Cadastrar cliente' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.headers['Idempotency-Key']).not.toBe(calls[0]?.headers['Idempotency-Key']);
  });
});
