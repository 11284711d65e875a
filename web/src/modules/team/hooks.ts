import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { gatewayKeys } from '@/modules/gateway/keys';
import { teamApi } from './api';
import { teamKeys } from './keys';
import type {
  Id,
  InteractionInput,
  Staff,
  StaffFilters,
  StaffInput,
  TaskFilters,
  TaskInput,
  TaskPatch,
} from './types';

// ---- staff

export function useStaffList(filters: StaffFilters, enabled = true) {
  return useQuery({
    queryKey: teamKeys.staff.list(filters),
    queryFn: () => teamApi.staff.list(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The active staff, for the pickers (mechanic of an order, who did a labor line, tasks). */
export function useActiveStaff(enabled = true) {
  return useStaffList({ active: '1', limit: 500 }, enabled);
}

/**
 * The signed-in user's own staff record, or null when their login is linked to none (the
 * server's 404): "Minhas OS" and "Minhas tarefas" are shown only when there is one.
 */
export function useMyStaff() {
  return useQuery({
    queryKey: teamKeys.staff.me(),
    queryFn: async (): Promise<Staff | null> => {
      try {
        return await teamApi.staff.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Creates (no `id`, under an Idempotency-Key) or updates a staff member. */
export function useSaveStaff() {
  const qc = useQueryClient();
  return useCreateMutation(
    async ({ id, input }: { id?: Id; input: StaffInput }, key) =>
      id !== undefined ? teamApi.staff.update(id, input) : teamApi.staff.create(input, key),
    { onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.staff.all }) },
  );
}

/** Deactivates or reactivates a staff member (rows are never deleted). */
export function useSetStaffActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: Id; active: boolean }) =>
      teamApi.staff.update(id, { is_active: active }),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.staff.all }),
  });
}

// ---- tasks

export function useTasks(filters: TaskFilters, enabled = true) {
  return useQuery({
    queryKey: teamKeys.tasks.list(filters),
    queryFn: () => teamApi.tasks.list(filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Reads the tasks (and the overview's counts) again; resolves when they are read. */
function useInvalidateTasks() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: teamKeys.tasks.all }),
      qc.invalidateQueries({ queryKey: gatewayKeys.overview() }),
    ]);
}

export function useCreateTask() {
  const invalidate = useInvalidateTasks();
  return useCreateMutation((input: TaskInput, key) => teamApi.tasks.create(input, key), {
    onSuccess: invalidate,
  });
}

export function useUpdateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: TaskPatch }) => teamApi.tasks.update(id, patch),
    // Pending until the lists are read again, so a moved task never shows its old status.
    onSettled: invalidate,
  });
}

// ---- customers: timeline and contacts

export function useTimeline(customerId: Id, params: { limit: number; offset: number }) {
  return useQuery({
    queryKey: teamKeys.timeline.customer(customerId, params),
    queryFn: () => teamApi.timeline(customerId, params),
    placeholderData: keepPreviousData,
  });
}

export function useRecordContact() {
  const qc = useQueryClient();
  return useCreateMutation(
    (input: InteractionInput, key) => teamApi.interactions.create(input, key),
    { onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.timeline.all }) },
  );
}

// ---- commissions

export function useCommissions(start: string, end: string, enabled = true) {
  return useQuery({
    queryKey: teamKeys.commissions(start, end),
    queryFn: () => teamApi.commissions(start, end),
    placeholderData: keepPreviousData,
    enabled,
  });
}
