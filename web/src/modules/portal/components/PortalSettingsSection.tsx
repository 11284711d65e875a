import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '@/lib/api/errors';
import { maskPhone } from '@/lib/masks';
import { useTenantPlan } from '@/modules/identity/hooks';
import { useCurrentUser } from '@/modules/identity/session';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { TextField } from '@/ui/Field';
import { useToast } from '@/ui/Toast';
import { usePortalSettings, useSavePortalSettings } from '../hooks';

/** Configurações → Portal do cliente: the workshop's phone the customer's page shows. */
export function PortalSettingsSection() {
  const { can } = useCurrentUser();
  const plan = useTenantPlan();
  const included = plan.data?.features.find((f) => f.feature === 'quotes')?.included ?? false;
  const settings = usePortalSettings(included);
  const save = useSavePortalSettings();
  const toast = useToast();
  const [phone, setPhone] = useState<string | null>(null);
  if (!included) return null;
  const value = phone ?? maskPhone(settings.data?.phone ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { phone: value.trim() || null },
      {
        onSuccess: () => {
          setPhone(null);
          toast.show('Telefone do portal salvo.');
        },
        onError: (e) => toast.show(errorMessage(e), 'error'),
      },
    );
  };
  return (
    <Card title="Portal do cliente">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
        <TextField
          label="Telefone da oficina no portal"
          inputMode="tel"
          value={value}
          disabled={!can.manage_users}
          containerClassName="w-64"
          onChange={(e) => setPhone(e.target.value)}
        />
        {can.manage_users && (
          <Button type="submit" loading={save.isPending}>
            Salvar
          </Button>
        )}
      </form>
    </Card>
  );
}
