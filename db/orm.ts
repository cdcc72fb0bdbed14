import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config.js';

export type Orm = MikroORM;

/** Connects with the project's configuration; tests and tools pass overrides (e.g. clientUrl). */
export async function initOrm(overrides: Partial<Options> = {}): Promise<Orm> {
  return MikroORM.init(ormConfig(overrides));
}

/** Applies pending migrations; returns the names applied. Safe to run on every start. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
