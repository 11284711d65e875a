import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useSearchParams } from 'react-router-dom';
import { Bike, Check, UserPlus, Plus } from 'lucide-react';
import { todayIso } from '@/lib/dates';
import { useFormSubmit } from '@/lib/forms';
import { useDebounced } from '@/lib/hooks';
import { formatPlate, looksLikePlate, maskDocument, maskPhone, normalizePlate } from '@/lib/masks';
import { Button, ChoiceButton } from '@/ui/Button';
import { Card } from '@/ui/Card';
import { SearchField } from '@/ui/Field';
import { FormActions, FormLayout } from '@/ui/Form';
import { ErrorState, Loading } from '@/ui/States';
import { useCreateOrder, useCustomer, useCustomers, useMoto, useMotos } from '../hooks';
import { customerQuery } from '../search';
import { newOrderSchema, ORDER_INFO_FIELDS, type OrderInfoForm } from '../schemas';
import type { Id, Motorcycle, MotorcycleDetail } from '../types';
import { orderInfoWarnings } from '../warnings';
import { CustomerForm } from './CustomerForm';
import { MotoForm } from './MotoForm';
import { OrderInfoFields } from './OrderInfoFields';

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
      <span className="font-medium">{formatPlate(moto.plate)}</span>
      <span className="text-slate-600">{details.filter(Boolean).join(' ')}</span>
    </ChoiceButton>
  );
}

