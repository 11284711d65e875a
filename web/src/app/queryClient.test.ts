import { afterEach, describe, expect, it, vi } from 'vitest';
import { onlineManager } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';
import { createQueryClient } from './queryClient';

afterEach(() => onlineManager.setOnline(true));

describe('createQueryClient', () => {
  it('lets a read fail while offline instead of waiting forever', async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const read = vi.fn(async () => {
      throw new ApiError(0, { code: 'network_error', message: 'sem conexão' });
    });
    await expect(
      client.fetchQuery({ queryKey: ['x'], queryFn: read, retry: false }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not retry what the server refused', async () => {
    const client = createQueryClient();
    const retry = client.getDefaultOptions().queries?.retry as (n: number, e: unknown) => boolean;
    expect(retry(0, new ApiError(404, { code: 'not_found', message: 'x' }))).toBe(false);
    expect(retry(0, new ApiError(0, { code: 'network_error', message: 'x' }))).toBe(true);
  });
});
