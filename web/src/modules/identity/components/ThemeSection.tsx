import { Check } from 'lucide-react';
import { THEME_CHANGED_EVENT } from '@/app/ThemeApplier';
import { errorMessage } from '@/lib/api/errors';
import { Card } from '@/ui/Card';
import { ErrorState, Loading } from '@/ui/States';
import { useToast } from '@/ui/Toast';
import { useSetTheme, useTenantTheme } from '../hooks';
import { planLabel } from '../labels';
import { useCurrentUser } from '../session';
import { currentThemeId, getThemeChoice, setThemeChoice } from '../theme';
import type { Theme } from '../types';

function Swatches({ theme }: { theme: Theme }) {
  return (
    <span className="flex gap-1" aria-hidden>
      {[theme.primary, theme.secondary, theme.accent, theme.background, theme.surface].map(
        (c, i) => (
          <span
            key={i}
            className="h-5 w-5 rounded border border-slate-300"
            style={{ backgroundColor: c }}
          />
        ),
      )}
    </span>
  );
}

export function ThemeSection() {
  const user = useCurrentUser();
  const theme = useTenantTheme();
  const setTheme = useSetTheme();
  const toast = useToast();
  const canChoose = user.can.manage_users;

  const pick = (t: Theme) => {
    setTheme.mutate(t.id, {
      onSuccess: () => {
        // Also kept in this browser, for servers that do not report current_theme.
        setThemeChoice(user.tenant_id, t.id);
        window.dispatchEvent(new Event(THEME_CHANGED_EVENT));
        toast.show(`Tema “${t.name}” aplicado.`);
      },
      onError: (e) => toast.show(errorMessage(e), 'error'),
    });
  };

  return (
    <Card title="Aparência">
      {theme.isPending ? (
        <Loading />
      ) : theme.isError ? (
        <ErrorState error={theme.error} onRetry={() => void theme.refetch()} />
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">
            Temas disponíveis no plano {planLabel(theme.data.tenant?.plan ?? user.plan)}.
            {!canChoose && ' Só o proprietário altera o tema.'}
          </p>
          <div
            role="radiogroup"
            aria-label="Tema"
            className="grid grid-cols-1 gap-2 sm:grid-cols-2"
          >
            {(theme.data.themes ?? []).map((t, i) => {
              const current = currentThemeId(theme.data, getThemeChoice(user.tenant_id));
              const active = current ? current === t.id : i === 0;
              return (
                <button
                  key={t.id}
                  type="button"
                  role="radio"
                  aria-checked={active}
                  disabled={!canChoose || setTheme.isPending}
                  onClick={() => pick(t)}
                  className={`flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-left text-sm disabled:cursor-default ${
                    active
                      ? 'border-primary ring-2 ring-primary/30'
                      : 'border-slate-300 enabled:hover:border-primary'
                  }`}
                >
                  <span className="flex items-center gap-2">
                    {active && <Check className="h-4 w-4 text-primary" aria-hidden />}
                    {t.name}
                  </span>
                  <Swatches theme={t} />
                </button>
              );
            })}
          </div>
          {theme.data.custom_allowed ? (
            theme.data.custom_palette && (
              <p className="text-sm text-slate-600">
                Sua oficina tem uma paleta personalizada com as cores da marca.
              </p>
            )
          ) : (
            <p className="text-sm text-slate-500">
              Paleta personalizada com as cores da sua marca: disponível no plano Enterprise.
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
