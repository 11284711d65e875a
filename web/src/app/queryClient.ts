import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // 'always': offline, a request fails at once with "cannot reach the server" (and its
      // retry button) instead of pausing behind an endless spinner.
      queries: {
        networkMode: 'always',
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
