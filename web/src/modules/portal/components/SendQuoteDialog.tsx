import { useState } from 'react';
import type { FormEvent } from 'react';
import { Copy, MessageCircle, Send } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { formatDate } from '@/lib/dates';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { TextAreaField, TextField } from '@/ui/Field';
import { FormActions } from '@/ui/Form';
import { Alert } from '@/ui/States';
import { QuoteMessageStatus } from '@/modules/messaging/components/QuoteMessageStatus';
import type { Id } from '@/modules/workshop/types';
import { useSendQuote } from '../hooks';
import type { QuoteSent } from '../types';

const DEFAULT_DAYS = '10'; // CDC art. 40

/** Telegram's share link: opens Telegram on this device to pick the customer's chat. */
const telegramShareUrl = (url: string) =>
  `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(
    'Segue o orçamento da sua moto. Confira e aprove pelo link.',
  )}`;

function SentLink({ orderId, sent }: { orderId: Id; sent: QuoteSent }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sent.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-col gap-3" data-testid="quote-sent">
      <Alert tone="success">
        Orçamento versão {sent.version} pronto. Válido até {formatDate(sent.expires_at)}.
      </Alert>
      <QuoteMessageStatus orderId={orderId} url={sent.url} />
      <TextField
        label="Link do orçamento"
        readOnly
        value={sent.url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          icon={<Copy className="h-4 w-4" aria-hidden />}
          onClick={() => void copy()}
        >
          {copied ? 'Link copiado' : 'Copiar link'}
        </Button>
        {sent.whatsapp_url ? (
          <a
            href={sent.whatsapp_url}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1.5 rounded-md border border-transparent bg-green-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-green-700"
          >
            <MessageCircle className="h-4 w-4" aria-hidden /> Abrir no WhatsApp
          </a>
        ) : (
          <p className="text-sm text-slate-600">
            O cliente não tem celular cadastrado: envie o link por outro meio.
          </p>
        )}
        <a
          href={telegramShareUrl(sent.url)}
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-1.5 rounded-md border border-transparent bg-sky-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-sky-700"
        >
          <Send className="h-4 w-4" aria-hidden /> Enviar pelo Telegram
        </a>
      </div>
    </div>
  );
}

/**
 * "Enviar orçamento": validity and message, then what the workshop's channel did with the link,
 * and the link to copy or open in WhatsApp or Telegram.
 */
export function SendQuoteDialog({
  orderId,
  open,
  onClose,
}: {
  orderId: Id;
  open: boolean;
  onClose: () => void;
}) {
  const send = useSendQuote(orderId);
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<QuoteSent | null>(null);
  const [daysError, setDaysError] = useState<string | undefined>();
  const close = () => {
    setSent(null);
    setDaysError(undefined);
    send.reset();
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 60) {
      setDaysError('Informe de 1 a 60 dias.');
      return;
    }
    setDaysError(undefined);
    try {
      setSent(await send.mutateAsync({ expires_in_days: n, message: message.trim() || null }));
    } catch {
      // shown below
    }
  };
  const serverField =
    send.error instanceof ApiError ? send.error.details.expires_in_days : undefined;
  return (
    <Dialog open={open} title="Enviar orçamento" onClose={close}>
      {sent ? (
        <SentLink orderId={orderId} sent={sent} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">
            O cliente recebe um link para ver os itens e aprovar tudo ou parte, sem instalar nada.
            Um novo envio substitui o link anterior.
          </p>
          <TextField
            label="Validade (dias)"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={daysError ?? serverField}
          />
          <TextAreaField
            label="Mensagem (opcional)"
            value={message}
            maxLength={1000}
            rows={3}
            placeholder="Olá! Segue o orçamento da sua moto."
            onChange={(e) => setMessage(e.target.value)}
          />
          {send.error && <Alert>{errorMessage(send.error)}</Alert>}
          <FormActions onCancel={close} submitLabel="Gerar link" loading={send.isPending} />
        </form>
      )}
    </Dialog>
  );
}
