import { Check } from 'lucide-react';
import { Card } from '@/ui/Card';
import { ErrorState, Loading } from '@/ui/States';
import { cn } from '@/ui/cn';
import { useTenantPlan } from '../hooks';

// What every plan has; the server lists what each plan adds.
const BASE = 'Ordens de serviço, clientes e motos, estoque, financeiro e equipe';

/** Configurações → Plano: the workshop's plan and what each plan includes (from the server). */
export function PlanSection() {
  const plan = useTenantPlan();
  return (
    <Card title="Plano">
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700" data-testid="current-plan">
            Sua oficina está no plano <strong>{plan.data.label}</strong>. Para mudar de plano, fale
            com o suporte do MotoGestor; a mudança vale a partir do próximo acesso.
          </p>
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-3" aria-label="Planos">
            {plan.data.plans.map((p) => (
              <li
                key={p.plan}
                className={cn(
                  'rounded-lg border p-3',
                  p.current ? 'border-primary ring-2 ring-primary/30' : 'border-slate-200',
                )}
                aria-current={p.current ? 'true' : undefined}
              >
                <p className="font-semibold text-slate-800">
                  {p.label}
                  {p.current && <span className="ml-2 text-xs text-primary">(atual)</span>}
                </p>
                <ul className="mt-2 flex flex-col gap-1 text-sm text-slate-700">
                  <li className="flex gap-1.5">
                    <Check className="mt-0.5 h-4 w-4 shrink-0 text-green-600" aria-hidden />
                    {BASE}
                  </li>
                  {plan.data.features
                    .filter((f) => p.features.includes(f.feature))
                    .map((f) => (
                      <li key={f.feature} className="flex gap-1.5">
                        <Check className="mt-0.5 h-4 w-4 shrink-0 text-green-600" aria-hidden />
                        {f.label}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
