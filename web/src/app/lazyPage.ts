import { lazy } from 'react';
import type { ComponentType } from 'react';

/**
 * A page loaded on first use (its own chunk), for `React.lazy` with the named exports the
 * pages use: `lazyPage(() => import('@/pages/X'), 'XPage')`.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
