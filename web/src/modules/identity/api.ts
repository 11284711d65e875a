import { api, request } from '@/lib/api/client';
import type {
  AuthResponse,
  LoginInput,
  NewUserInput,
  RegisterInput,
  TenantUser,
  PlanInfo,
  ThemeResponse,
  User,
  UserPatch,
} from './types';

export const identityApi = {
  login: (input: LoginInput) =>
    request<AuthResponse>('/auth/login', { method: 'POST', body: input, auth: false }),
  register: (input: RegisterInput) =>
    request<AuthResponse>('/auth/register', { method: 'POST', body: input, auth: false }),
  logout: () => api.post<unknown>('/auth/logout'),
  me: () => api.get<User>('/auth/me'),
  users: () => api.list<TenantUser>('/users', { limit: 500 }),
  createUser: (input: NewUserInput, key: string) => api.create<TenantUser>('/users', input, key),
  updateUser: (id: TenantUser['id'], patch: UserPatch) =>
    api.patch<TenantUser>(`/users/${id}`, patch),
  /** Clears the user's failed-login counters and lock (OWNER). */
  unlockUser: (id: TenantUser['id']) =>
    api.post<{ message: string; id: number }>(`/users/${id}/unlock`),
  theme: () => api.get<ThemeResponse>('/tenant/theme'),
  plan: () => api.get<PlanInfo>('/tenant/plan'),
  setTheme: (themeId: string) => api.patch<ThemeResponse>('/tenant/theme', { theme: themeId }),
};
