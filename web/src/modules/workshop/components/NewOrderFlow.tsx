import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Bike, Check, Search, UserPlus, Plus } from 'lucide-react';
import { applyServerErrors } from '@/lib/forms';
import { useDebounced } from '@/lib/hooks';
import { looksLikePlate, maskDocument, maskPhone, maskPlate, normalizePlate } from '@/lib/masks';
import { Button } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { TextAreaField, TextField } from '@/ui/Field';
import { Alert, ErrorState, Loading } from '@/ui/States';
import { useCreateOrder, useCustomer, useCustomers, useMotos } from '../hooks';
import type { Id } from '../types';
import { CustomerForm } from './CustomerForm';
import { MotoForm } from './MotoForm';

interface PickedCustomer {
  id: Id;
  name: string;
}
interface PickedMoto {
  id: Id;
  plate: string;
  label?: string;
  km?: number | null;
}

/** The search text as sent to the API: digits only when it is a phone or a document. */
export function customerQuery(text: string): string {
  const t = text.trim();
  if (/^[\d\s().\-/+]+$/.test(t) && /\d/.test(t)) return t.replace(/\D/g, '');
  return t;
}

function StepTitle({ n, done, children }: { n: number; done: boolean; children: string }) {
  return (
    <span className="flex items-center gap-2">
      <span
        className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold ${
          done ? 'bg-green-600 text-white' : 'bg-primary text-on-primary'
        }`}
        aria-hidden
      >
        {done ? <Check className="h-3.5 w-3.5" /> : n}
      </span>
      {children}
    </span>
  );
}

function CustomerStep({
  onPick,
}: {
  onPick: (customer: PickedCustomer, moto?: PickedMoto, plateHint?: string) => void;
}) {
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim(), 250);
  const plateSearch = looksLikePlate(q) && normalizePlate(q).length >= 3;
  const customers = useCustomers({ q: customerQuery(q), limit: 8 }, q.length >= 2);
  const motos = useMotos({ plate: normalizePlate(q), limit: 8 }, plateSearch);
  const customerNames = new Map(
    (customers.data?.items ?? []).map((c) => [String(c.id), c.name] as const),
  );

  if (creating) {
    const isNameLike = q !== '' && !plateSearch && customerQuery(q) === q && !/\d/.test(q);
    return (
      <CustomerForm
        initialName={isNameLike ? q : ''}
        submitLabel="Cadastrar e continuar"
        onCancel={() => setCreating(false)}
        onSaved={(c) => onPick(c, undefined, plateSearch ? normalizePlate(q) : undefined)}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="relative">
        <TextField
          label="Buscar cliente (nome, telefone, CPF/CNPJ ou placa)"
          type="search"
          autoFocus
          autoComplete="off"
          placeholder="Ex.: Maria, 11988887777, ABC1D23"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Search
          className="pointer-events-none absolute right-3 top-9 h-4 w-4 text-slate-400"
          aria-hidden
        />
      </div>
      {q.length >= 2 && (
        <div aria-live="polite" className="flex flex-col gap-2">
          {(customers.isFetching || motos.isFetching) && <Loading label="Buscando…" />}
          {customers.isError && <ErrorState error={customers.error} />}
          {plateSearch && (motos.data?.items.length ?? 0) > 0 && (
            <ul aria-label="Motos encontradas" className="flex flex-col gap-1">
              {motos.data?.items.map((m) => (
                <li key={`m-${m.id}`}>
                  <button
                    type="button"
                    className="flex w-full items-center gap-2 rounded-md border border-slate-200 bg-surface px-3 py-2 text-left text-sm hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
                    onClick={() =>
                      onPick(
                        {
                          id: m.customer_id,
                          name: customerNames.get(String(m.customer_id)) ?? '',
                        },
                        { id: m.id, plate: m.plate, label: m.model ?? undefined, km: m.km_current },
                      )
                    }
                  >
                    <Bike className="h-4 w-4 text-slate-500" aria-hidden />
                    <span className="font-medium">{maskPlate(m.plate)}</span>
                    <span className="text-slate-600">
                      {[m.brand, m.model].filter(Boolean).join(' ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {customers.data && customers.data.items.length > 0 && (
            <ul aria-label="Clientes encontrados" className="flex flex-col gap-1">
              {customers.data.items.map((c) => (
                <li key={`c-${c.id}`}>
                  <button
                    type="button"
                    className="flex w-full flex-wrap items-center gap-x-3 rounded-md border border-slate-200 bg-surface px-3 py-2 text-left text-sm hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
                    onClick={() => onPick({ id: c.id, name: c.name })}
                  >
                    <span className="font-medium text-slate-900">{c.name}</span>
                    {c.phone && <span className="text-slate-600">{maskPhone(c.phone)}</span>}
                    {c.document && (
                      <span className="text-slate-600">{maskDocument(c.document)}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!customers.isFetching &&
            !motos.isFetching &&
            customers.data?.items.length === 0 &&
            (!plateSearch || motos.data?.items.length === 0) && (
              <p className="text-sm text-slate-600">Nenhum cliente encontrado.</p>
            )}
        </div>
      )}
      <div>
        <Button
          variant="secondary"
          icon={<UserPlus className="h-4 w-4" aria-hidden />}
          onClick={() => setCreating(true)}
        >
          Novo cliente
        </Button>
      </div>
    </div>
  );
}

function MotoStep({
  customerId,
  plateHint,
  onPick,
}: {
  customerId: Id;
  plateHint?: string;
  onPick: (moto: PickedMoto) => void;
}) {
  const motos = useMotos({ customer_id: customerId, limit: 50 });
  const [creating, setCreating] = useState(false);
  const list = motos.data?.items ?? [];

  if (motos.isPending) return <Loading />;
  if (motos.isError) return <ErrorState error={motos.error} onRetry={() => void motos.refetch()} />;

  if (creating || list.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        {list.length === 0 && (
          <p className="text-sm text-slate-600">Cliente sem motos: cadastre a moto.</p>
        )}
        <MotoForm
          customerId={customerId}
          initialPlate={plateHint}
          submitLabel="Cadastrar e continuar"
          onCancel={list.length > 0 ? () => setCreating(false) : undefined}
          onSaved={(m) => onPick({ id: m.id, plate: m.plate })}
        />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label="Motos do cliente" className="flex flex-col gap-1">
        {list.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              onClick={() =>
                onPick({ id: m.id, plate: m.plate, label: m.model ?? undefined, km: m.km_current })
              }
              className="flex w-full items-center gap-2 rounded-md border border-slate-200 bg-surface px-3 py-2 text-left text-sm hover:border-primary focus:outline-none focus-visible:ring-2 focus-visible:ring-primary"
            >
              <Bike className="h-4 w-4 text-slate-500" aria-hidden />
              <span className="font-medium">{maskPlate(m.plate)}</span>
              <span className="text-slate-600">
                {[m.brand, m.model, m.year].filter(Boolean).join(' ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          variant="secondary"
          icon={<Plus className="h-4 w-4" aria-hidden />}
          onClick={() => setCreating(true)}
        >
          Nova moto
        </Button>
      </div>
    </div>
  );
}

const serviceSchema = z.object({
  description: z.string().trim().min(1, 'Descreva o serviço ou o problema.'),
  km_at_entry: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{1,7}$/.test(v), 'Quilometragem inválida.'),
  scheduled_date: z.string().trim(),
});
type ServiceForm = z.infer<typeof serviceSchema>;

function ServiceStep({
  customer,
  moto,
  onCreated,
}: {
  customer: PickedCustomer;
  moto: PickedMoto;
  onCreated: (id: Id) => void;
}) {
  const create = useCreateOrder();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ServiceForm>({
    resolver: zodResolver(serviceSchema),
    defaultValues: {
      description: '',
      km_at_entry: moto.km != null ? String(moto.km) : '',
      scheduled_date: '',
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync({
        customer_id: customer.id,
        motorcycle_id: moto.id,
        description: values.description.trim(),
        km_at_entry: values.km_at_entry ? Number(values.km_at_entry) : undefined,
        scheduled_date: values.scheduled_date || undefined,
      });
      onCreated(created.id);
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, ['description', 'km_at_entry', 'scheduled_date']),
      );
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Serviço">
      {formError && <Alert>{formError}</Alert>}
      <TextAreaField
        label="Descrição do serviço"
        autoFocus
        rows={3}
        placeholder="Ex.: troca de óleo e revisão dos freios"
        error={errors.description?.message}
        {...register('description')}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Km na entrada"
          inputMode="numeric"
          error={errors.km_at_entry?.message}
          {...register('km_at_entry')}
        />
        <TextField
          label="Agendada para"
          type="date"
          error={errors.scheduled_date?.message}
          {...register('scheduled_date')}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" loading={create.isPending}>
          Abrir OS
        </Button>
      </div>
    </form>
  );
}

function CustomerName({ customer }: { customer: PickedCustomer }) {
  const fetched = useCustomer(customer.name ? undefined : customer.id);
  return <>{customer.name || fetched.data?.name || '…'}</>;
}

export function NewOrderFlow({ onCreated }: { onCreated: (id: Id) => void }) {
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [moto, setMoto] = useState<PickedMoto | null>(null);
  const [plateHint, setPlateHint] = useState<string | undefined>();

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <Card
        title={
          <StepTitle n={1} done={customer !== null}>
            Cliente
          </StepTitle>
        }
      >
        {customer ? (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900" data-testid="picked-customer">
              <CustomerName customer={customer} />
            </p>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setCustomer(null);
                setMoto(null);
              }}
            >
              Trocar cliente
            </Button>
          </div>
        ) : (
          <CustomerStep
            onPick={(c, m, hint) => {
              setCustomer(c);
              setMoto(m ?? null);
              setPlateHint(hint);
            }}
          />
        )}
      </Card>
      {customer && (
        <Card
          title={
            <StepTitle n={2} done={moto !== null}>
              Moto
            </StepTitle>
          }
        >
          {moto ? (
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium text-slate-900" data-testid="picked-moto">
                {maskPlate(moto.plate)}
                {moto.label ? ` · ${moto.label}` : ''}
              </p>
              <Button variant="ghost" size="sm" onClick={() => setMoto(null)}>
                Trocar moto
              </Button>
            </div>
          ) : (
            <MotoStep customerId={customer.id} plateHint={plateHint} onPick={setMoto} />
          )}
        </Card>
      )}
      {customer && moto && (
        <Card
          title={
            <StepTitle n={3} done={false}>
              Serviço
            </StepTitle>
          }
        >
          <ServiceStep customer={customer} moto={moto} onCreated={onCreated} />
        </Card>
      )}
    </div>
  );
}
