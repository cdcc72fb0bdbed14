import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { initOrm } from '../db/orm.js';
import { ConfigError, loadConfig, temporalAddress } from '../runtime/config.js';
import { logger } from '../runtime/logger.js';
import { temporalConnectionOptions } from '../runtime/temporal-connection.js';
import { clientTracingInterceptors, startTracing } from '../runtime/tracing.js';
import { buildActivityDeps } from './activity-deps.js';
import { createCaseWorker } from './create-worker.js';
import { serveWorkerMetrics } from './worker-metrics.js';

export interface RunWorkerOptions {
  /** Another workflows entry (the benchmark adds its baseline workflow). */
  workflowsPath?: string;
  extraActivities?: Record<string, (...args: never[]) => Promise<unknown>>;
}

const log = logger('worker');
const SDK_LOG_LEVELS: LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

/** Connects with the environment's configuration and runs one worker until SIGINT/SIGTERM. */
export async function runWorker(options: RunWorkerOptions = {}): Promise<void> {
  const config = loadConfig();
  const workflowBundle = process.env.WORKFLOW_BUNDLE?.trim() || undefined;
  if (workflowBundle && !existsSync(workflowBundle)) {
    throw new ConfigError(`WORKFLOW_BUNDLE=${workflowBundle}: no such file; build it with \`npm run build:workflows\``);
  }
  const tracing = startTracing('worker');
  installSdkRuntime();
  const metrics = await serveWorkerMetrics(Number(process.env.WORKER_METRICS_PORT ?? 9464));
  const orm = await initOrm({ clientUrl: config.databaseUrl });
  const connectionOptions = temporalConnectionOptions(config);
  const connection = await NativeConnection.connect(connectionOptions);
  // Activities signal other cases (supersede) through an ordinary client.
  const clientConnection = await Connection.connect(connectionOptions);
  const temporal = new Client({ connection: clientConnection, namespace: config.temporal.namespace, interceptors: clientTracingInterceptors() });
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: buildActivityDeps(config, orm, temporal),
    tracing,
    // WORKFLOW_BUNDLE: a bundle from `npm run build:workflows`, so the worker does not bundle at start.
    ...(workflowBundle && !options.workflowsPath ? { workflowBundle: { codePath: workflowBundle } } : { workflowsPath: options.workflowsPath }),
    extraActivities: options.extraActivities,
  });
  log.info({ taskQueue: config.temporal.taskQueue, temporal: temporalAddress(config), tracesExported: tracing.exporting },
    `worker polling task queue "${config.temporal.taskQueue}" on ${temporalAddress(config)}`);
  // The SDK stops the worker on SIGINT/SIGTERM by itself; run() resolves once in-flight tasks are done.
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await orm.close();
  metrics?.close();
  await tracing.shutdown();
}

/**
 * The SDK's own log lines go through the product's logger, as JSON like the rest. Its INFO lines (webpack
 * bundle stats, state changes) drown what operators need: TEMPORAL_LOG_LEVEL=INFO shows them. Its worker
 * metrics (task slots, latencies, polls) go to Prometheus on TEMPORAL_METRICS_PORT.
 */
function installSdkRuntime(): void {
  const level = (process.env.TEMPORAL_LOG_LEVEL?.trim().toUpperCase() || 'WARN') as LogLevel;
  if (!SDK_LOG_LEVELS.includes(level)) {
    throw new ConfigError(`TEMPORAL_LOG_LEVEL=${process.env.TEMPORAL_LOG_LEVEL}: use one of ${SDK_LOG_LEVELS.join(', ')}`);
  }
  // The SDK filters by its own level; whatever it passes on is written.
  const sdkLog = logger('temporal', { level: 'trace' });
  const sdkMetricsPort = Number(process.env.TEMPORAL_METRICS_PORT ?? 9465);
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: entryLevel, message, meta }) => {
      const method = entryLevel === 'ERROR' ? 'error' : entryLevel === 'WARN' ? 'warn' : entryLevel === 'INFO' ? 'info' : 'debug';
      sdkLog[method](meta ?? {}, message);
    }),
    telemetryOptions: {
      logging: { filter: { core: level, other: level }, forward: {} },
      ...(sdkMetricsPort > 0 ? { metrics: { prometheus: { bindAddress: `0.0.0.0:${sdkMetricsPort}` } } } : {}),
    },
  });
}
