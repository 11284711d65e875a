import { api, request } from '@/lib/api/client';
import type { Id } from '@/modules/workshop/types';
import type {
  PortalDecided,
  PortalDecision,
  PortalQuote,
  PortalSettings,
  QuoteSend,
  QuoteSent,
} from './types';

export const portalApi = {
  /** Sends the order's quote: a new version and its link (supersedes the older one). */
  send: (orderId: Id, input: QuoteSend) =>
    api.post<QuoteSent>(`/management/os/${orderId}/quote`, input),
  settings: () => api.get<PortalSettings>('/management/portal-settings'),
  saveSettings: (input: PortalSettings) =>
    api.patch<PortalSettings>('/management/portal-settings', input),
  // The customer's side: public, no token.
  quote: (token: string) =>
    request<PortalQuote>(`/portal/${encodeURIComponent(token)}`, { auth: false }),
  decide: (token: string, input: PortalDecision) =>
    request<PortalDecided>(`/portal/${encodeURIComponent(token)}/decision`, {
      method: 'POST',
      body: input,
      auth: false,
    }),
};
