import { useState } from 'react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { Button } from '@/ui/Button';
import { Badge, Card } from '@/ui/Card';
import { TextAreaField, TextField } from '@/ui/Field';
import { ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useTemplates, useUpdateTemplate } from '../hooks';
import { EVENT_LABELS } from '../labels';
import type { Template, TemplatePatch } from '../types';

// The service reminder's interval, as the server bounds it (API.md §7, REMINDER_DUE).
const REMINDER_DAYS = { min: 30, max: 730 };

/** The typed interval in whole days, or undefined when it is not one the server takes. */
function reminderDays(text: string): number | undefined {
  if (!/^\d{1,4}$/.test(text.trim())) return undefined;
  const days = Number(text.trim());
  return days >= REMINDER_DAYS.min && days <= REMINDER_DAYS.max ? days : undefined;
}

function TemplateEditor({ template, canEdit }: { template: Template; canEdit: boolean }) {
  const update = useUpdateTemplate();
  const toast = useToast();
  const [body, setBody] = useState(template.body);
  const [waTemplate, setWaTemplate] = useState(template.whatsapp_template);
  const savedDays = template.reminder_after_days;
  const [days, setDays] = useState(savedDays != null ? String(savedDays) : '');
  const [error, setError] = useState<string | undefined>();
  const [daysError, setDaysError] = useState<string | undefined>();
  const daysChanged = savedDays != null && days.trim() !== String(savedDays);
  const changed =
    body !== template.body || waTemplate !== template.whatsapp_template || daysChanged;

  const save = (patch: TemplatePatch) =>
    update.mutate(
      { event: template.event, patch },
      {
        onSuccess: () => {
          setError(undefined);
          setDaysError(undefined);
          toast.show('Modelo salvo.');
        },
        onError: (e) => {
          if (e instanceof ApiError) {
            setError(e.details.body ?? e.details.whatsapp_template);
            setDaysError(e.details.reminder_after_days);
          }
          toast.show(errorMessage(e), 'error');
        },
      },
    );

  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <span className="font-medium text-slate-800">{EVENT_LABELS[template.event]}</span>
          {template.is_default && <Badge>Padrão</Badge>}
          {!template.enabled && <Badge className="bg-slate-200">Desligado</Badge>}
        </div>
        {canEdit && (
          <Button
            size="sm"
            variant="secondary"
            disabled={update.isPending}
            onClick={() => save({ enabled: !template.enabled })}
          >
            {template.enabled ? 'Desligar' : 'Ligar'}
          </Button>
        )}
      </div>
      <TextAreaField
        label="Mensagem"
        rows={3}
        value={body}
        readOnly={!canEdit}
        error={error}
        hint={`Marcadores: ${(template.placeholders ?? []).join(' ')}`}
        onChange={(e) => setBody(e.target.value)}
      />
      <TextField
        label="Modelo aprovado no WhatsApp (fora da janela de 24 h)"
        value={waTemplate}
        readOnly={!canEdit}
        onChange={(e) => setWaTemplate(e.target.value)}
      />
      {savedDays != null && (
        <TextField
          label="Dias após a última OS concluída"
          inputMode="numeric"
          maxLength={3}
          className="sm:max-w-[10rem]"
          value={days}
          readOnly={!canEdit}
          error={daysError}
          hint={`De ${REMINDER_DAYS.min} a ${REMINDER_DAYS.max} dias (padrão 180). Vai uma vez por visita, de dia, só a quem aceitou mensagens.`}
          onChange={(e) => setDays(e.target.value)}
        />
      )}
      <p className="rounded bg-slate-50 p-2 text-sm text-slate-700" aria-label="Prévia">
        <span className="font-medium">Prévia: </span>
        {template.preview}
      </p>
      {canEdit && changed && (
        <div className="flex gap-2">
          <Button
            size="sm"
            loading={update.isPending}
            onClick={() => {
              const patch: TemplatePatch = { body, whatsapp_template: waTemplate };
              if (daysChanged) {
                const parsed = reminderDays(days);
                if (parsed === undefined) {
                  setDaysError(
                    `Informe um número inteiro de ${REMINDER_DAYS.min} a ${REMINDER_DAYS.max} dias.`,
                  );
                  return;
                }
                patch.reminder_after_days = parsed;
              }
              save(patch);
            }}
          >
            Salvar modelo
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setBody(template.body);
              setWaTemplate(template.whatsapp_template);
              setDays(savedDays != null ? String(savedDays) : '');
              setError(undefined);
              setDaysError(undefined);
            }}
          >
            Descartar
          </Button>
        </div>
      )}
    </li>
  );
}

export function TemplatesCard({ canEdit }: { canEdit: boolean }) {
  const templates = useTemplates();
  return (
    <Card title="Modelos de mensagem">
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <ul className="flex flex-col gap-2">
          {templates.data.items.map((t) => (
            // Keyed by what the server holds, so a save shows the server's text and preview.
            <TemplateEditor
              key={`${t.event}:${t.updated_at ?? ''}`}
              template={t}
              canEdit={canEdit}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
