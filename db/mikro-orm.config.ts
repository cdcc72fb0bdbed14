// The one MikroORM configuration: used by the worker, the API, the supervisor's migrate step, tests
// (through initOrm overrides) and the mikro-orm CLI (`npm run migration:create`).
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import * as entities from './entities/index.js';
import { migrationsList } from './migrations/index.js';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * `snapshot`: only the CLI (`npm run migration:create`) diffs against and writes db/migrations/.snapshot.json;
 * applying migrations at start would otherwise rewrite that committed file from the live database.
 */
export function ormConfig(overrides: Partial<Options> = {}, { snapshot = false }: { snapshot?: boolean } = {}): Options {
  return defineConfig({
    clientUrl: process.env.DATABASE_URL,
    entities: Object.values(entities).filter((value) => typeof value === 'object' && 'meta' in value),
    extensions: [Migrator],
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot,
      snapshotName: '.snapshot',
      emit: 'ts',
    },
    pool: { min: 0, max: 10 },
    forceUtcTimezone: true,
    debug: false,
    // The migrator's lines go to a terminal only sometimes (npm start's log file, CI): colour only for a terminal, never with NO_COLOR.
    colors: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    ...overrides,
  });
}

export default ormConfig({}, { snapshot: true });
