import { AccountSection } from '@/modules/identity/components/AccountSection';
import { ThemeSection } from '@/modules/identity/components/ThemeSection';
import { UsersSection } from '@/modules/identity/components/UsersSection';
import { useCurrentUser } from '@/modules/identity/session';
import { MessagingSection } from '@/modules/messaging/components/MessagingSection';
import { PageHeader } from '@/ui/Card';

export function SettingsPage() {
  const { can } = useCurrentUser();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Configurações" />
      <AccountSection />
      {can.read_users && <UsersSection />}
      <ThemeSection />
      <MessagingSection />
    </div>
  );
}
