// Short names for the types generated from docs/openapi.json into schema.d.ts
// (`npm run gen:api`). Modules alias these instead of describing the server's answers by hand.
import type { components, operations } from './schema';

/** A schema of the contract: `Schema<'Customer'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** The query parameters of an operation: `QueryOf<'listServiceOrders'>`. */
export type QueryOf<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;
