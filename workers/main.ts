// `npm run worker`: one worker process on the task queue. Run more of them to scale out.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { initOrm } from '../db/orm.js';
import { loadConfig, temporalAddress } from '../runtime/config.js';
import { runUntilSignal } from '../runtime/process.js';
import { buildActivityDeps } from './activity-deps.js';
import { createCaseWorker } from './create-worker.js';

const config = loadConfig();
// The SDK's INFO lines (webpack bundle stats, state changes) drown what operators need; LOG_LEVEL=INFO shows them.
Runtime.install({ logger: new DefaultLogger((process.env.LOG_LEVEL?.toUpperCase() ?? 'WARN') as LogLevel) });
const orm = await initOrm({ clientUrl: config.databaseUrl });
const connection = await NativeConnection.connect({ address: temporalAddress(config) });
// Activities signal other cases (supersede) through an ordinary client.
const clientConnection = await Connection.connect({ address: temporalAddress(config) });
const temporal = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
const worker = await createCaseWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  deps: buildActivityDeps(config, orm, temporal),
});
console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${temporalAddress(config)}`);

await runUntilSignal(worker.run(), async () => worker.shutdown());
await connection.close();
await clientConnection.close();
await orm.close();
