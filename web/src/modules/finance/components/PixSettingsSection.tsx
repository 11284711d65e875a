import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useFormSubmit } from '@/lib/forms';
import { Card } from '@/ui/Card';
import { SelectField, TextField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useFinanceSettings, useUpdateFinanceSettings } from '../hooks';
import type { FinanceSettings, FinanceSettingsUpdate } from '../types';

const KEY_TYPES = [
  ['', 'Detectar pela chave'],
  ['CPF', 'CPF'],
  ['CNPJ', 'CNPJ'],
  ['EMAIL', 'E-mail'],
  ['PHONE', 'Celular'],
  ['EVP', 'Chave aleatória'],
] as const;

const schema = z.object({
  pix_key: z.string().trim().max(100, 'Chave muito longa.'),
  pix_key_type: z.string(),
  // The PIX limits (25 and 15 characters once accents go) are the server's to check.
  merchant_name: z.string().trim().max(120, 'Nome muito longo.'),
  merchant_city: z.string().trim().max(120, 'Cidade muito longa.'),
});
type Form = z.infer<typeof schema>;
const FIELDS = ['pix_key', 'pix_key_type', 'merchant_name', 'merchant_city'] as const;

export function toSettingsUpdate(v: Form): FinanceSettingsUpdate {
  const patch: FinanceSettingsUpdate = {
    pix_key: v.pix_key || null,
    merchant_name: v.merchant_name || null,
    merchant_city: v.merchant_city || null,
  };
  if (v.pix_key && v.pix_key_type) {
    patch.pix_key_type = v.pix_key_type as NonNullable<FinanceSettingsUpdate['pix_key_type']>;
  }
  return patch;
}

function PixForm({ settings }: { settings: FinanceSettings }) {
  const update = useUpdateFinanceSettings();
  const toast = useToast();
  const editable = settings.can.edit;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    values: {
      pix_key: settings.pix_key ?? '',
      pix_key_type: settings.pix_key_type ?? '',
      merchant_name: settings.merchant_name ?? '',
      merchant_city: settings.merchant_city ?? '',
    },
  });
  const { onSubmit, formError, field } = useFormSubmit(form, FIELDS, async (values) => {
    await update.mutateAsync(toSettingsUpdate(values));
    toast.show('PIX salvo.');
  });
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="PIX da oficina">
      {settings.configured ? (
        <Alert tone="success">PIX pronto: as contas a receber mostram o QR Code.</Alert>
      ) : (
        <Alert tone="info">Cadastre a chave, o nome e a cidade para gerar QR Codes PIX.</Alert>
      )}
      <fieldset disabled={!editable} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Chave PIX"
          autoComplete="off"
          hint="CPF, CNPJ, e-mail, celular com +55 ou chave aleatória."
          {...field('pix_key')}
        />
        <SelectField label="Tipo da chave" {...field('pix_key_type')}>
          {KEY_TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Nome do recebedor"
          hint="Até 25 letras, sem acentos no QR Code."
          {...field('merchant_name')}
        />
        <TextField label="Cidade" hint="Até 15 letras." {...field('merchant_city')} />
      </fieldset>
      {editable ? (
        <FormActions submitLabel="Salvar PIX" loading={update.isPending} />
      ) : (
        <p className="text-xs text-slate-500">Só o proprietário altera o PIX.</p>
      )}
    </FormLayout>
  );
}

/** Configurações → PIX: the workshop's key, name and city (the owner edits; a manager reads). */
export function PixSettingsSection() {
  const settings = useFinanceSettings();
  return (
    <section id="pix" aria-label="PIX">
      <Card title="PIX">
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <PixForm settings={settings.data} />
        )}
      </Card>
    </section>
  );
}
