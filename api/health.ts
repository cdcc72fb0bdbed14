import Router from '@koa/router';
import type { ApiDeps } from './deps.js';

interface Check {
  ok: boolean;
  detail?: string;
}

async function check(probe: () => Promise<string | undefined>): Promise<Check> {
  try {
    const detail = await probe();
    return detail === undefined ? { ok: true } : { ok: true, detail };
  } catch (error) {
    return { ok: false, detail: (error as Error).message.split('\n')[0] };
  }
}

/** /healthz: the process lives. /readyz: PostgreSQL, Temporal and a worker on the task queue all answer. */
export function healthRouter(deps: ApiDeps): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/readyz', async (ctx) => {
    const { namespace, taskQueue } = deps.config.temporal;
    const [postgres, temporal, worker] = await Promise.all([
      check(async () => {
        await deps.orm.em.getConnection().execute('select 1');
        return undefined;
      }),
      check(async () => {
        const info = await deps.temporal.workflowService.getSystemInfo({});
        return `server ${info.serverVersion}`;
      }),
      check(async () => {
        const queue = await deps.temporal.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 });
        const pollers = queue.pollers?.length ?? 0;
        if (pollers === 0) throw new Error(`no worker is polling task queue "${taskQueue}"`);
        return `${pollers} poller(s) on "${taskQueue}"`;
      }),
    ]);
    const ready = postgres.ok && temporal.ok && worker.ok;
    ctx.status = ready ? 200 : 503;
    ctx.body = { ready, postgres, temporal, worker };
  });
  return router;
}
