import type { ChannelKind, ConsentSource, Message, TemplateEvent } from './types';

export const KIND_LABELS: Record<ChannelKind, string> = {
  WHATSAPP_CLOUD: 'WhatsApp (API oficial)',
  EVOLUTION: 'WhatsApp (Evolution API)',
  TELEGRAM: 'Telegram',
};

export const EVENT_LABELS: Record<TemplateEvent, string> = {
  ORDER_OPENED: 'OS aberta',
  QUOTE_SENT: 'Orçamento enviado',
  WAITING_PARTS: 'Aguardando peças',
  ORDER_COMPLETED: 'Pronta para retirada',
  PAYMENT_RECEIVED: 'Pagamento recebido',
  REMINDER_DUE: 'Lembrete de revisão',
};

/** The credentials each kind asks for (the server's API.md §7), with their pt-BR labels. */
export const CREDENTIAL_FIELDS: Record<ChannelKind, { key: string; label: string }[]> = {
  WHATSAPP_CLOUD: [
    { key: 'phone_number_id', label: 'ID do número (phone_number_id)' },
    { key: 'access_token', label: 'Token de acesso' },
    { key: 'app_secret', label: 'Chave secreta do app (app secret)' },
    { key: 'verify_token', label: 'Token de verificação do webhook' },
  ],
  EVOLUTION: [
    { key: 'instance', label: 'Instância' },
    { key: 'api_key', label: 'Chave da API (apikey)' },
  ],
  TELEGRAM: [
    { key: 'bot_token', label: 'Token do bot' },
    { key: 'bot_username', label: 'Usuário do bot (sem @)' },
  ],
};

/**
 * What the outbox shows for a message: its status, "Descartada" after the last try, or
 * "Enviada, sem confirmação" when a delivery was interrupted and the provider never confirmed it.
 */
export function outboxStatus(m: Pick<Message, 'status' | 'dead_letter' | 'unconfirmed'>): string {
  if (m.dead_letter) return 'Descartada';
  if (m.unconfirmed) return 'Enviada, sem confirmação';
  return STATUS_LABELS[m.status];
}

export const STATUS_LABELS: Record<Message['status'], string> = {
  QUEUED: 'Na fila',
  SENT: 'Enviada',
  DELIVERED: 'Entregue',
  READ: 'Lida',
  FAILED: 'Falhou',
};

/** How the customer gave consent (LGPD: the source is recorded with the time). */
export const CONSENT_SOURCE_LABELS: Record<ConsentSource, string> = {
  IN_PERSON: 'Presencial',
  PHONE: 'Por telefone',
  WHATSAPP: 'Pelo WhatsApp',
  TELEGRAM: 'Pelo Telegram',
  FORM: 'Formulário',
  OTHER: 'Outro',
};

/**
 * WhatsApp refuses free text 24 h after the customer's last message (error 131047): only
 * an approved template may go then.
 */
export function outsideWindow(m: Pick<Message, 'direction' | 'status' | 'error'>): boolean {
  return m.direction === 'OUT' && m.status === 'FAILED' && !!m.error?.includes('131047');
}

/** Messaging is a PREMIUM feature (and ENTERPRISE's, which has everything of PREMIUM). */
export function planHasMessaging(plan: string): boolean {
  return plan === 'PREMIUM' || plan === 'ENTERPRISE';
}
