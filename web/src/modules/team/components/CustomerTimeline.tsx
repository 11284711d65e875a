import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ClipboardList } from 'lucide-react';
import { formatDateTime } from '@/lib/dates';
import { formatPlate } from '@/lib/masks';
import { useCurrentUser } from '@/modules/identity/session';
import { STATUS_LABELS } from '@/modules/workshop/status';
import { Card } from '@/ui/Card';
import { Pagination } from '@/ui/Pagination';
import { EmptyState, ErrorState, Loading } from '@/ui/States';
import { useTimeline } from '../hooks';
import { CHANNEL_LABELS, DIRECTION_LABELS } from '../labels';
import { EVENT_LABELS, STATUS_LABELS as MESSAGE_STATUS_LABELS } from '@/modules/messaging/labels';
import type {
  Id,
  TimelineEntry,
  TimelineInteraction,
  TimelineMessage,
  TimelineOrderStatus,
} from '../types';
import { ChannelIcon } from './ChannelIcon';
import { RecordContact } from './RecordContact';

const LIMIT = 20;

function Marker({ children }: { children: ReactNode }) {
  return (
    <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-600">
      {children}
    </span>
  );
}

/** When, who, and the OS it was about. */
function EntryFooter({
  at,
  who,
  orderId,
  orderNumber,
}: {
  at: string;
  who: string | null;
  orderId: number | null;
  orderNumber: number | null;
}) {
  return (
    <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
      <span>{formatDateTime(at)}</span>
      {who && <span>{who}</span>}
      {orderId != null && (
        <Link to={`/os/${orderId}`} className="text-primary underline">
          OS #{orderNumber ?? orderId}
        </Link>
      )}
    </p>
  );
}

function InteractionEntry({ entry }: { entry: TimelineInteraction }) {
  return (
    <>
      <Marker>
        <ChannelIcon channel={entry.channel} className="h-4 w-4" />
      </Marker>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">
          {CHANNEL_LABELS[entry.channel]}
          <span className="font-normal text-slate-500"> · {DIRECTION_LABELS[entry.direction]}</span>
        </p>
        {entry.summary && (
          <p className="break-words text-sm text-slate-800" data-testid="timeline-summary">
            {entry.summary}
          </p>
        )}
        {entry.details && (
          <p className="whitespace-pre-line break-words text-sm text-slate-600">{entry.details}</p>
        )}
        <EntryFooter
          at={entry.at}
          who={entry.staff_name}
          orderId={entry.order_id}
          orderNumber={entry.order_number}
        />
      </div>
    </>
  );
}

function statusText(entry: TimelineOrderStatus): string {
  if (entry.from_status === null) return `OS #${entry.order_number} aberta`;
  return `OS #${entry.order_number}: ${STATUS_LABELS[entry.from_status]} → ${STATUS_LABELS[entry.status]}`;
}

function OrderStatusEntry({ entry }: { entry: TimelineOrderStatus }) {
  return (
    <>
      <Marker>
        <ClipboardList className="h-4 w-4" aria-hidden />
      </Marker>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">
          <Link to={`/os/${entry.order_id}`} className="text-primary underline">
            {statusText(entry)}
          </Link>
        </p>
        {(entry.motorcycle_plate || entry.description) && (
          <p className="break-words text-sm text-slate-600">
            {[
              entry.motorcycle_plate ? formatPlate(entry.motorcycle_plate) : null,
              entry.motorcycle_model,
              entry.description,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
          <span>{formatDateTime(entry.at)}</span>
          {entry.user_name && <span>{entry.user_name}</span>}
        </p>
      </div>
    </>
  );
}

function MessageEntry({ entry }: { entry: TimelineMessage }) {
  const what = entry.event
    ? `Mensagem automática: ${EVENT_LABELS[entry.event]}`
    : 'Mensagem enviada';
  return (
    <>
      <Marker>
        <ChannelIcon channel={entry.channel ?? 'OTHER'} className="h-4 w-4" />
      </Marker>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">
          {entry.channel ? CHANNEL_LABELS[entry.channel] : 'Mensagem'}
          <span className="font-normal text-slate-500">
            {' '}
            · {what} · {MESSAGE_STATUS_LABELS[entry.status]}
          </span>
        </p>
        <p className="whitespace-pre-line break-words text-sm text-slate-800">{entry.text}</p>
        <EntryFooter
          at={entry.at}
          who={entry.user_name}
          orderId={entry.order_id}
          orderNumber={entry.order_number}
        />
      </div>
    </>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  return (
    <li className="flex gap-3 py-3" data-testid="timeline-entry" data-kind={entry.kind}>
      {entry.kind === 'interaction' ? (
        <InteractionEntry entry={entry} />
      ) : entry.kind === 'message' ? (
        <MessageEntry entry={entry} />
      ) : (
        <OrderStatusEntry entry={entry} />
      )}
    </li>
  );
}

/**
 * A customer's timeline (contacts, the messages sent them and their orders' status moves, newest
 * first, paginated) with "Registrar contato" on top for whom may record one.
 */
export function CustomerTimeline({ customerId }: { customerId: Id }) {
  const { can } = useCurrentUser();
  const [offset, setOffset] = useState(0);
  const timeline = useTimeline(customerId, { limit: LIMIT, offset });
  return (
    <Card title="Linha do tempo">
      <div className="flex flex-col gap-3">
        {can.work_tasks && (
          <RecordContact customerId={customerId} onRecorded={() => setOffset(0)} />
        )}
        {timeline.isPending ? (
          <Loading />
        ) : timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : timeline.data.items.length === 0 ? (
          <EmptyState
            title="Nada registrado ainda."
            description="Contatos e movimentações das OS deste cliente aparecem aqui."
          />
        ) : (
          <>
            <ol aria-label="Linha do tempo" className="divide-y divide-slate-100">
              {timeline.data.items.map((e) => (
                <Entry key={e.key} entry={e} />
              ))}
            </ol>
            <Pagination
              total={timeline.data.total}
              limit={LIMIT}
              offset={offset}
              onChange={setOffset}
            />
          </>
        )}
      </div>
    </Card>
  );
}
