import { useState } from 'react';
import { Send } from 'lucide-react';
import { formatDate } from '@/lib/dates';
import { useTenantPlan } from '@/modules/identity/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import type { ServiceOrderDetail } from '@/modules/workshop/types';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { Alert } from '@/ui/States';
import { APPROVAL_LABELS, evidenceLine } from '../labels';
import { SendQuoteDialog } from './SendQuoteDialog';

/**
 * The order's quote on its page: the customer's answer (with the evidence line) and
 * "Enviar orçamento". On a plan without quotes it says which plan has them.
 */
export function QuoteCard({ order }: { order: ServiceOrderDetail }) {
  const { can } = useCurrentUser();
  const plan = useTenantPlan();
  const [open, setOpen] = useState(false);
  const feature = plan.data?.features.find((f) => f.feature === 'quotes');
  const approval = order.approval;
  const locked = order.status === 'COMPLETED' || order.status === 'CANCELLED';
  const mayEdit = can.write_orders && !locked;
  const evidence = approval ? evidenceLine(approval) : null;

  if (feature && !feature.included) {
    return (
      <Card title="Orçamento do cliente">
        <p className="text-sm text-slate-600" data-testid="quote-plan-required">
          {feature.label}: disponível no plano{' '}
          {plan.data?.plans.find((p) => p.plan === feature.minimum_plan)?.label ??
            feature.minimum_plan}
          . Veja os planos em Configurações.
        </p>
      </Card>
    );
  }
  return (
    <Card
      title="Orçamento do cliente"
      actions={
        mayEdit &&
        feature && (
          <Button
            size="sm"
            icon={<Send className="h-4 w-4" aria-hidden />}
            disabled={order.items.length === 0}
            onClick={() => setOpen(true)}
          >
            {approval ? 'Enviar de novo' : 'Enviar orçamento'}
          </Button>
        )
      }
    >
      {!approval ? (
        <p className="text-sm text-slate-600">
          {order.items.length === 0
            ? 'Adicione itens para enviar o orçamento ao cliente.'
            : 'Envie o orçamento: o cliente aprova pelo celular, item por item.'}
        </p>
      ) : (
        <div className="flex flex-col gap-2 text-sm" data-testid="order-approval">
          <p>
            <span className="font-medium text-slate-800">{APPROVAL_LABELS[approval.state]}</span>
            <span className="text-slate-600">
              {' '}
              · versão {approval.version} · enviado em {formatDate(approval.sent_at)}
              {approval.state === 'PENDING' && ` · válido até ${formatDate(approval.expires_at)}`}
            </span>
          </p>
          {evidence && (
            <p className="text-slate-800" data-testid="approval-evidence">
              {evidence}
            </p>
          )}
          {approval.outdated && (
            <Alert tone="info">
              A OS mudou depois do envio: o orçamento enviado está desatualizado. Envie de novo para
              o cliente ver a nova versão.
            </Alert>
          )}
        </div>
      )}
      {mayEdit && <SendQuoteDialog orderId={order.id} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}
