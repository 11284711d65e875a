import type { ServiceOrderDetail } from '@/modules/workshop/types';
import { Card } from '@/ui/Card';
import { Loading } from '@/ui/States';
import { useCurrentUser } from '@/modules/identity/session';
import { useMessagingFeature } from '../hooks';
import { Conversation } from './Conversation';
import { PlanRequired } from './PlanRequired';

/** "Conversa com o cliente" on the order's page: the front desk only; on a plan without
 * messaging it says which plan has it. */
export function OrderConversationCard({ order }: { order: ServiceOrderDetail }) {
  const { can } = useCurrentUser();
  const feature = useMessagingFeature();
  if (!can.write_customers) return null;
  return (
    <Card title="Conversa com o cliente">
      {!feature.known ? (
        <Loading />
      ) : !feature.included ? (
        <PlanRequired feature={feature} />
      ) : (
        <Conversation
          customerId={order.customer_id}
          order={{ id: order.id, since: order.created_at }}
        />
      )}
    </Card>
  );
}
