// `npm run api`: one API instance (GraphQL, webhooks, console, web chat). Run more behind a load balancer
// to scale out; they share nothing but PostgreSQL and Temporal.
import { Client, Connection } from '@temporalio/client';
import { once } from 'node:events';
import { initOrm } from '../db/orm.js';
import { loadConfig } from '../runtime/config.js';
import { describeListenError } from '../runtime/ports.js';
import { logger } from '../runtime/logger.js';
import { runUntilSignal } from '../runtime/process.js';
import { temporalConnectionOptions } from '../runtime/temporal-connection.js';
import { clientTracingInterceptors, startTracing } from '../runtime/tracing.js';
import { buildApp } from './app.js';
import { CaseEventHub } from './case-event-hub.js';
import { EmulatorCarrier } from './emulator/twilio-delivery.js';

const config = loadConfig();
const log = logger('api');
const tracing = startTracing('api');
const orm = await initOrm({ clientUrl: config.databaseUrl });
const connection = await Connection.connect(temporalConnectionOptions(config));
const temporal = new Client({ connection, namespace: config.temporal.namespace, interceptors: clientTracingInterceptors() });
const caseEvents = new CaseEventHub(orm.config.getClientUrl());
await caseEvents.start();

const emulatorCarrier = config.twilio.emulated ? new EmulatorCarrier(orm, config.twilio.authToken) : undefined;
const server = buildApp({ config, orm, temporal, caseEvents, emulatorCarrier }).listen(config.port);
try {
  await once(server, 'listening');
} catch (error) {
  log.fatal(describeListenError(error, config.port, 'PORT'));
  process.exit(1);
}
log.info({ port: config.port, tracesExported: tracing.exporting }, `API listening on http://localhost:${config.port}`);

await runUntilSignal(once(server, 'close'), async () => {
  server.close();
  // Open SSE subscriptions would hold the server open; end them.
  server.closeAllConnections();
});
emulatorCarrier?.close();
await caseEvents.close();
await connection.close();
await orm.close();
await tracing.shutdown();
