// The benchmark's API process (started by bench/stack.ts): the product's app on PORT, and the same app on
// UNPOLLED_PORT with a task queue no worker polls. It runs apart from the load generator, so the requests
// being sent and the requests being answered do not share one event loop.
import { Client, Connection } from '@temporalio/client';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { buildApp } from '../api/app.js';
import { CaseEventHub } from '../api/case-event-hub.js';
import { initOrm } from '../db/orm.js';
import { loadConfig, type Config } from '../runtime/config.js';
import { runUntilSignal } from '../runtime/process.js';

const config = loadConfig();
const orm = await initOrm({ clientUrl: config.databaseUrl, pool: { min: 2, max: 20 } });
const connection = await Connection.connect({ address: config.temporal.address });
const temporal = new Client({ connection });
const caseEvents = new CaseEventHub(config.databaseUrl!);
await caseEvents.start();

async function listen(port: number, appConfig: Config): Promise<Server> {
  const server = buildApp({ config: appConfig, orm, temporal, caseEvents }).listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
const servers = [
  await listen(config.port, config),
  await listen(Number(process.env.UNPOLLED_PORT), { ...config, temporal: { ...config.temporal, taskQueue: process.env.UNPOLLED_TASK_QUEUE! } }),
];
console.log('bench API listening');

await runUntilSignal(Promise.all(servers.map((s) => once(s, 'close'))), () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});
await caseEvents.close();
await connection.close();
await orm.close();
