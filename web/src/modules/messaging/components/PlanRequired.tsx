import type { MessagingFeature } from '../hooks';

export function PlanRequired({ feature }: { feature: MessagingFeature }) {
  return (
    <p className="text-sm text-slate-600" data-testid="messaging-plan-required">
      {feature.label}: disponível no plano {feature.planLabel}. Veja os planos em Configurações.
    </p>
  );
}
