import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workshopKeys } from '@/modules/workshop/keys';
import type { Id } from '@/modules/workshop/types';
import { portalApi } from './api';
import { portalKeys } from './keys';
import type { PortalDecision, PortalSettings, QuoteSend } from './types';

export function useSendQuote(orderId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: QuoteSend) => portalApi.send(orderId, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: workshopKeys.orders.detail(orderId) }),
  });
}

export function usePortalQuote(token: string) {
  return useQuery({
    queryKey: portalKeys.quote(token),
    queryFn: () => portalApi.quote(token),
    retry: false,
  });
}

/** The decision; its answer is the result page (the quote is not read again meanwhile). */
export function useDecideQuote(token: string) {
  return useMutation({
    mutationFn: (input: PortalDecision) => portalApi.decide(token, input),
  });
}

export function usePortalSettings(enabled: boolean) {
  return useQuery({ queryKey: portalKeys.settings(), queryFn: portalApi.settings, enabled });
}

export function useSavePortalSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalSettings) => portalApi.saveSettings(input),
    onSuccess: (data) => qc.setQueryData(portalKeys.settings(), data),
  });
}
