import type { Plan, Role } from './types';

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Proprietário',
  MANAGER: 'Gerente',
  ATTENDANT: 'Atendente',
  MECHANIC: 'Mecânico',
};

export const ROLES: Role[] = ['OWNER', 'MANAGER', 'ATTENDANT', 'MECHANIC'];

export function planLabel(plan: Plan | string | undefined): string {
  switch (plan) {
    case 'BASIC':
      return 'Básico';
    case 'PREMIUM':
    case 'PRO':
      return 'Premium';
    case 'ENTERPRISE':
      return 'Enterprise';
    default:
      return plan ?? '';
  }
}
