import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Send } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { Button } from '@/ui/Button';
import { cn } from '@/ui/cn';
import { SelectField, TextAreaField } from '@/ui/Field';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useConversation, useSendMessage } from '../hooks';
import { EVENT_LABELS, STATUS_LABELS, outsideWindow } from '../labels';
import type { Message, MessageFilters, TemplateEvent } from '../types';

/** Oldest first, so the newest sits at the bottom like a chat. */
function chronological(messages: Message[]): Message[] {
  return [...messages].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || Number(a.id) - Number(b.id),
  );
}

/** A conversation's messages: the customer's (IN) on the left, the workshop's (OUT) on the right. */
export function MessageList({ messages }: { messages: Message[] }) {
  const ordered = chronological(messages);
  const newest = ordered.at(-1)?.id;
  const listRef = useRef<HTMLOListElement>(null);
  // The list scrolls inside its card: open it at the newest message, like a chat, and follow
  // a new one (not every refresh, which would undo the reader's scrolling).
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [newest]);
  if (messages.length === 0)
    return <p className="text-sm text-slate-600">Nenhuma mensagem ainda.</p>;
  return (
    <ol
      ref={listRef}
      className="flex max-h-96 flex-col gap-2 overflow-y-auto"
      aria-label="Mensagens"
    >
      {ordered.map((m) => (
        <li
          key={m.id}
          data-testid={`message-${m.id}`}
          data-direction={m.direction}
          className={cn(
            'max-w-[85%] break-words rounded-lg px-3 py-2 text-sm',
            m.direction === 'IN'
              ? 'self-start bg-slate-100 text-slate-800'
              : 'self-end bg-primary/10 text-slate-800',
          )}
        >
          <span className="sr-only">{m.direction === 'IN' ? 'Cliente: ' : 'Oficina: '}</span>
          <p className="whitespace-pre-wrap">{m.text}</p>
          <p className="mt-1 text-xs text-slate-500">
            {formatDateTime(m.created_at)}
            {m.direction === 'OUT' && ` · ${STATUS_LABELS[m.status]}`}
          </p>
          {m.direction === 'OUT' && m.status === 'FAILED' && m.error && (
            <p className="mt-1 text-xs text-red-700">{m.error}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

const EVENTS = Object.keys(EVENT_LABELS) as TemplateEvent[];

/**
 * A free-text reply; when the server refuses it, or WhatsApp reported the last text outside
 * its 24 h window, it offers an approved template (the event's) instead.
 */
function ReplyBox({
  customerId,
  orderId,
  windowClosed,
}: {
  customerId: number;
  orderId?: number;
  windowClosed: boolean;
}) {
  const send = useSendMessage();
  const [text, setText] = useState('');
  const [event, setEvent] = useState<TemplateEvent>(orderId ? 'ORDER_COMPLETED' : 'REMINDER_DUE');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [textRefused, setTextRefused] = useState(false);
  const offerTemplate = textRefused || windowClosed;

  function sendText(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    setRefusal(null);
    send.mutate(
      { customer_id: customerId, order_id: orderId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setTextRefused(false);
        },
        onError: (err) => {
          setRefusal(errorMessage(err));
          // Only a refusal of the text itself has a template for answer (not, e.g., no consent).
          setTextRefused(err instanceof ApiError && 'text' in err.details);
        },
      },
    );
  }

  function sendTemplate() {
    setRefusal(null);
    send.mutate(
      { customer_id: customerId, order_id: orderId, template: event },
      {
        onSuccess: () => setTextRefused(false),
        onError: (err) => setRefusal(errorMessage(err)),
      },
    );
  }

  return (
    <div className="flex flex-col gap-2">
      {refusal && <Alert>{refusal}</Alert>}
      {windowClosed && !refusal && (
        <Alert tone="info">
          Passaram 24 h desde a última mensagem do cliente: o WhatsApp só aceita um modelo aprovado
          até ele responder.
        </Alert>
      )}
      <form className="flex flex-col gap-2" onSubmit={sendText}>
        <TextAreaField
          label="Responder"
          value={text}
          maxLength={4096}
          onChange={(e) => setText(e.target.value)}
        />
        <Button
          type="submit"
          size="sm"
          icon={<Send className="h-4 w-4" aria-hidden />}
          loading={send.isPending}
          disabled={!text.trim()}
        >
          Enviar
        </Button>
      </form>
      {offerTemplate && (
        <div className="flex flex-col gap-2" data-testid="template-offer">
          <SelectField
            label="Enviar um modelo"
            value={event}
            onChange={(e) => setEvent(e.target.value as TemplateEvent)}
          >
            {EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {EVENT_LABELS[ev]}
              </option>
            ))}
          </SelectField>
          <Button size="sm" variant="secondary" loading={send.isPending} onClick={sendTemplate}>
            Enviar modelo
          </Button>
        </div>
      )}
    </div>
  );
}

/**
 * The conversation of a customer, or of one of their orders: the order's messages and the
 * customer's replies since it was opened (the server files a reply under no order, so an
 * `order_id` filter alone would hide every reply).
 */
export function Conversation({
  customerId,
  order,
}: {
  customerId: number;
  order?: { id: number; since: string };
}) {
  const filters: MessageFilters = { customer_id: customerId, limit: 200 };
  const messages = useConversation(filters);
  if (messages.isPending) return <Loading />;
  if (messages.isError)
    return <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  const since = order ? Date.parse(order.since) : 0;
  const items = order
    ? messages.data.items.filter(
        (m) =>
          m.order_id === order.id || (m.direction === 'IN' && !(Date.parse(m.created_at) < since)),
      )
    : messages.data.items;
  const lastOut = chronological(items)
    .filter((m) => m.direction === 'OUT')
    .at(-1);
  return (
    <div className="flex flex-col gap-3">
      <MessageList messages={items} />
      <ReplyBox
        customerId={customerId}
        orderId={order?.id}
        windowClosed={!!lastOut && outsideWindow(lastOut)}
      />
    </div>
  );
}
