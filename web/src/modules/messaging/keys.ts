import type { Id, MessageFilters } from './types';

export const messagingKeys = {
  all: ['messaging'] as const,
  channels: ['messaging', 'channels'] as const,
  templates: ['messaging', 'templates'] as const,
  contact: (id: Id) => ['messaging', 'contact', String(id)] as const,
  messages: {
    all: ['messaging', 'messages'] as const,
    list: (filters: MessageFilters) => ['messaging', 'messages', filters] as const,
    // Under messages: whatever refreshes the outbox refreshes the day's count too.
    usage: ['messaging', 'messages', 'usage'] as const,
  },
};
