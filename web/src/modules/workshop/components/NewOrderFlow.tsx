import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Bike, Check, UserPlus, Plus } from 'lucide-react';
import { useFormSubmit } from '@/lib/forms';
import { useDebounced } from '@/lib/hooks';
import { looksLikePlate, maskDocument, maskPhone, maskPlate, normalizePlate } from '@/lib/masks';
import { Button, ChoiceButton } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { SearchField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { ErrorState, Loading } from '@/ui/States';
import { useCreateOrder, useCustomer, useCustomers, useMotos } from '../hooks';
import { customerQuery } from '../search';
import { newOrderSchema, ORDER_INFO_FIELDS, type OrderInfoForm } from '../schemas';
import type { Id, Motorcycle } from '../types';
import { CustomerForm } from './CustomerForm';
import { MotoForm } from './MotoForm';
import { OrderInfoFields } from './OrderInfoFields';

interface PickedCustomer {
  id: Id;
  name: string;
}
interface PickedMoto {
  id: Id;
  plate: string | null;
  label?: string;
  km?: number | null;
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

/** A motorcycle to pick: plate, then what else is known of it. */
function MotoChoice({
  moto,
  details,
  onClick,
}: {
  moto: Motorcycle;
  details: (string | number | null)[];
  onClick: () => void;
}) {
  return (
    <ChoiceButton onClick={onClick} className="gap-2">
      <Bike className="h-4 w-4 text-slate-500" aria-hidden />
      <span className="font-medium">{maskPlate(moto.plate)}</span>
      <span className="text-slate-600">{details.filter(Boolean).join(' ')}</span>
    </ChoiceButton>
  );
}

const pickedMoto = (m: Motorcycle): PickedMoto => ({
  id: m.id,
  plate: m.plate,
  label: m.model ?? undefined,
  km: m.km_current,
});

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
      <SearchField
        label="Buscar cliente (nome, telefone, CPF/CNPJ ou placa)"
        autoFocus
        placeholder="Ex.: Maria, 11988887777, ABC1D23"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {q.length >= 2 && (
        <div aria-live="polite" className="flex flex-col gap-2">
          {(customers.isFetching || motos.isFetching) && <Loading label="Buscando…" />}
          {customers.isError && <ErrorState error={customers.error} />}
          {plateSearch && (motos.data?.items.length ?? 0) > 0 && (
            <ul aria-label="Motos encontradas" className="flex flex-col gap-1">
              {motos.data?.items.map((m) => (
                <li key={`m-${m.id}`}>
                  <MotoChoice
                    moto={m}
                    details={[m.brand, m.model]}
                    onClick={() =>
                      onPick(
                        {
                          id: m.customer_id,
                          name: customerNames.get(String(m.customer_id)) ?? '',
                        },
                        pickedMoto(m),
                      )
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          {customers.data && customers.data.items.length > 0 && (
            <ul aria-label="Clientes encontrados" className="flex flex-col gap-1">
              {customers.data.items.map((c) => (
                <li key={`c-${c.id}`}>
                  <ChoiceButton
                    className="flex-wrap gap-x-3"
                    onClick={() => onPick({ id: c.id, name: c.name })}
                  >
                    <span className="font-medium text-slate-900">{c.name}</span>
                    {c.phone && <span className="text-slate-600">{maskPhone(c.phone)}</span>}
                    {c.document && (
                      <span className="text-slate-600">{maskDocument(c.document)}</span>
                    )}
                  </ChoiceButton>
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
            <MotoChoice
              moto={m}
              details={[m.brand, m.model, m.year]}
              onClick={() => onPick(pickedMoto(m))}
            />
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
  const form = useForm<OrderInfoForm>({
    resolver: zodResolver(newOrderSchema),
    defaultValues: {
      description: '',
      km_at_entry: moto.km != null ? String(moto.km) : '',
      scheduled_date: '',
    },
  });
  const { onSubmit, formError, field } = useFormSubmit(form, ORDER_INFO_FIELDS, async (values) => {
    const created = await create.mutateAsync({
      customer_id: customer.id,
      motorcycle_id: moto.id,
      description: values.description.trim(),
      km_at_entry: values.km_at_entry ? Number(values.km_at_entry) : undefined,
      scheduled_date: values.scheduled_date || undefined,
    });
    onCreated(created.id);
  });
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Serviço">
      <OrderInfoFields
        field={field}
        autoFocus
        placeholder="Ex.: troca de óleo e revisão dos freios"
      />
      <FormActions submitLabel="Abrir OS" loading={create.isPending} />
    </FormLayout>
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
