import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useFormSubmit } from '@/lib/forms';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { FormLayout } from '@/ui/Form';
import { cn } from '@/ui/cn';
import { useToast } from '@/ui/Toast';
import { useRecordContact } from '../hooks';
import { CHANNEL_LABELS, CHANNELS, DIRECTION_LABELS } from '../labels';
import type { Channel, Direction, Id } from '../types';
import { ChannelIcon } from './ChannelIcon';

const contactSchema = z.object({
  summary: z.string().trim().max(500, 'Resumo muito longo (até 500 caracteres).'),
  direction: z.enum(['OUT', 'IN']),
});
type ContactForm = z.infer<typeof contactSchema>;

function ContactForm({
  customerId,
  channel,
  onDone,
}: {
  customerId: Id;
  channel: Channel;
  onDone: (saved: boolean) => void;
}) {
  const record = useRecordContact();
  const toast = useToast();
  const form = useForm<ContactForm>({
    resolver: zodResolver(contactSchema),
    defaultValues: { summary: '', direction: 'OUT' },
  });
  const { onSubmit, formError, field, discard } = useFormSubmit(
    form,
    ['summary', 'direction'],
    async (values) => {
      await record.mutateAsync({
        channel,
        customer_id: Number(customerId),
        direction: values.direction,
        summary: values.summary.trim() || null,
      });
      toast.show(`Contato registrado: ${CHANNEL_LABELS[channel]}.`);
      onDone(true);
    },
  );
  const cancel = () => {
    discard();
    onDone(false);
  };
  return (
    <FormLayout
      onSubmit={onSubmit}
      error={formError}
      label={`Registrar contato: ${CHANNEL_LABELS[channel]}`}
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <TextField
        label={`Resumo do contato (${CHANNEL_LABELS[channel]}, opcional)`}
        autoFocus
        autoComplete="off"
        placeholder="Ex.: avisado que a moto está pronta"
        {...field('summary')}
      />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <legend className="sr-only">Quem fez o contato</legend>
        {(['OUT', 'IN'] as Direction[]).map((d) => (
          <label key={d} className="flex items-center gap-1.5">
            <input type="radio" value={d} className="h-4 w-4" {...field('direction')} />
            {DIRECTION_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={cancel}>
          Cancelar
        </Button>
        <Button type="submit" loading={record.isPending}>
          Salvar contato
        </Button>
      </div>
    </FormLayout>
  );
}

/**
 * "Registrar contato" in two taps: a channel, then "Salvar contato" (the summary is optional).
 */
export function RecordContact({
  customerId,
  onRecorded,
}: {
  customerId: Id;
  /** After a contact is saved (e.g. to show the timeline's first page, where it is). */
  onRecorded?: () => void;
}) {
  const [channel, setChannel] = useState<Channel | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const done = (saved: boolean) => {
    if (saved) onRecorded?.();
    setChannel(null);
    group.current?.querySelector('button')?.focus();
  };
  return (
    <div className="flex flex-col gap-3">
      <div
        ref={group}
        role="group"
        aria-label="Registrar contato"
        className="grid grid-cols-3 gap-2 sm:grid-cols-6"
      >
        {CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={channel === c}
            onClick={() => setChannel(channel === c ? null : c)}
            className={cn(
              'flex flex-col items-center gap-1 rounded-md border px-2 py-2 text-xs font-medium',
              'focus:outline-none focus-visible:ring-2 focus-visible:ring-primary',
              channel === c
                ? 'border-primary bg-primary text-on-primary'
                : 'border-slate-300 bg-surface text-slate-700 hover:bg-slate-50',
            )}
          >
            <ChannelIcon channel={c} className="h-5 w-5" />
            {CHANNEL_LABELS[c]}
          </button>
        ))}
      </div>
      {channel && (
        <ContactForm key={channel} customerId={customerId} channel={channel} onDone={done} />
      )}
    </div>
  );
}
