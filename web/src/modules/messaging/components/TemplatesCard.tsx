import { useState } from 'react';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { Button } from '@/ui/Button';
import { Badge, Card } from '@/ui/Card';
import { TextAreaField, TextField } from '@/ui/Field';
import { ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useTemplates, useUpdateTemplate } from '../hooks';
import { EVENT_LABELS } from '../labels';
import type { Template } from '../types';

function TemplateEditor({ template, canEdit }: { template: Template; canEdit: boolean }) {
  const update = useUpdateTemplate();
  const toast = useToast();
  const [body, setBody] = useState(template.body);
  const [waTemplate, setWaTemplate] = useState(template.whatsapp_template);
  const [error, setError] = useState<string | undefined>();
  const changed = body !== template.body || waTemplate !== template.whatsapp_template;

  const save = (patch: { body?: string; enabled?: boolean; whatsapp_template?: string }) =>
    update.mutate(
      { event: template.event, patch },
      {
        onSuccess: () => {
          setError(undefined);
          toast.show('Modelo salvo.');
        },
        onError: (e) => {
          if (e instanceof ApiError) setError(e.details.body ?? e.details.whatsapp_template);
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
      <p className="rounded bg-slate-50 p-2 text-sm text-slate-700" aria-label="Prévia">
        <span className="font-medium">Prévia: </span>
        {template.preview}
      </p>
      {canEdit && changed && (
        <div className="flex gap-2">
          <Button
            size="sm"
            loading={update.isPending}
            onClick={() => save({ body, whatsapp_template: waTemplate })}
          >
            Salvar modelo
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setBody(template.body);
              setWaTemplate(template.whatsapp_template);
              setError(undefined);
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
