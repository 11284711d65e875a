import type { LucideIcon } from 'lucide-react';
import {
  BadgePercent,
  Banknote,
  ChartNoAxesCombined,
  FileSpreadsheet,
  HandCoins,
  Receipt,
  Bike,
  ClipboardList,
  HardHat,
  LayoutDashboard,
  ListTodo,
  Package,
  Settings,
  Users,
} from 'lucide-react';
import type { Capabilities, Capability } from '@/modules/identity/types';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** What the user must be allowed (their `can` from the server); everyone when absent. */
  requires?: Capability;
  end?: boolean;
}

export interface NavSection {
  /** Heading of the group; the first group has none. */
  title?: string;
  items: NavItem[];
}

// Premium groups are added here when their screens land.
export const NAV: NavSection[] = [
  {
    items: [
      { to: '/', label: 'Painel', icon: LayoutDashboard, end: true, requires: 'read_workshop' },
      { to: '/os', label: 'Ordens de serviço', icon: ClipboardList, requires: 'read_workshop' },
      { to: '/clientes', label: 'Clientes', icon: Users, requires: 'read_workshop' },
      { to: '/motos', label: 'Motos', icon: Bike, requires: 'read_workshop' },
      { to: '/estoque', label: 'Estoque', icon: Package, requires: 'read_workshop' },
    ],
  },
  {
    title: 'Equipe',
    items: [
      { to: '/tarefas', label: 'Tarefas', icon: ListTodo, requires: 'work_tasks' },
      { to: '/equipe', label: 'Equipe', icon: HardHat, requires: 'read_workshop' },
      { to: '/comissoes', label: 'Comissões', icon: BadgePercent, requires: 'finance' },
    ],
  },
  {
    title: 'Financeiro',
    items: [
      {
        to: '/financeiro/receber',
        label: 'Contas a receber',
        icon: HandCoins,
        requires: 'finance',
      },
      { to: '/financeiro/pagar', label: 'Contas a pagar', icon: Receipt, requires: 'finance' },
      {
        to: '/financeiro/fluxo',
        label: 'Fluxo de caixa',
        icon: ChartNoAxesCombined,
        requires: 'finance',
      },
      { to: '/financeiro/caixa', label: 'Caixa do dia', icon: Banknote, requires: 'finance' },
      {
        to: '/financeiro/relatorios',
        label: 'Relatórios',
        icon: FileSpreadsheet,
        requires: 'finance',
      },
    ],
  },
  {
    title: 'Administração',
    items: [{ to: '/configuracoes', label: 'Configurações', icon: Settings }],
  },
];

/** The menu as this user may use it. */
export function navFor(can: Capabilities): NavSection[] {
  return NAV.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.requires || can[item.requires]),
  })).filter((section) => section.items.length > 0);
}
