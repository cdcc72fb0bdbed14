// `npm run worker`: one worker process on the task queue. Run more of them to scale out.
import { NativeConnection } from '@temporalio/worker';
import { initOrm } from '../db/orm.js';
import { loadConfig, temporalAddress } from '../runtime/config.js';
import { runUntilSignal } from '../runtime/process.js';
import { buildActivityDeps } from './activity-deps.js';
import { createCaseWorker } from './create-worker.js';

const config = loadConfig();
const orm = await initOrm({ clientUrl: config.databaseUrl });
const connection = await NativeConnection.connect({ address: temporalAddress(config) });
const worker = await createCaseWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  deps: buildActivityDeps(config, orm),
});
console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${temporalAddress(config)}`);

await runUntilSignal(worker.run(), async () => worker.shutdown());
await connection.close();
await orm.close();
