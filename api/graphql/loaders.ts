// Per-request batching: a list of 50 cases asking each for its customer becomes one query, not 50.
// Built with every request's context (api/graphql/context.ts), so nothing is cached across requests.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CustomerSchema, type Customer } from '../../db/entities/index.js';

export interface Loaders {
  customer: DataLoader<string, Customer | null>;
}

export function createLoaders(em: EntityManager): Loaders {
  return {
    customer: new DataLoader(async (ids: readonly string[]) => {
      const rows = await em.find(CustomerSchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
