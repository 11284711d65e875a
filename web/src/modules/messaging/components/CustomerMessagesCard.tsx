import { useState } from 'react';
import { Copy, Send } from 'lucide-react';
import { errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { SelectField, TextField } from '@/ui/Field';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useContact, useMessagingFeature, useSetConsent, useTelegramLink } from '../hooks';
import { CONSENT_SOURCE_LABELS } from '../labels';
import type { Contact, ConsentSource } from '../types';
import { Conversation } from './Conversation';
import { PlanRequired } from './PlanRequired';

const SOURCES = Object.keys(CONSENT_SOURCE_LABELS) as ConsentSource[];

function sourceLabel(source: string | null | undefined): string {
  const label =
    source && source in CONSENT_SOURCE_LABELS
      ? CONSENT_SOURCE_LABELS[source as ConsentSource]
      : (source ?? '—');
  return `origem: ${label}`;
}

/** LGPD: messages go only with the customer's consent, recorded with when and how. */
function ConsentSection({ customerId, contact }: { customerId: number; contact: Contact }) {
  const setConsent = useSetConsent(customerId);
  const toast = useToast();
  const [source, setSource] = useState<ConsentSource>('IN_PERSON');
  const save = (optIn: boolean) =>
    setConsent.mutate(optIn ? { messaging_opt_in: true, source } : { messaging_opt_in: false }, {
      onSuccess: () => toast.show(optIn ? 'Consentimento registrado.' : 'Consentimento retirado.'),
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="messaging-consent">
      {contact.messaging_opt_in ? (
        <p className="text-slate-800">
          O cliente aceitou receber mensagens em {formatDateTime(contact.opt_in_at)} (
          {sourceLabel(contact.opt_in_source)}).
        </p>
      ) : (
        <p className="text-slate-800">
          Sem consentimento: pela LGPD, a oficina só envia mensagens com a autorização do cliente.
          {contact.opted_out_at &&
            ` Retirado em ${formatDateTime(contact.opted_out_at)} (${sourceLabel(contact.opt_out_source)}).`}
        </p>
      )}
      {contact.messaging_opt_in ? (
        <Button
          size="sm"
          variant="secondary"
          loading={setConsent.isPending}
          onClick={() => save(false)}
        >
          Retirar consentimento
        </Button>
      ) : (
        <div className="flex flex-col gap-2">
          <SelectField
            label="Como o cliente autorizou"
            value={source}
            onChange={(e) => setSource(e.target.value as ConsentSource)}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {CONSENT_SOURCE_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <Button size="sm" loading={setConsent.isPending} onClick={() => save(true)}>
            Registrar consentimento
          </Button>
        </div>
      )}
    </div>
  );
}

function TelegramLink({ customerId, linked }: { customerId: number; linked: boolean }) {
  const link = useTelegramLink(customerId);
  const toast = useToast();
  const copy = (url: string) =>
    void navigator.clipboard
      .writeText(url)
      .then(() => toast.show('Link copiado.'))
      .catch(() => toast.show('Não foi possível copiar: selecione o link e copie.', 'error'));
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-600">
        {linked
          ? 'Telegram vinculado: o cliente recebe as mensagens por lá.'
          : 'O cliente abre o link no celular e toca em Iniciar para receber pelo Telegram.'}
      </p>
      {link.data ? (
        <div className="flex items-end gap-2">
          <TextField
            label="Link do Telegram"
            readOnly
            value={link.data.url}
            containerClassName="min-w-0 flex-1"
            onFocus={(e) => e.target.select()}
          />
          <Button
            size="sm"
            variant="secondary"
            icon={<Copy className="h-4 w-4" aria-hidden />}
            onClick={() => copy(link.data.url)}
          >
            Copiar
          </Button>
        </div>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          icon={<Send className="h-4 w-4" aria-hidden />}
          loading={link.isPending}
          onClick={() => link.mutate()}
        >
          Gerar link do Telegram
        </Button>
      )}
      {link.isError && <Alert>{errorMessage(link.error)}</Alert>}
    </div>
  );
}

/** The customer's page: consent, the Telegram link and the whole conversation. */
export function CustomerMessagesCard({ customerId }: { customerId: number }) {
  const { can } = useCurrentUser();
  const feature = useMessagingFeature();
  const contact = useContact(customerId, can.write_customers && feature.included);
  if (!can.write_customers) return null;
  return (
    <Card title="Mensagens">
      {!feature.known ? (
        <Loading />
      ) : !feature.included ? (
        <PlanRequired feature={feature} />
      ) : contact.isPending ? (
        <Loading />
      ) : contact.isError ? (
        <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
      ) : (
        <div className="flex flex-col gap-4">
          <ConsentSection customerId={customerId} contact={contact.data} />
          <TelegramLink customerId={customerId} linked={contact.data.telegram_linked} />
          <Conversation customerId={customerId} />
        </div>
      )}
    </Card>
  );
}
