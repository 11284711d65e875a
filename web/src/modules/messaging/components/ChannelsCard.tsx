import { useState } from 'react';
import type { FormEvent } from 'react';
import { Plus } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { Button } from '@/ui/Button';
import { Badge, Card } from '@/ui/Card';
import { Dialog } from '@/ui/Dialog';
import { SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useChannels, useCreateChannel, useUpdateChannel } from '../hooks';
import { CREDENTIAL_FIELDS, KIND_LABELS } from '../labels';
import type { Channel, ChannelKind } from '../types';

const KINDS = Object.keys(KIND_LABELS) as ChannelKind[];

/** The kind's credential fields, each required; secrets typed as passwords. */
function CredentialFields({
  kind,
  values,
  errors,
  onChange,
}: {
  kind: ChannelKind;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  return (
    <>
      {CREDENTIAL_FIELDS[kind].map((f) => (
        <TextField
          key={`${kind}-${f.key}`}
          label={f.label}
          type={
            f.key === 'bot_username' || f.key === 'instance' || f.key === 'phone_number_id'
              ? 'text'
              : 'password'
          }
          autoComplete="off"
          value={values[f.key] ?? ''}
          error={errors[`credentials.${f.key}`]}
          onChange={(e) => onChange({ ...values, [f.key]: e.target.value })}
        />
      ))}
      <p className="text-xs text-slate-500">
        As credenciais são guardadas criptografadas e nunca mais aparecem na tela.
      </p>
    </>
  );
}

/** The credentials typed for `kind`, trimmed, or the problems of the missing ones. */
function readCredentials(kind: ChannelKind, values: Record<string, string>) {
  const missing: Record<string, string> = {};
  for (const f of CREDENTIAL_FIELDS[kind])
    if (!values[f.key]?.trim()) missing[`credentials.${f.key}`] = 'Obrigatório.';
  const picked = Object.fromEntries(
    CREDENTIAL_FIELDS[kind].map((f) => [f.key, (values[f.key] ?? '').trim()]),
  );
  return { missing, picked };
}

function NewChannelDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateChannel();
  const toast = useToast();
  const [kind, setKind] = useState<ChannelKind>('WHATSAPP_CLOUD');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { missing, picked } = readCredentials(kind, credentials);
    if (kind === 'EVOLUTION' && !baseUrl.trim())
      missing.api_base_url = 'Informe o endereço do seu servidor Evolution.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    create.mutate(
      {
        kind,
        name: name.trim() || undefined,
        api_base_url: baseUrl.trim() || undefined,
        credentials: picked,
      },
      {
        onSuccess: (channel) => {
          toast.show(
            channel.webhook_registered === false
              ? `Canal criado, mas o webhook não foi registrado: ${channel.webhook_error ?? ''}`
              : 'Canal criado. Cole o endereço do webhook no provedor.',
            channel.webhook_registered === false ? 'error' : undefined,
          );
          setCredentials({});
          setName('');
          setBaseUrl('');
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError) setErrors(error.details);
          toast.show(errorMessage(error), 'error');
        },
      },
    );
  };

  return (
    <Dialog open={open} title="Novo canal de mensagens" onClose={onClose}>
      <FormLayout onSubmit={submit} label="Novo canal">
        <SelectField
          label="Tipo"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ChannelKind);
            setErrors({});
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField label="Nome" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Endereço da API"
          hint={
            kind === 'EVOLUTION'
              ? 'Obrigatório: o seu servidor Evolution.'
              : 'Opcional: o do provedor.'
          }
          value={baseUrl}
          error={errors.api_base_url}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
        <CredentialFields
          kind={kind}
          values={credentials}
          errors={errors}
          onChange={setCredentials}
        />
        <FormActions submitLabel="Criar canal" loading={create.isPending} onCancel={onClose} />
      </FormLayout>
    </Dialog>
  );
}

