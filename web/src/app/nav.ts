import type { LucideIcon } from 'lucide-react';
import { Bike, ClipboardList, LayoutDashboard, Package, Settings, Users } from 'lucide-react';
import type { Role } from '@/modules/identity/types';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Roles that see the item; all when absent. */
  roles?: Role[];
  end?: boolean;
}

export interface NavSection {
  /** Heading of the group; the first group has none. */
  title?: string;
  items: NavItem[];
}

// Finance, team and premium groups are added here when their screens land.
export const NAV: NavSection[] = [
  {
    items: [
      { to: '/', label: 'Painel', icon: LayoutDashboard, end: true },
      { to: '/os', label: 'Ordens de serviço', icon: ClipboardList },
      { to: '/clientes', label: 'Clientes', icon: Users },
      { to: '/motos', label: 'Motos', icon: Bike },
      { to: '/estoque', label: 'Estoque', icon: Package },
    ],
  },
  {
    title: 'Administração',
    items: [{ to: '/configuracoes', label: 'Configurações', icon: Settings }],
  },
];

export function navFor(role: Role | undefined): NavSection[] {
  return NAV.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.roles || (role && item.roles.includes(role))),
  })).filter((section) => section.items.length > 0);
}
