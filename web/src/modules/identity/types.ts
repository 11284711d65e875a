export type Role = 'OWNER' | 'MANAGER' | 'ATTENDANT' | 'MECHANIC';
export type Plan = 'BASIC' | 'PREMIUM' | 'PRO' | 'ENTERPRISE';

export interface User {
  id: string | number;
  name: string;
  email: string;
  tenant_id: string | number;
  tenant_name: string;
  plan: Plan;
  role: Role;
}

export interface AuthResponse {
  access_token: string;
  refresh_token: string;
  user: User;
}

export interface TenantUser {
  id: string | number;
  name: string;
  email: string;
  tenant_id: string | number;
  role: Role;
  plan: Plan;
  is_active: boolean;
}

export interface Theme {
  id: string;
  name: string;
  primary: string;
  secondary: string;
  accent: string;
  background: string;
  surface: string;
}

export type Palette = Omit<Theme, 'id' | 'name'>;

export interface ThemeResponse {
  tenant: { id: string | number; name: string; plan: Plan };
  themes: Theme[];
  /** Theme id in force for the tenant ("custom" for the custom palette); absent on older servers. */
  current_theme?: string | null;
  custom_palette: Partial<Palette> | null;
  custom_allowed: boolean;
  custom_only_enterprise?: boolean;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface RegisterInput extends LoginInput {
  name: string;
  tenant_name: string;
}

export interface NewUserInput {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  is_active?: boolean;
  password?: string;
}