function CustomerStep({
  onPick,
}: {
  onPick: (customerId: Id, motoId?: Id, plateHint?: string) => void;
}) {
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim(), 250);
  const plateSearch = looksLikePlate(q) && normalizePlate(q).length >= 3;
  const customers = useCustomers({ q: customerQuery(q), limit: 8 }, q.length >= 2);
  const motos = useMotos({ plate: normalizePlate(q), limit: 8 }, plateSearch);

  if (creating) {
    const isNameLike = q !== '' && !plateSearch && customerQuery(q) === q && !/\d/.test(q);
    return (
      <CustomerForm
        initialName={isNameLike ? q : ''}
        submitLabel="Cadastrar e continuar"
        onCancel={() => setCreating(false)}
        onSaved={(c) => onPick(c.id, undefined, plateSearch ? normalizePlate(q) : undefined)}
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
                    onClick={() => onPick(m.customer_id, m.id)}
                  />
                </li>
              ))}
            </ul>
          )}
          {customers.data && customers.data.items.length > 0 && (
            <ul aria-label="Clientes encontrados" className="flex flex-col gap-1">
              {customers.data.items.map((c) => (
                <li key={`c-${c.id}`}>
                  <ChoiceButton className="flex-wrap gap-x-3" onClick={() => onPick(c.id)}>
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
  onPick: (motoId: Id) => void;
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
          onSaved={(m) => onPick(m.id)}
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
              onClick={() => onPick(m.id)}
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
  customerId,
  moto,
  onCreated,
}: {
  customerId: Id;
  moto: MotorcycleDetail;
  onCreated: (id: Id) => void;
}) {
  const create = useCreateOrder();
  const form = useForm<OrderInfoForm>({
    resolver: zodResolver(newOrderSchema),
    // The motorcycle's km (typed when it was registered, or its odometer) is the default.
    defaultValues: { description: '', km_at_entry: String(moto.km_current), scheduled_date: '' },
  });
  const { onSubmit, formError, field } = useFormSubmit(
    form,
    ORDER_INFO_FIELDS,
    async (values) => {
      const created = await create.mutateAsync({
        customer_id: customerId,
        motorcycle_id: moto.id,
        description: values.description.trim(),
        km_at_entry: values.km_at_entry ? Number(values.km_at_entry) : undefined,
        scheduled_date: values.scheduled_date || undefined,
      });
      onCreated(created.id);
    },
    { draft: 'order:new' },
  );
  const warnings = orderInfoWarnings(form.watch(), {
    odometer: moto.km_current,
    today: todayIso(),
  });
  return (
    <FormLayout onSubmit={onSubmit} error={formError} label="Serviço">
      <OrderInfoFields
        field={field}
        warnings={warnings}
        placeholder="Ex.: troca de óleo e revisão dos freios"
      />
      <FormActions submitLabel="Abrir OS" loading={create.isPending} />
    </FormLayout>
  );
}

/**
 * The wizard's choices live in the URL (`?cliente=4&moto=5`, `placa` as a hint for a new
 * motorcycle): back goes to the previous step, and a reload or a new login comes back to
 * the same step.
 */
function useWizardParams() {
  const [params, setParams] = useSearchParams();
  const customerId = params.get('cliente') ?? undefined;
  const motoId = customerId ? (params.get('moto') ?? undefined) : undefined;
  const plateHint = params.get('placa') ?? undefined;
  const go = (next: Record<string, Id | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    setParams(search);
  };
  return {
    customerId,
    motoId,
    plateHint,
    pickCustomer: (id: Id, moto?: Id, plate?: string) =>
      go({ cliente: id, moto, placa: moto ? undefined : plate }),
    pickMoto: (id: Id) => go({ cliente: customerId, moto: id }),
    changeCustomer: () => go({}),
    changeMoto: () => go({ cliente: customerId, placa: plateHint }),
  };
}

/** Moves focus to the current step's heading whenever the step changes (not on arrival). */
function useStepFocus(step: number, headings: RefObject<HTMLHeadingElement>[]) {
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    headings[step - 1]?.current?.focus();
  }, [step, headings]);
}

export function NewOrderFlow({ onCreated }: { onCreated: (id: Id) => void }) {
  const wizard = useWizardParams();
  const customer = useCustomer(wizard.customerId);
  const moto = useMoto(wizard.motoId);
  const step = !wizard.customerId ? 1 : !wizard.motoId ? 2 : 3;
  const h1 = useRef<HTMLHeadingElement>(null);
  const h2 = useRef<HTMLHeadingElement>(null);
  const h3 = useRef<HTMLHeadingElement>(null);
  const headings = useRef([h1, h2, h3]).current;
  useStepFocus(step, headings);

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <Card
        headingRef={h1}
        title={
          <StepTitle n={1} done={step > 1}>
            Cliente
          </StepTitle>
        }
      >
        {wizard.customerId ? (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900" data-testid="picked-customer">
              {customer.data?.name ?? '…'}
            </p>
            <Button variant="ghost" size="sm" onClick={wizard.changeCustomer}>
              Trocar cliente
            </Button>
          </div>
        ) : (
          <CustomerStep onPick={wizard.pickCustomer} />
        )}
      </Card>
      {wizard.customerId && (
        <Card
          headingRef={h2}
          title={
            <StepTitle n={2} done={step > 2}>
              Moto
            </StepTitle>
          }
        >
          {wizard.motoId ? (
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium text-slate-900" data-testid="picked-moto">
                {moto.data
                  ? `${formatPlate(moto.data.plate)}${moto.data.model ? ` · ${moto.data.model}` : ''}`
                  : '…'}
              </p>
              <Button variant="ghost" size="sm" onClick={wizard.changeMoto}>
                Trocar moto
              </Button>
            </div>
          ) : (
            <MotoStep
              customerId={wizard.customerId}
              plateHint={wizard.plateHint}
              onPick={wizard.pickMoto}
            />
          )}
        </Card>
      )}
      {wizard.customerId && wizard.motoId && (
        <Card
          headingRef={h3}
          title={
            <StepTitle n={3} done={false}>
              Serviço
            </StepTitle>
          }
        >
          {moto.isPending ? (
            <Loading />
          ) : moto.isError ? (
            <ErrorState error={moto.error} onRetry={() => void moto.refetch()} />
          ) : (
            <ServiceStep customerId={wizard.customerId} moto={moto.data} onCreated={onCreated} />
          )}
        </Card>
      )}
    </div>
  );
}
