import { api } from '@/lib/api/client';
import type {
  Channel,
  ChannelInput,
  Consent,
  Contact,
  ChannelPatch,
  Id,
  Message,
  MessageFilters,
  MessageInput,
  Template,
  TemplateEvent,
  TemplatePatch,
  Usage,
} from './types';

const M = '/messaging';

export const messagingApi = {
  channels: {
    list: () => api.list<Channel>(`${M}/channels`),
    create: (input: ChannelInput, key: string) => api.create<Channel>(`${M}/channels`, input, key),
    update: (id: Id, patch: ChannelPatch) => api.patch<Channel>(`${M}/channels/${id}`, patch),
    deactivate: (id: Id) => api.delete<unknown>(`${M}/channels/${id}`),
  },
  templates: {
    list: () => api.list<Template>(`${M}/templates`),
    update: (event: TemplateEvent, patch: TemplatePatch) =>
      api.patch<Template>(`${M}/templates/${event}`, patch),
  },
  messages: {
    list: (filters: MessageFilters) => api.list<Message>(`${M}/messages`, { ...filters }),
    retry: (id: Id) => api.post<Message>(`${M}/messages/${id}/retry`),
    usage: () => api.get<Usage>(`${M}/usage`),
    send: (input: MessageInput, key: string) =>
      api.create<{ id: number; status: 'QUEUED' }>(`${M}/messages`, input, key),
  },
  contacts: {
    get: (id: Id) => api.get<Contact>(`${M}/customers/${id}`),
    setConsent: (id: Id, consent: Consent) => api.patch<Contact>(`${M}/customers/${id}`, consent),
    telegramLink: (id: Id, key: string) =>
      api.create<{ url: string }>(`${M}/customers/${id}/telegram-link`, {}, key),
  },
};
