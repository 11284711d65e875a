import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCreateMutation } from '@/lib/api/useCreateMutation';
import { useTenantPlan } from '@/modules/identity/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import { messagingApi } from './api';
import { messagingKeys } from './keys';
import { planHasMessaging } from './labels';
import type {
  ChannelInput,
  ChannelPatch,
  Consent,
  Id,
  MessageFilters,
  MessageInput,
  TemplateEvent,
  TemplatePatch,
} from './types';

export function useChannels(enabled = true) {
  return useQuery({
    queryKey: messagingKeys.channels,
    queryFn: messagingApi.channels.list,
    enabled,
    refetchInterval: 15_000, // a channel's health follows the relay's tries
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

/** The workshop's day against its send cap (why queued messages wait). */
export function useUsage() {
  return useQuery({
    queryKey: messagingKeys.messages.usage,
    queryFn: () => messagingApi.messages.usage(),
    refetchInterval: 15_000,
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => messagingApi.messages.retry(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.messages.all }),
  });
}

/** A customer's or an order's conversation, read again every 10 s while it is on screen. */
export function useConversation(filters: MessageFilters, enabled = true) {
  return useQuery({
    queryKey: messagingKeys.messages.list(filters),
    queryFn: () => messagingApi.messages.list(filters),
    refetchInterval: 10_000,
    enabled,
  });
}

export function useSendMessage() {
  const qc = useQueryClient();
  return useCreateMutation((input: MessageInput, key) => messagingApi.messages.send(input, key), {
    onSuccess: () => qc.invalidateQueries({ queryKey: messagingKeys.messages.all }),
  });
}

export function useContact(customerId: Id, enabled = true) {
  return useQuery({
    queryKey: messagingKeys.contact(customerId),
    queryFn: () => messagingApi.contacts.get(customerId),
    enabled,
  });
}

export function useSetConsent(customerId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (consent: Consent) => messagingApi.contacts.setConsent(customerId, consent),
    onSuccess: (contact) => qc.setQueryData(messagingKeys.contact(customerId), contact),
  });
}

export function useTelegramLink(customerId: Id) {
  return useCreateMutation((_: void, key) => messagingApi.contacts.telegramLink(customerId, key));
}

export interface MessagingFeature {
  /** False while only the plan's answer can say which plan has it. */
  known: boolean;
  included: boolean;
  label: string;
  planLabel: string;
}

/** Whether the tenant's plan has messaging (the plan's answer; the session's plan until then). */
export function useMessagingFeature(): MessagingFeature {
  const user = useCurrentUser();
  const plan = useTenantPlan();
  const feature = plan.data?.features.find((f) => f.feature === 'messaging');
  const minimum = feature?.minimum_plan ?? 'PREMIUM';
  const included = feature ? feature.included : planHasMessaging(user.plan);
  return {
    known: included || !plan.isPending,
    included,
    label: feature?.label ?? 'Mensagens por WhatsApp e Telegram',
    planLabel: plan.data?.plans.find((p) => p.plan === minimum)?.label ?? minimum,
  };
}