/** New credentials for a channel (an expired token, a new API key); the others stay. */
function CredentialsDialog({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const update = useUpdateChannel();
  const toast = useToast();
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { missing, picked } = readCredentials(channel.kind, credentials);
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    update.mutate(
      { id: channel.id, patch: { credentials: picked } },
      {
        onSuccess: () => {
          toast.show('Credenciais trocadas. O próximo envio diz se o canal voltou.');
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError) setErrors(error.details);
          toast.show(errorMessage(error), 'error');
        },
      },
    );
  };
  return (
    <Dialog open title={`Trocar credenciais: ${channel.name}`} onClose={onClose}>
      <FormLayout onSubmit={submit} label="Trocar credenciais">
        <CredentialFields
          kind={channel.kind}
          values={credentials}
          errors={errors}
          onChange={setCredentials}
        />
        <FormActions
          submitLabel="Salvar credenciais"
          loading={update.isPending}
          onCancel={onClose}
        />
      </FormLayout>
    </Dialog>
  );
}

/** Whether the channel delivers: failing since its last delivery, or when it last did. */
function ChannelHealth({ channel }: { channel: Channel }) {
  if (channel.failing && channel.last_error)
    return (
      <p
        role="alert"
        data-testid="channel-health"
        className="rounded bg-red-50 p-2 text-sm text-red-800"
      >
        <span className="font-medium">
          Falhando{channel.last_error_at ? ` desde ${formatDateTime(channel.last_error_at)}` : ''}:
        </span>{' '}
        {channel.last_error.replace(/\.$/, '')}. Se o token ou a chave expirou, troque as credenciais.
      </p>
    );
  return (
    <p data-testid="channel-health" className="text-sm text-slate-600">
      {channel.last_sent_at
        ? `Último envio: ${formatDateTime(channel.last_sent_at)}.`
        : 'Nenhum envio ainda.'}
    </p>
  );
}

function ChannelRow({ channel }: { channel: Channel }) {
  const update = useUpdateChannel();
  const toast = useToast();
  const [changing, setChanging] = useState(false);
  const toggle = () =>
    update.mutate(
      { id: channel.id, patch: { is_active: !channel.is_active } },
      {
        onSuccess: () => toast.show(channel.is_active ? 'Canal desativado.' : 'Canal ativado.'),
        onError: (e) => toast.show(errorMessage(e), 'error'),
      },
    );
  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <span className="font-medium text-slate-800">{channel.name}</span>
          <Badge>{KIND_LABELS[channel.kind]}</Badge>
          {!channel.is_active && <Badge className="bg-slate-200">Inativo</Badge>}
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setChanging(true)}>
            Trocar credenciais
          </Button>
          <Button size="sm" variant="secondary" loading={update.isPending} onClick={toggle}>
            {channel.is_active ? 'Desativar' : 'Ativar'}
          </Button>
        </div>
      </div>
      {channel.is_active && <ChannelHealth channel={channel} />}
      <TextField
        label="Endereço do webhook (cole no provedor)"
        readOnly
        value={channel.webhook_url}
        onFocus={(e) => e.currentTarget.select()}
      />
      {changing && <CredentialsDialog channel={channel} onClose={() => setChanging(false)} />}
    </li>
  );
}

export function ChannelsCard() {
  const channels = useChannels();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title="Canais"
      actions={
        <Button
          size="sm"
          icon={<Plus className="h-4 w-4" aria-hidden />}
          onClick={() => setAdding(true)}
        >
          Novo canal
        </Button>
      }
    >
      {channels.isPending ? (
        <Loading />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.items.length === 0 ? (
        <EmptyState
          title="Nenhum canal"
          description="Cadastre o WhatsApp ou o Telegram da oficina para enviar mensagens automáticas."
        />
      ) : (
        <ul className="flex flex-col gap-2">
          {channels.data.items.map((c) => (
            <ChannelRow key={c.id} channel={c} />
          ))}
        </ul>
      )}
      <NewChannelDialog open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
