import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '@/test/utils';
import { api, onSessionLost } from './client';
import { ApiError } from './errors';
import { tokenStore } from './tokens';

afterEach(() => vi.unstubAllGlobals());

const expired = {
  status: 401,
  body: { error: { code: 'token_expired', message: 'Token expirado.' } },
};

describe('api client', () => {
  it('prefixes /api, sends the bearer token and reads X-Total-Count', async () => {
    tokenStore.set({ access_token: 'A1', refresh_token: 'R1' });
    const calls = mockFetch(() => ({ body: [{ id: 1 }], headers: { 'X-Total-Count': '42' } }));
    const result = await api.list('/management/customers', {
      q: 'joão',
      limit: 20,
      offset: 0,
      x: '',
    });
    expect(result).toEqual({ items: [{ id: 1 }], total: 42 });
    expect(calls[0]?.url.pathname).toBe('/api/management/customers');
    expect(calls[0]?.url.searchParams.get('q')).toBe('joão');
    expect(calls[0]?.url.searchParams.has('x')).toBe(false);
    expect(calls[0]?.headers.Authorization).toBe('Bearer A1');
  });

  it('refreshes once on token_expired and retries', async () => {
    tokenStore.set({ access_token: 'old', refresh_token: 'R1' });
    const calls = mockFetch(({ url, body }) => {
      if (url.pathname === '/api/auth/refresh') {
        expect(body).toEqual({ refresh_token: 'R1' });
        return { body: { access_token: 'new', refresh_token: 'R2' } };
      }
      const auth = calls[calls.length - 1]?.headers.Authorization;
      return auth === 'Bearer new' ? { body: { ok: true } } : expired;
    });
    await expect(api.get('/auth/me')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url.pathname)).toEqual([
      '/api/auth/me',
      '/api/auth/refresh',
      '/api/auth/me',
    ]);
    expect(tokenStore.getAccess()).toBe('new');
    expect(tokenStore.getRefresh()).toBe('R2');
  });

  it('sends the Idempotency-Key of a create, the same one on the retry after a refresh', async () => {
    tokenStore.set({ access_token: 'old', refresh_token: 'R1' });
    const calls = mockFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') {
        return { body: { access_token: 'new', refresh_token: 'R2' } };
      }
      return calls[calls.length - 1]?.headers.Authorization === 'Bearer new'
        ? { status: 201, body: { id: 1, name: 'Maria' } }
        : expired;
    });
    await api.create('/management/customers', { name: 'Maria' }, 'key-1');
    const creates = calls.filter((c) => c.url.pathname === '/api/management/customers');
    expect(creates.map((c) => c.headers['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
    expect(creates[1]?.method).toBe('POST');
  });

  it('sends no Idempotency-Key on other requests', async () => {
    tokenStore.set({ access_token: 'A', refresh_token: 'R' });
    const calls = mockFetch(() => ({ body: {} }));
    await api.post('/auth/logout');
    await api.patch('/management/customers/1', { name: 'X' });
    expect(calls.every((c) => !('Idempotency-Key' in c.headers))).toBe(true);
  });

  it('shares one refresh between concurrent requests', async () => {
    tokenStore.set({ access_token: 'old', refresh_token: 'R1' });
    let refreshes = 0;
    const calls = mockFetch(({ url }) => {
      if (url.pathname === '/api/auth/refresh') {
        refreshes++;
        return { body: { access_token: 'new', refresh_token: 'R2' } };
      }
      return calls[calls.length - 1]?.headers.Authorization === 'Bearer new'
        ? { body: [] }
        : expired;
    });
    await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);
    expect(refreshes).toBe(1);
  });

  it('goes to login when the refresh fails', async () => {
    tokenStore.set({ access_token: 'old', refresh_token: 'dead' });
    mockFetch(({ url }) =>
      url.pathname === '/api/auth/refresh'
        ? { status: 401, body: { error: { code: 'token_revoked', message: 'Sessão revogada.' } } }
        : expired,
    );
    const lost = vi.fn();
    const off = onSessionLost(lost);
    await expect(api.get('/auth/me')).rejects.toBeInstanceOf(ApiError);
    off();
    expect(lost).toHaveBeenCalledWith('expired');
    expect(tokenStore.getAccess()).toBeNull();
  });

  it('throws the server error shape with details', async () => {
    tokenStore.set({ access_token: 'A', refresh_token: 'R' });
    mockFetch(() => ({
      status: 422,
      body: {
        error: {
          code: 'validation_error',
          message: 'Nome é obrigatório.',
          details: { name: 'obrigatório' },
        },
      },
    }));
    const error = await api.post('/management/customers', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).code).toBe('validation_error');
    expect((error as ApiError).message).toBe('Nome é obrigatório.');
    expect((error as ApiError).details).toEqual({ name: 'obrigatório' });
  });

  it('gives a pt-BR message when the body is not the error shape', async () => {
    mockFetch(() => ({ status: 503, body: undefined }));
    const error = (await api.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/indisponível/);
  });
});
