import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { messagingApi } from './api';
import { messagingKeys } from './keys';
import type {
  ChannelInput,
  ChannelPatch,
  Id,
  MessageFilters,
  TemplateEvent,
  TemplatePatch,
} from './types';

export function useChannels(enabled = true) {
  return useQuery({
    queryKey: messagingKeys.channels,
    queryFn: messagingApi.channels.list,
    enabled,
  });
}

export function useCreateChannel() {
  const qc = useQueryClient();
  return useCreateMutation((input: ChannelInput, key) => messagingApi.channels.create(input, key), {
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.channels }),
  });
}

export function useUpdateChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: ChannelPatch }) =>
      messagingApi.channels.update(id, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.channels }),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: messagingKeys.templates, queryFn: messagingApi.templates.list });
}

export function useUpdateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ event, patch }: { event: TemplateEvent; patch: TemplatePatch }) =>
      messagingApi.templates.update(event, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.templates }),
  });
}

export function useMessages(filters: MessageFilters) {
  return useQuery({
    queryKey: messagingKeys.messages.list(filters),
    queryFn: () => messagingApi.messages.list(filters),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000, // the relay sends in the background
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => messagingApi.messages.retry(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.messages.all }),
  });
}
