// `npm run db:migrate`: applies pending migrations and creates the first admin when no user exists.
// `npm start` does this itself; deployments run it once per release before starting APIs and workers.
import { seedFirstAdmin } from '../auth/seed-admin.js';
import { initOrm, migrate } from '../db/orm.js';
import { loadConfig } from '../runtime/config.js';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('✗ DATABASE_URL is required (npm start manages the embedded database itself)');
  process.exit(1);
}
const orm = await initOrm({ clientUrl: config.databaseUrl });
try {
  const applied = await migrate(orm);
  console.log(applied.length ? `✓ applied ${applied.join(', ')}` : '✓ schema already up to date');
  const admin = await seedFirstAdmin(orm.em.fork(), config.admin);
  if (admin) console.log(`✓ first admin ${admin.email}${admin.generatedPassword ? ` / ${admin.generatedPassword} (shown once)` : ''}`);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await orm.close();
}
