import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/dates';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { useConfirm } from '@/ui/Confirm';
import { SelectField } from '@/ui/Field';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { Table, td, th } from '@/ui/Table';
import { useToast } from '@/ui/Toast';
import { useMessages, useRetryMessage, useUsage } from '../hooks';
import { EVENT_LABELS, outboxStatus } from '../labels';
import type { Message, MessageFilters } from '../types';

const PAGE = 50;

const FILTERS: { value: string; label: string }[] = [
  { value: '', label: 'Todas' },
  { value: 'QUEUED', label: 'Na fila' },
  { value: 'SENT', label: 'Enviadas' },
  { value: 'FAILED', label: 'Com falha' },
  { value: 'DEAD', label: 'Descartadas' },
];

function RetryButton({ message }: { message: Message }) {
  const retry = useRetryMessage();
  const toast = useToast();
  const [confirm, dialog] = useConfirm();
  const send = async () => {
    // The provider may have an unconfirmed message already: sending again is the user's call.
    if (
      message.unconfirmed &&
      !(await confirm({
        title: 'Reenviar mensagem?',
        message:
          'O envio foi interrompido e o provedor não confirmou se a mensagem chegou. ' +
          'Se ela já chegou, o cliente vai recebê-la duas vezes.',
        confirmLabel: 'Reenviar',
      }))
    )
      return;
    retry.mutate(message.id, {
      onSuccess: () => toast.show('Mensagem de volta à fila.'),
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };
  return (
    <>
      <Button size="sm" variant="secondary" loading={retry.isPending} onClick={() => void send()}>
        {message.unconfirmed ? 'Reenviar' : 'Tentar de novo'}
      </Button>
      {dialog}
    </>
  );
}

/** The day against the workshop's send cap, and why queued messages wait once it is reached. */
function DailyUsage() {
  const usage = useUsage();
  if (!usage.data) return null;
  const { sent_today, daily_cap, queued, cap_reached } = usage.data;
  const count = (n: number) => n.toLocaleString('pt-BR');
  const waiting =
    queued === 0
      ? 'as próximas mensagens saem'
      : queued === 1
        ? 'a mensagem na fila sai'
        : `as ${count(queued)} mensagens na fila saem`;
  return (
    <div className="mb-3 text-sm" data-testid="messaging-usage">
      <p className="text-slate-600">
        {`Hoje: ${count(sent_today)} de ${count(daily_cap)} mensagens do limite diário`}
        {queued > 0 && ` · ${count(queued)} na fila`}.
      </p>
      {cap_reached && (
        <p role="status" className="mt-1 rounded bg-amber-50 p-2 font-medium text-amber-900">
          {`Limite diário atingido: ${waiting} amanhã, a partir da meia-noite.`}
        </p>
      )}
    </div>
  );
}

/** Whom the message is to (or from), and the OS it is about, each a link. */
function Recipient({ message }: { message: Message }) {
  return (
    <>
      {message.customer_id != null ? (
        <Link to={`/clientes/${message.customer_id}`} className="text-primary underline">
          {message.customer_name ?? `Cliente ${message.customer_id}`}
        </Link>
      ) : (
        '—'
      )}
      {message.order_id != null && (
        <Link to={`/os/${message.order_id}`} className="block text-xs text-primary underline">
          OS #{message.order_number ?? message.order_id}
        </Link>
      )}
    </>
  );
}

export function OutboxCard() {
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const filters: MessageFilters = { limit: PAGE, offset, ...(status ? { status } : {}) };
  const messages = useMessages(filters);
  return (
    <Card
      title="Mensagens"
      actions={
        <SelectField
          label="Situação"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setOffset(0);
          }}
          containerClassName="min-w-40"
        >
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </SelectField>
      }
    >
      <DailyUsage />
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.items.length === 0 ? (
        <EmptyState title="Nenhuma mensagem" />
      ) : (
        <>
          <Table label="Mensagens">
            <thead>
              <tr>
                <th className={th}>Quando</th>
                <th className={th}>Cliente</th>
                <th className={th}>Evento</th>
                <th className={th}>Texto</th>
                <th className={th}>Situação</th>
                <th className={th}>Tentativas</th>
                <th className={th} />
              </tr>
            </thead>
            <tbody>
              {messages.data.items.map((m) => (
                <tr key={m.id}>
                  <td className={td}>{formatDateTime(m.created_at)}</td>
                  <td className={td}>
                    <Recipient message={m} />
                  </td>
                  <td className={td}>
                    {m.direction === 'IN'
                      ? 'Recebida'
                      : m.event
                        ? (EVENT_LABELS[m.event as keyof typeof EVENT_LABELS] ?? m.event)
                        : 'Manual'}
                  </td>
                  <td className={`${td} max-w-md`}>
                    <p className="line-clamp-2">{m.text}</p>
                    {m.error && <p className="text-xs text-slate-500">{m.error}</p>}
                  </td>
                  <td className={td}>{outboxStatus(m)}</td>
                  <td className={td}>{m.direction === 'OUT' ? m.attempts : '—'}</td>
                  <td className={td}>
                    {(m.dead_letter || m.unconfirmed) && <RetryButton message={m} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            total={messages.data.total}
            limit={PAGE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      )}
    </Card>
  );
}
