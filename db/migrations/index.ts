// Every migration, in order. Listed explicitly (not globbed from disk) so they load the same under tsx,
// vitest and a bundled build. `npm run migration:create` writes a new file here; add it to this list.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121233003 } from './Migration20261121233003.js';
import { Migration20261121235234 } from './Migration20261121235234.js';
import { Migration20261122014500 } from './Migration20261122014500.js';
import { Migration20261201192812 } from './Migration20261201192812.js';
import { Migration20261201212937 } from './Migration20261201212937.js';
import { Migration20261202003000 } from './Migration20261202003000.js';
import { Migration20261203104500 } from './Migration20261203104500.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121233003', class: Migration20261121233003 },
  { name: 'Migration20261121235234', class: Migration20261121235234 },
  { name: 'Migration20261122014500', class: Migration20261122014500 },
  { name: 'Migration20261201192812', class: Migration20261201192812 },
  { name: 'Migration20261201212937', class: Migration20261201212937 },
  { name: 'Migration20261202003000', class: Migration20261202003000 },
  { name: 'Migration20261203104500', class: Migration20261203104500 },
];
