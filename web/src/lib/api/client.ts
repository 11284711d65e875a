import { ApiError, fallbackMessage, toApiError } from './errors';
import { tokenStore, type TokenPair } from './tokens';

export const API_PREFIX = '/api';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Send the access token (default true). */
  auth?: boolean;
  /** Sent as `Idempotency-Key` (creates): a repeat with the same key gets the first answer. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

type SessionListener = (reason: 'expired') => void;
const sessionListeners = new Set<SessionListener>();

/** Called when the session cannot be kept (refresh failed or token revoked). */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function notifySessionLost() {
  tokenStore.clear();
  sessionListeners.forEach((l) => l('expired'));
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
  }
  const qs = params.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time; concurrent 401s wait for the same one. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = tokenStore.getRefresh();
      if (!refreshToken) return false;
      try {
        const response = await fetch(buildUrl('/auth/refresh'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ refresh_token: refreshToken }),
        });
        if (!response.ok) return false;
        const data = (await readJson(response)) as Partial<TokenPair> | null;
        if (!data?.access_token || !data.refresh_token) return false;
        tokenStore.set({ access_token: data.access_token, refresh_token: data.refresh_token });
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.auth !== false) {
    const token = tokenStore.getAccess();
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network_error', message: fallbackMessage(0) });
  }
}

/** Sends a request; on 401 token_expired refreshes once and retries (with the same key). */
export async function requestRaw(
  path: string,
  options: RequestOptions = {},
): Promise<{ data: unknown; response: Response }> {
  let response = await send(path, options);
  if (response.status === 401 && options.auth !== false) {
    const payload = await readJson(response);
    const error = toApiError(401, payload);
    if (error.code === 'token_expired' && (await refreshSession())) {
      response = await send(path, options);
      if (response.status === 401) {
        notifySessionLost();
        throw toApiError(401, await readJson(response));
      }
    } else {
      notifySessionLost();
      throw error;
    }
  }
  const data = await readJson(response);
  if (!response.ok) throw toApiError(response.status, data);
  return { data, response };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { data } = await requestRaw(path, options);
  return data as T;
}

/** GET of a list endpoint: a JSON array plus X-Total-Count. */
export async function requestList<T>(path: string, query?: Query): Promise<ListResult<T>> {
  const { data, response } = await requestRaw(path, { query });
  const items = Array.isArray(data) ? (data as T[]) : [];
  const header = response.headers.get('X-Total-Count');
  const total = header !== null && header !== '' ? Number(header) : items.length;
  return { items, total: Number.isFinite(total) ? total : items.length };
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>(path, { query }),
  list: requestList,
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  /** A POST that creates something, under the submission's Idempotency-Key. */
  create: <T>(path: string, body: unknown, idempotencyKey: string) =>
    request<T>(path, { method: 'POST', body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
