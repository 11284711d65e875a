import { api } from '@/lib/api/client';
import type { Overview } from './types';

export const gatewayApi = {
  overview: () => api.get<Overview>('/overview'),
};
