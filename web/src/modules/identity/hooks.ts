import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { identityApi } from './api';
import { identityKeys } from './keys';
import type { NewUserInput, TenantUser, UserPatch } from './types';

/** The tenant's users (GET /users; OWNER and MANAGER). */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: identityKeys.users(), queryFn: identityApi.users, enabled });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useCreateMutation((input: NewUserInput, key) => identityApi.createUser(input, key), {
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.users() }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: TenantUser['id']; patch: UserPatch }) =>
      identityApi.updateUser(id, patch),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: identityKeys.users() });
      void qc.invalidateQueries({ queryKey: identityKeys.me() });
    },
  });
}

/** Lifts the lock that failed logins put on a user (POST /users/{id}/unlock, OWNER). */
export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: TenantUser['id']) => identityApi.unlockUser(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.users() }),
  });
}

export function useTenantPlan() {
  return useQuery({
    queryKey: identityKeys.plan(),
    queryFn: identityApi.plan,
    staleTime: 10 * 60_000,
  });
}

export function useTenantTheme(enabled = true) {
  return useQuery({
    queryKey: identityKeys.theme(),
    queryFn: identityApi.theme,
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** Chooses the tenant's theme (PATCH /api/tenant/theme, OWNER). */
export function useSetTheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (themeId: string) => identityApi.setTheme(themeId),
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'themes' in data) {
        qc.setQueryData(identityKeys.theme(), data);
      }
      void qc.invalidateQueries({ queryKey: identityKeys.theme() });
    },
  });
}
