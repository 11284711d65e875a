import type { Schema } from '@/lib/api/contract';

/** GET /overview: each module's summary, or `{error: 'unavailable'}` in its key. */
export type Overview = Schema<'Overview'>;
