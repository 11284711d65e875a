import { useCurrentUser } from '@/modules/identity/session';
import { planHasMessaging } from '../labels';
import { ChannelsCard } from './ChannelsCard';
import { OutboxCard } from './OutboxCard';
import { TemplatesCard } from './TemplatesCard';

/** Configurações → Mensagens: channels (OWNER), templates and the outbox (the front desk). */
export function MessagingSection() {
  const user = useCurrentUser();
  if (!planHasMessaging(user.plan) || !user.can.write_customers) return null;
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-800">Mensagens</h2>
      {user.can.manage_users && <ChannelsCard />}
      <TemplatesCard canEdit={user.can.manage_users} />
      <OutboxCard />
    </div>
  );
}
