import type { QueryOf, Schema } from '@/lib/api/contract';

/** A row's id as the web app holds it: a number from a read, or the text of a URL segment. */
export type Id = number | string;

export type Staff = Schema<'Staff'>;
export type StaffInput = Schema<'StaffCreate'>;
export type StaffPatch = Schema<'StaffUpdate'>;
export type StaffFilters = QueryOf<'listStaff'>;

export type Task = Schema<'Task'>;
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
// The generator makes fields with a `default` (priority, status) required; the server takes
// them as optional, and a PATCH must send only what changes (a MECHANIC's status-only PATCH
// with a priority is refused), so both stay optional here.
type Defaulted = 'priority' | 'status';
export type TaskInput = Omit<Schema<'TaskCreate'>, Defaulted> &
  Partial<Pick<Schema<'TaskCreate'>, Defaulted>>;
export type TaskPatch = Partial<Schema<'TaskUpdate'>>;
export type TaskFilters = QueryOf<'listTasks'>;

export type Interaction = Schema<'Interaction'>;
export type InteractionInput = Schema<'InteractionCreate'>;
export type Channel = Interaction['channel'];
export type Direction = Interaction['direction'];

export type TimelineEntry = Schema<'TimelineEntry'>;
export type TimelineInteraction = Schema<'TimelineInteraction'>;
export type TimelineOrderStatus = Schema<'TimelineOrderStatus'>;
export type TimelineMessage = Schema<'TimelineMessage'>;

export type CommissionReport = Schema<'CommissionReport'>;
export type CommissionLine = Schema<'CommissionLine'>;
export type CommissionOrder = Schema<'CommissionOrder'>;

export type DashboardSummary = Schema<'DashboardSummary'>;
