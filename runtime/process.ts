import { logger } from './logger.js';

/** Resolves when `running` ends; the first SIGINT/SIGTERM calls `stop`, which should make it end. */
export async function runUntilSignal(running: Promise<unknown>, stop: () => Promise<unknown> | unknown): Promise<void> {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    Promise.resolve(stop()).catch((error) => logger('process').error({ err: error }, 'shutdown failed'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await running;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
