import type { QueryOf, Schema } from '@/lib/api/contract';

export type Id = number | string;

export type Channel = Schema<'MessagingChannel'>;
export type ChannelKind = Channel['kind'];
export type ChannelInput = Schema<'MessagingChannelCreate'>;
export type ChannelPatch = Schema<'MessagingChannelUpdate'>;
export type Template = Schema<'MessagingTemplate'>;
export type TemplateEvent = Template['event'];
export type TemplatePatch = Schema<'MessagingTemplateUpdate'>;
export type Message = Schema<'MessagingMessage'>;
export type MessageFilters = QueryOf<'listMessagingMessages'>;
export type MessageInput = Schema<'MessagingMessageCreate'>;
export type Usage = Schema<'MessagingUsage'>;
export type Contact = Schema<'MessagingContact'>;
export type Consent = Schema<'MessagingConsent'>;
export type ConsentSource = NonNullable<Consent['source']>;
