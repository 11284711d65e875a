import { describe, expect, it } from 'vitest';
import { CAN_BY_ROLE } from '@/test/fixtures';
import { NAV, navFor } from './nav';
import { routes } from './router';

function routePaths(list: { path?: string; children?: unknown[] }[]): string[] {
  return list.flatMap((r) => [
    ...(r.path ? [r.path] : []),
    ...routePaths((r.children ?? []) as { path?: string; children?: unknown[] }[]),
  ]);
}

const labels = (can: Parameters<typeof navFor>[0]) =>
  navFor(can).flatMap((s) => s.items.map((i) => i.label));

describe('navFor', () => {
  it('shows a mechanic the workshop and the team, without the commissions', () => {
    expect(labels(CAN_BY_ROLE.MECHANIC)).toEqual([
      'Painel',
      'Ordens de serviço',
      'Clientes',
      'Motos',
      'Estoque',
      'Tarefas',
      'Equipe',
      'Configurações',
    ]);
  });
  it('shows the commissions to whom may see the finance', () => {
    expect(labels(CAN_BY_ROLE.MANAGER)).toContain('Comissões');
    expect(labels(CAN_BY_ROLE.ATTENDANT)).not.toContain('Comissões');
  });
  it("leaves out what the user's capabilities do not allow", () => {
    expect(labels({ ...CAN_BY_ROLE.MECHANIC, read_workshop: false, work_tasks: false })).toEqual([
      'Configurações',
    ]);
  });
  it('has no dead links: every menu entry has a route', () => {
    const paths = routePaths(routes);
    for (const item of NAV.flatMap((s) => s.items)) expect(paths).toContain(item.to);
  });
});
