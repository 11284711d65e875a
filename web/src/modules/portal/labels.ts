import { formatDateTime } from '@/lib/dates';
import type { Approval } from './types';

export const APPROVAL_LABELS: Record<Approval['state'], string> = {
  PENDING: 'Aguardando o cliente',
  EXPIRED: 'Orçamento expirado',
  APPROVED: 'Aprovado',
  PARTIALLY_APPROVED: 'Aprovado em parte',
  DECLINED: 'Recusado',
};

/** The decision's evidence line: "aprovado por Maria em 01/12/2026 14:03, versão 2". */
export function evidenceLine(a: Approval): string | null {
  if (!a.decided_at) return null;
  // "Aprovado em parte" is the state's label; the evidence says who approved.
  const verb = a.state === 'DECLINED' ? 'recusado' : 'aprovado';
  return `${verb} por ${a.decided_by_name ?? 'cliente'} em ${formatDateTime(a.decided_at)}, versão ${a.version}`;
}
