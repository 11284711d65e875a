import { useCurrentUser } from '@/modules/identity/session';
import type { Id } from '@/modules/workshop/types';
import { Alert } from '@/ui/States';
import { useConversation, useMessagingFeature } from '../hooks';
import { EVENT_LABELS, KIND_LABELS, outboxStatus } from '../labels';
import type { ChannelKind } from '../types';

/**
 * After "Enviar orçamento": whether the workshop's channel is taking the link to the customer
 * (the QUOTE_SENT message is queued in the quote's own transaction), and how far it got.
 */
export function QuoteMessageStatus({ orderId, url }: { orderId: Id; url: string }) {
  const { can } = useCurrentUser();
  const feature = useMessagingFeature();
  const enabled = can.write_customers && feature.included;
  const messages = useConversation({ order_id: Number(orderId), limit: 20 }, enabled);
  if (!enabled || !messages.data) return null;
  const message = messages.data.items.find((m) => m.event === 'QUOTE_SENT' && m.text.includes(url));
  if (!message)
    return (
      <p className="text-sm text-slate-600" data-testid="quote-message">
        {`Nenhuma mensagem automática: o cliente não autorizou mensagens, o modelo “${EVENT_LABELS.QUOTE_SENT}” está desligado ou não há canal ativo. Envie o link por um dos botões abaixo.`}
      </p>
    );
  const channel = message.channel_kind
    ? `pelo ${KIND_LABELS[message.channel_kind as ChannelKind]}`
    : 'pelo canal da oficina';
  return (
    <Alert tone={message.status === 'FAILED' ? 'error' : 'info'}>
      <span data-testid="quote-message">
        Mensagem com o link ao cliente {channel}: {outboxStatus(message)}
        {message.error && message.status === 'FAILED' ? ` (${message.error})` : ''}.
      </span>
    </Alert>
  );
}
