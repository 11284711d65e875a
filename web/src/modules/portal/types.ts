import type { Schema } from '@/lib/api/contract';

export type QuoteSend = Schema<'QuoteSend'>;
export type QuoteSent = Schema<'QuoteSent'>;
/** The customer's answer to an order's latest quote (null while none was sent). */
export type Approval = NonNullable<Schema<'Approval'>>;
export type PortalQuote = Schema<'PortalQuote'>;
export type PortalItem = Schema<'PortalItem'>;
export type PortalDecision = Schema<'PortalDecision'>;
export type PortalDecided = Schema<'PortalDecided'>;
export type PortalSettings = Schema<'PortalSettings'>;
export type DeclinedItem = Schema<'DeclinedItem'>;
