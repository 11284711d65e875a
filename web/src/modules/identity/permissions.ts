import type { Role } from './types';

// The role table of API.md §2. The UI shows no button a role cannot use; the server
// still decides.
export type Permission =
  | 'users.manage'
  | 'customers.write'
  | 'customers.deactivate'
  | 'parts.write'
  | 'orders.create'
  | 'orders.edit'
  | 'orders.items'
  | 'orders.status'
  | 'orders.cancel'
  | 'orders.reopen';

const ALL: Role[] = ['OWNER', 'MANAGER', 'ATTENDANT', 'MECHANIC'];
const FRONT: Role[] = ['OWNER', 'MANAGER', 'ATTENDANT'];
const MANAGERS: Role[] = ['OWNER', 'MANAGER'];

const TABLE: Record<Permission, Role[]> = {
  'users.manage': ['OWNER'],
  'customers.write': FRONT,
  'customers.deactivate': MANAGERS,
  'parts.write': MANAGERS,
  'orders.create': FRONT,
  'orders.edit': FRONT,
  'orders.items': ALL,
  'orders.status': ALL,
  'orders.cancel': MANAGERS,
  'orders.reopen': MANAGERS,
};

export function can(role: Role | undefined, permission: Permission): boolean {
  if (!role) return false;
  return TABLE[permission].includes(role);
}
