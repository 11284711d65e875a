import type { Schema } from '@/lib/api/contract';

/** The signed-in user (login, register, /me), with what they may do (`can`). */
export type User = Schema<'UserSummary'>;
/** Every action of the server's permission table → whether this user may. */
export type Capabilities = Schema<'Capabilities'>;
export type Capability = keyof Capabilities;
export type Role = User['role'];
export type Plan = User['plan'];

export type AuthResponse = Schema<'LoginResponse'>;
/** A user of the tenant as /users lists them. */
export type TenantUser = Schema<'User'>;

export type Theme = Schema<'Theme'>;
export type Palette = Schema<'Palette'>;
export type ThemeResponse = Schema<'ThemeResponse'>;
/** The workshop's plan (as the token says) and what each plan includes. */
export type PlanInfo = Schema<'PlanInfo'>;

export type LoginInput = Schema<'LoginRequest'>;
export type RegisterInput = Schema<'RegisterRequest'>;
export type NewUserInput = Schema<'UserCreate'>;
export type UserPatch = Schema<'UserUpdate'>;
