import { AccountSection } from '@/modules/identity/components/AccountSection';
import { PlanSection } from '@/modules/identity/components/PlanSection';
import { ThemeSection } from '@/modules/identity/components/ThemeSection';
import { UsersSection } from '@/modules/identity/components/UsersSection';
import { useCurrentUser } from '@/modules/identity/session';
import { PixSettingsSection } from '@/modules/finance/components/PixSettingsSection';
import { MessagingSection } from '@/modules/messaging/components/MessagingSection';
import { PortalSettingsSection } from '@/modules/portal/components/PortalSettingsSection';
import { PageHeader } from '@/ui/Card';

export function SettingsPage() {
  const { can } = useCurrentUser();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Configurações" />
      <AccountSection />
      {can.read_users && <UsersSection />}
      {can.finance && <PixSettingsSection />}
      <PlanSection />
      <PortalSettingsSection />
      <ThemeSection />
      <MessagingSection />
    </div>
  );
}
