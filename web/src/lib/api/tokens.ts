// Access and refresh tokens live in localStorage so a reload keeps the session.

const ACCESS_KEY = 'motogestor.access_token';
const REFRESH_KEY = 'motogestor.refresh_token';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

export const tokenStore = {
  getAccess(): string | null {
    return localStorage.getItem(ACCESS_KEY);
  },
  getRefresh(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  },
  set(tokens: TokenPair): void {
    localStorage.setItem(ACCESS_KEY, tokens.access_token);
    localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  },
  clear(): void {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
  },
};
